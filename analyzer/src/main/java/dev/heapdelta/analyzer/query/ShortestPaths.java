package dev.heapdelta.analyzer.query;

import dev.heapdelta.analyzer.dominators.RetentionRule;
import dev.heapdelta.analyzer.graph.EdgeKind;
import dev.heapdelta.analyzer.graph.HeapFormat;
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
 * entry objects over the edges a path may use (by default never {@code Reference.referent}, never a V8 weak
 * edge; {@link PathExclusions} choose otherwise): first from class objects, so that whatever a static field reaches has its path through
 * one (never through a thread), then from the threads' fields and the other roots, and last from
 * the threads' stack frames. For V8, the stack and handle-scope roots likewise come last. Performance: O(n + e) once, 4 bytes per object kept and 4 more while it runs, in the graph's
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
        return search(graph, store, pathRuleFor(graph), null);
    }

    /**
     * The shortest paths that avoid {@code exclusions}; with the defaults, the same as {@link #of(HeapGraph)}.
     * Performance: as {@link #of(HeapGraph)}, plus one record read per object of a class with an excluded field.
     */
    public static ShortestPaths of(HeapGraph graph, PathExclusions exclusions) {
        if (exclusions.isDefault()) {
            return of(graph);
        }
        return search(graph, graph.store(), RetentionRule.matDefault(), new ExcludedReferences(graph, exclusions));
    }

    /** {@code excluded} is null for the default paths, whose edges {@code rule} alone decides. */
    private static ShortestPaths search(HeapGraph graph, ColumnStore store, RetentionRule rule,
            ExcludedReferences excluded) {
        int n = graph.objectCount();
        IntColumn parentEdge = store.ints("paths-parent-edge", n);
        parentEdge.fill(UNREACHED);
        IntColumn queue = store.ints("paths-queue", n);
        // Three rounds, each a breadth-first search that continues the one before (DESIGN.md §4, path
        // keys). First from class objects, with the threads held back: whatever a static field reaches
        // is named by that field, even when a stack frame is nearer, and never through a thread (a
        // shutdown hook's thread group lists every thread). Then from the threads and the other roots,
        // over fields only: a worker's Runnable and what it holds. Last, the stack frames' locals,
        // which hold what nothing else does, and change from one dump to the next.
        for (int r = 0; r < graph.rootRecordCount(); r++) {
            if (graph.rootKind(r) == RootKind.THREAD_OBJECT) {
                parentEdge.set(graph.rootObject(r), HELD_BACK);
            }
        }
        int tail = seedEntries(graph, excluded, parentEdge, queue, 0, true);
        tail = search(graph, rule, excluded, parentEdge, queue, 0, tail, false);
        for (int r = 0; r < graph.rootRecordCount(); r++) {
            if (parentEdge.get(graph.rootObject(r)) == HELD_BACK) {
                parentEdge.set(graph.rootObject(r), UNREACHED);
            }
        }
        int head = tail;
        boolean v8 = graph.format() == HeapFormat.V8;
        if (v8) {
            holdBackV8Scratch(graph, parentEdge);
        }
        tail = seedEntries(graph, excluded, parentEdge, queue, tail, false);
        tail = search(graph, rule, excluded, parentEdge, queue, head, tail, false);
        head = tail;
        if (v8) {
            tail = releaseV8Scratch(graph, rule, excluded, parentEdge, queue, tail);
            tail = search(graph, rule, excluded, parentEdge, queue, head, tail, false);
            head = tail;
        }
        for (int r = 0; r < graph.rootRecordCount(); r++) {
            int thread = graph.rootObject(r);
            // A thread that an excluded root kind left unreached holds no path either.
            if (graph.rootKind(r) != RootKind.THREAD_OBJECT || parentEdge.get(thread) == UNREACHED) {
                continue;
            }
            for (int e = graph.firstEdge(thread); e < graph.endEdge(thread); e++) {
                int local = graph.edgeTarget(e);
                if (graph.edgeKind(e) == EdgeKind.THREAD_LOCAL && parentEdge.get(local) == UNREACHED
                        && follows(graph, rule, excluded, thread, e)) {
                    parentEdge.set(local, e);
                    queue.set(tail++, local);
                }
            }
        }
        search(graph, rule, excluded, parentEdge, queue, head, tail, true);
        return new ShortestPaths(graph, parentEdge);
    }

    /**
     * V8's stack and handle-scope roots hold whatever the code running at snapshot time has in its
     * locals and handles: a script's top-level {@code const} or the global object itself, one hop from
     * the root, so a path through them names no variable ({@code (root) › []}). Like a Java thread's
     * frames they go last, and the global property or context variable that holds the object names it.
     */
    private static void holdBackV8Scratch(HeapGraph graph, IntColumn parentEdge) {
        for (int o = 0; o < graph.objectCount(); o++) {
            if (isV8Scratch(graph, o) && parentEdge.get(o) == UNREACHED) {
                parentEdge.set(o, HELD_BACK);
            }
        }
    }

    /** Reaches the held-back roots from the synthetic root category that lists them; returns the queue's new end. */
    private static int releaseV8Scratch(HeapGraph graph, RetentionRule rule, ExcludedReferences excluded,
            IntColumn parentEdge, IntColumn queue, int tail) {
        int end = tail;
        for (int o = 0; o < graph.objectCount(); o++) {
            if (graph.kindOf(o) != ObjectKind.V8_SYNTHETIC || parentEdge.get(o) < ENTRY) {
                continue;
            }
            for (int e = graph.firstEdge(o); e < graph.endEdge(o); e++) {
                int w = graph.edgeTarget(e);
                if (parentEdge.get(w) == HELD_BACK && follows(graph, rule, excluded, o, e)) {
                    parentEdge.set(w, e);
                    queue.set(end++, w);
                }
            }
        }
        for (int o = 0; o < graph.objectCount(); o++) {
            if (parentEdge.get(o) == HELD_BACK) {
                parentEdge.set(o, UNREACHED);
            }
        }
        return end;
    }

    private static boolean isV8Scratch(HeapGraph graph, int object) {
        if (graph.kindOf(object) != ObjectKind.V8_SYNTHETIC) {
            return false;
        }
        String name = graph.details().label(object);
        return name.equals("(Stack roots)") || name.equals("(Handle scope)");
    }

    /** Queues the unreached entries that are class objects, or those that are not. */
    private static int seedEntries(HeapGraph graph, ExcludedReferences excluded, IntColumn parentEdge, IntColumn queue,
            int tail, boolean classes) {
        int end = tail;
        for (int i = 0; i < graph.entryCount(); i++) {
            int entry = graph.entryObject(i);
            if (parentEdge.get(entry) == UNREACHED && (graph.kindOf(entry) == ObjectKind.CLASS) == classes
                    && (excluded == null || excluded.startsPaths(entry))) {
                parentEdge.set(entry, ENTRY);
                queue.set(end++, entry);
            }
        }
        return end;
    }

    /** Breadth-first from the queued objects, over stack-frame edges too or not; returns the queue's new end. */
    private static int search(HeapGraph graph, RetentionRule rule, ExcludedReferences excluded, IntColumn parentEdge,
            IntColumn queue, int head, int tail, boolean frames) {
        int end = tail;
        for (int next = head; next < end; next++) {
            int v = queue.get(next);
            for (int e = graph.firstEdge(v); e < graph.endEdge(v); e++) {
                int w = graph.edgeTarget(e);
                if (parentEdge.get(w) == UNREACHED && (frames || graph.edgeKind(e) != EdgeKind.THREAD_LOCAL)
                        && follows(graph, rule, excluded, v, e)) {
                    parentEdge.set(w, e);
                    queue.set(end++, w);
                }
            }
        }
        return end;
    }

    private static boolean follows(HeapGraph graph, RetentionRule rule, ExcludedReferences excluded, int source,
            int edge) {
        return excluded == null ? rule.retains(graph, source, edge) : excluded.follows(source, edge);
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
