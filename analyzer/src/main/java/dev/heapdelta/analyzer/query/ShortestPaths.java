package dev.heapdelta.analyzer.query;

import dev.heapdelta.analyzer.dominators.RetentionRule;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.graph.ObjectKind;
import dev.heapdelta.analyzer.graph.RootKind;
import dev.heapdelta.analyzer.store.ColumnStore;
import dev.heapdelta.analyzer.store.IntColumn;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The shortest path from a GC root to every object, by breadth-first search from the graph's
 * entry objects over the edges a path may use (never {@code Reference.referent}, never a V8 weak
 * edge): first from class objects, so that whatever a static field reaches has its path through
 * one (never through a thread), then from the threads and the other roots for the rest. Performance: O(n + e) once, 4 bytes per object kept and 4 more while it runs, in the graph's
 * column store; each path is then O(length · log n).
 */
public final class ShortestPaths {
    private static final int ENTRY = -1;
    private static final int UNREACHED = -2;
    private static final int HELD_BACK = -3;

    private final HeapGraph graph;
    private final IntColumn parentEdgeByObject;

    private ShortestPaths(HeapGraph graph, IntColumn parentEdgeByObject) {
        this.graph = graph;
        this.parentEdgeByObject = parentEdgeByObject;
    }

    /** The rule for paths: MAT's "exclude weak/soft references" for HPROF, DevTools' for V8. */
    public static RetentionRule pathRuleFor(HeapGraph graph) {
        return switch (graph.format()) {
            case HPROF -> RetentionRule.ignoringReferents();
            case V8 -> RetentionRule.devTools(graph);
        };
    }

    public static ShortestPaths of(HeapGraph graph) {
        return of(graph, graph.store());
    }

    /** The paths with their columns in {@code store}. */
    public static ShortestPaths of(HeapGraph graph, ColumnStore store) {
        RetentionRule rule = pathRuleFor(graph);
        int n = graph.objectCount();
        IntColumn parentEdge = store.ints("paths-parent-edge", n);
        parentEdge.fill(UNREACHED);
        IntColumn queue = store.ints("paths-queue", n);
        int tail = 0;
        // Class objects first: an object that a static field reaches is named by that field, even when
        // a thread's stack frame is nearer (DESIGN.md §4, path keys). Thread objects are held back
        // meanwhile, so that a static path never runs through a thread into its stack (a shutdown
        // hook's thread group lists every thread). Then the threads and the other roots, for the rest.
        for (int r = 0; r < graph.rootRecordCount(); r++) {
            if (graph.rootKind(r) == RootKind.THREAD_OBJECT) {
                parentEdge.set(graph.rootObject(r), HELD_BACK);
            }
        }
        for (boolean classes : new boolean[] {true, false}) {
            if (!classes) {
                for (int r = 0; r < graph.rootRecordCount(); r++) {
                    if (parentEdge.get(graph.rootObject(r)) == HELD_BACK) {
                        parentEdge.set(graph.rootObject(r), UNREACHED);
                    }
                }
            }
            int head = tail;
            for (int i = 0; i < graph.entryCount(); i++) {
                int entry = graph.entryObject(i);
                if (parentEdge.get(entry) == UNREACHED && (graph.kindOf(entry) == ObjectKind.CLASS) == classes) {
                    parentEdge.set(entry, ENTRY);
                    queue.set(tail++, entry);
                }
            }
            tail = search(graph, rule, parentEdge, queue, head, tail);
        }
        return new ShortestPaths(graph, parentEdge);
    }

    /** Breadth-first from the queued objects; returns the queue's new end. */
    private static int search(HeapGraph graph, RetentionRule rule, IntColumn parentEdge, IntColumn queue, int head,
            int tail) {
        while (head < tail) {
            int v = queue.get(head++);
            for (int e = graph.firstEdge(v); e < graph.endEdge(v); e++) {
                int w = graph.edgeTarget(e);
                if (parentEdge.get(w) == UNREACHED && rule.retains(graph, v, e)) {
                    parentEdge.set(w, e);
                    queue.set(tail++, w);
                }
            }
        }
        return tail;
    }

    public boolean hasPath(int object) {
        return parentEdgeByObject.get(object) != UNREACHED;
    }

    /** The path from a GC root to {@code object}, root-first; empty when there is none. */
    public List<PathStep> pathTo(int object) {
        if (!hasPath(object)) {
            return List.of();
        }
        List<PathStep> reversed = new ArrayList<>();
        reversed.add(new PathStep(object, -1));
        int current = object;
        while (parentEdgeByObject.get(current) != ENTRY) {
            int edge = parentEdgeByObject.get(current);
            int source = graph.edgeSource(edge);
            reversed.add(new PathStep(source, edge));
            current = source;
            if (reversed.size() > graph.objectCount()) {
                throw new IllegalStateException("cycle in shortest-path parents at " + object);
            }
        }
        Collections.reverse(reversed);
        return reversed;
    }

    /** The edge by which {@code object} was first reached, -1 for an entry, -2 when unreached. */
    public int parentEdgeOf(int object) {
        return parentEdgeByObject.get(object);
    }
}
