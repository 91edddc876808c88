package dev.heapdelta.analyzer.query;

import dev.heapdelta.analyzer.dominators.RetentionRule;
import dev.heapdelta.analyzer.graph.EdgeKind;
import dev.heapdelta.analyzer.graph.GrowableIntColumn;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.store.ColumnStore;
import dev.heapdelta.analyzer.store.IntColumn;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * V8 paths that start at a variable (DESIGN.md §4, path keys): a breadth-first search seeded only
 * by the anchors a key can start at, a context variable ({@code Module(server.js) › server}) or a
 * global property, that reaches each object in the fewest hops from one of them. For the objects
 * whose shortest path from the root names none: an embedder wrapper or a libuv handle one hop from
 * the root reaches an {@code http.Server} first ({@code (root) › [] › <symbol owner_symbol>}), while
 * the script's own {@code const server} is what the source declares. A script's variables and the
 * global's properties are seeded before the contexts of Node's own modules and of unnamed scripts,
 * so that they win a tie. Only context and property edges can be V8 anchors
 * ({@code V8ObjectDetails.anchorName}), and only those are asked. Performance: one scan of the
 * edges and an O(n + e) search; 4 bytes per object kept and 4 more while it runs, in the graph's
 * column store, and 4 bytes per edge of the other anchors that the scan leaves for the second
 * round; each path is O(length).
 */
public final class NamedPaths {
    private static final int UNREACHED = -2;
    /** A seed stores its anchor edge as {@code SEED_BASE - edge}, so that a walk back knows where it starts. */
    private static final int SEED_BASE = -3;
    /** What an object's edges of one kind anchor: not asked yet, none, the program's own variables, Node's or unnamed ones. */
    private static final int UNDECIDED = 0;
    private static final int NONE = 1;
    private static final int SCRIPTS_OWN = 2;
    private static final int OTHERS = 3;

    private final HeapGraph graph;
    private final IntColumn parentEdgeByObject;

    private NamedPaths(HeapGraph graph, IntColumn parentEdgeByObject) {
        this.graph = graph;
        this.parentEdgeByObject = parentEdgeByObject;
    }

    public static NamedPaths of(HeapGraph graph, PathKeys keys, ColumnStore store) {
        int n = graph.objectCount();
        IntColumn parentEdge = store.ints("named-paths-parent-edge", n);
        parentEdge.fill(UNREACHED);
        IntColumn queue = store.ints("named-paths-queue", n);
        RetentionRule rule = ShortestPaths.pathRuleFor(graph);
        int tail = 0;
        // One scan of the edges seeds the program's own variables and keeps, in edge order, the
        // other anchors' edges whose targets were not reached yet: a target reached stays reached,
        // so the second round of seeds, after the first search, needs only those.
        GrowableIntColumn laterSeeds = new GrowableIntColumn();
        for (int o = 0; o < n; o++) {
            // Whether an edge is an anchor, and whose, depends only on its kind and its source (a
            // context's variables, a global object's properties): asked once per object and kind,
            // as each ask finds the edge's source again.
            int contextAnchors = UNDECIDED;
            int propertyAnchors = UNDECIDED;
            for (int e = graph.firstEdge(o); e < graph.endEdge(o); e++) {
                EdgeKind kind = graph.edgeKind(e);
                if (kind != EdgeKind.V8_CONTEXT && kind != EdgeKind.V8_PROPERTY) {
                    continue;
                }
                int target = graph.edgeTarget(e);
                if (parentEdge.get(target) != UNREACHED || !rule.retains(graph, o, e)) {
                    continue;
                }
                int anchors = kind == EdgeKind.V8_CONTEXT ? contextAnchors : propertyAnchors;
                if (anchors == UNDECIDED) {
                    anchors = anchorsOf(keys.anchorName(e));
                    if (kind == EdgeKind.V8_CONTEXT) {
                        contextAnchors = anchors;
                    } else {
                        propertyAnchors = anchors;
                    }
                }
                if (anchors == SCRIPTS_OWN) {
                    parentEdge.set(target, SEED_BASE - e);
                    queue.set(tail++, target);
                } else if (anchors == OTHERS) {
                    laterSeeds.add(e);
                }
            }
        }
        tail = search(graph, rule, parentEdge, queue, 0, tail);
        int head = tail;
        for (long i = 0; i < laterSeeds.size(); i++) {
            int e = laterSeeds.get(i);
            int target = graph.edgeTarget(e);
            if (parentEdge.get(target) == UNREACHED) {
                parentEdge.set(target, SEED_BASE - e);
                queue.set(tail++, target);
            }
        }
        search(graph, rule, parentEdge, queue, head, tail);
        return new NamedPaths(graph, parentEdge);
    }

    /** Breadth-first from the queue's entries {@code head..tail}; returns the queue's new tail. */
    private static int search(HeapGraph graph, RetentionRule rule, IntColumn parentEdge, IntColumn queue, int head,
            int tail) {
        for (; head < tail; head++) {
            int v = queue.get(head);
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

    private static int anchorsOf(String anchor) {
        return anchor == null ? NONE : isScriptsOwn(anchor) ? SCRIPTS_OWN : OTHERS;
    }

    /** A program's own variable: a global property or a context variable of a script that is not Node's. */
    private static boolean isScriptsOwn(String anchor) {
        return anchor.startsWith("global" + PathKeys.SEPARATOR)
                || anchor.startsWith("Module(") && !anchor.startsWith("Module(node:");
    }

    /**
     * The path from the anchor's holder (a context, the global object) to {@code object}, its first
     * step's edge being the anchor; empty when no anchor reaches it.
     */
    public List<PathStep> pathFromAnchor(int object) {
        if (parentEdgeByObject.get(object) == UNREACHED) {
            return List.of();
        }
        List<PathStep> reversed = new ArrayList<>();
        reversed.add(new PathStep(object, -1));
        int current = object;
        while (true) {
            int parent = parentEdgeByObject.get(current);
            int edge = parent <= SEED_BASE ? SEED_BASE - parent : parent;
            current = graph.edgeSource(edge);
            reversed.add(new PathStep(current, edge));
            if (parent <= SEED_BASE) {
                break;
            }
            if (reversed.size() > graph.objectCount()) {
                throw new IllegalStateException("cycle in named-path parents at " + object);
            }
        }
        Collections.reverse(reversed);
        return reversed;
    }
}
