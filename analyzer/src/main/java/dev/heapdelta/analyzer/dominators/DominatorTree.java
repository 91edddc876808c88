package dev.heapdelta.analyzer.dominators;

import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.source.AnalysisPhase;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.ProgressListener;
import dev.heapdelta.analyzer.store.ColumnStore;
import dev.heapdelta.analyzer.store.IntColumn;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The dominator tree of a {@link HeapGraph} under a {@link RetentionRule}, with the retained size of
 * every object.
 *
 * <p>The tree hangs from a virtual root, numbered {@link #virtualRoot()} (= the object count), whose
 * children are the graph's entry objects. Objects that are not reachable have no dominator
 * ({@link #immediateDominatorOf} is -1) unless they were attached on request.
 */
public final class DominatorTree {
    public static final int UNREACHABLE = -1;

    private final HeapGraph graph;
    private final int virtualRoot;
    private final IntColumn immediateDominatorByObject;
    private final RetainedSizes retainedSizeByObject;
    /** The reached objects in DFS preorder, the virtual root first; entries from {@code reached} on mean nothing. */
    private final IntColumn objectsInPreorder;
    private final int reached;
    /**
     * The child lists, built on first use: a tree reopened from its image is shown before anything walks it
     * (building them takes seconds on 38 M objects, at random over the immediate dominators).
     */
    private volatile ChildLists childLists;
    private final RetentionRule rule;
    private final int unreachableCount;
    private final ColumnStore store;

    DominatorTree(HeapGraph graph, RetentionRule rule, IntColumn immediateDominatorByObject,
            RetainedSizes retainedSizeByObject, IntColumn objectsInPreorder, int reached, int unreachableCount,
            ColumnStore store) {
        this.graph = graph;
        this.unreachableCount = unreachableCount;
        this.rule = rule;
        this.store = store;
        this.virtualRoot = graph.objectCount();
        this.immediateDominatorByObject = immediateDominatorByObject;
        this.retainedSizeByObject = retainedSizeByObject;
        this.objectsInPreorder = objectsInPreorder;
        this.reached = reached;
    }

    /** Children of object o are {@code children[firstChildByObject[o] .. firstChildByObject[o + 1] - 1]}. */
    private record ChildLists(IntColumn firstChildByObject, IntColumn children) {
    }

    /**
     * Computes the tree with the graph's own column store ({@link HeapGraph#store()}).
     *
     * @param attachUnreachableTo where unreachable objects hang: -1 to leave them out (MAT's default), the
     *     object count for the virtual root, or an object (V8's synthetic root). As in Chrome DevTools,
     *     unreached objects without any retaining referrer start DFS trees of their own under it, and
     *     what is still unreached after that (unreachable cycles) hangs from it one object at a time
     */
    public static DominatorTree compute(HeapGraph graph, RetentionRule rule, int attachUnreachableTo,
            CancelSignal cancel, ProgressListener progress) {
        return compute(graph, rule, attachUnreachableTo, cancel, progress, graph.store());
    }

    /**
     * Computes the tree with its columns, kept and transient, in {@code store}. Performance: O(e log n)
     * time, one pass over the edges and one over the late ones; kept: 12 bytes per object (and 8 per
     * retained size above 2 GiB); transient peak: 20 bytes per object plus 4 per back or cross edge of
     * the search (fewer than the edges: a tree edge costs nothing) and a bit per edge.
     */
    public static DominatorTree compute(HeapGraph graph, RetentionRule rule, int attachUnreachableTo,
            CancelSignal cancel, ProgressListener progress, ColumnStore store) {
        int n = graph.objectCount();
        progress.progress(AnalysisPhase.DOMINATORS, 0, n);
        LengauerTarjan.Result result = new LengauerTarjan(graph, rule, attachUnreachableTo, cancel, progress,
                store).run();
        IntColumn vertex = result.vertexByPreorder();
        int reached = result.reachedCount();
        int unreachable = n - (result.reachedBeforeAttaching() - 1);

        progress.progress(AnalysisPhase.RETAINED_SIZES, 0, reached);
        RetainedSizes retainedByPreorder = retainedSizesByPreorder(graph, result, store);
        cancel.throwIfCancelled();
        IntColumn idomByObject = scatterDominators(result, n, store);
        store.scratch().release(result.immediateDominatorByPreorder());
        // Dead from here (a local the interpreter would keep): no more than four n-sized int columns' worth
        // is alive at once.
        result = null;
        RetainedSizes retainedByObject = retainedByPreorder.scatteredTo(vertex, 0, reached, store,
                "dominators-retained-size", n + 1);
        retainedByPreorder.releaseTo(store.scratch());
        retainedByPreorder = null;
        return new DominatorTree(graph, rule, idomByObject, retainedByObject, vertex, reached, unreachable, store);
    }

    /**
     * Retained sizes summed in preorder, where a dominator's slot usually lies near its subtree's: the
     * shallow sizes gathered on both cores, then one backward pass, as a dominator always precedes what
     * it dominates.
     */
    private static RetainedSizes retainedSizesByPreorder(HeapGraph graph, LengauerTarjan.Result result,
            ColumnStore store) {
        IntColumn vertex = result.vertexByPreorder();
        IntColumn idomByPreorder = result.immediateDominatorByPreorder();
        int reached = result.reachedCount();
        RetainedSizes retained = RetainedSizes.compact(store.scratch(), "dominators-retained-by-preorder", reached);
        AtomicBoolean sizesAboveIntRange = new AtomicBoolean();
        BothCores.split(1, reached, (from, to) -> {
            for (int i = from; i < to; i++) {
                if (!retained.setIfCompact(i, graph.shallowSizeOf(vertex.get(i)))) {
                    sizesAboveIntRange.set(true);
                }
            }
        });
        if (sizesAboveIntRange.get()) {
            // An array above 2 GiB: the side table is appended to on one core.
            for (int i = 1; i < reached; i++) {
                long size = graph.shallowSizeOf(vertex.get(i));
                if (size > Integer.MAX_VALUE) {
                    retained.set(i, size);
                }
            }
        }
        for (int i = reached - 1; i >= 1; i--) {
            int dominator = idomByPreorder.get(i);
            retained.set(dominator, retained.get(dominator) + retained.get(i));
        }
        return retained;
    }

    /**
     * The immediate dominators by object, scattered on both cores: kept, but written at random, so out of core
     * on the heap while the scratch budget lasts, then copied to the mapped file in bulk.
     */
    private static IntColumn scatterDominators(LengauerTarjan.Result result, int n, ColumnStore store) {
        IntColumn vertex = result.vertexByPreorder();
        IntColumn idomByPreorder = result.immediateDominatorByPreorder();
        IntColumn idomByObject = store.scratch().ints("dominators-idom", n + 1);
        idomByObject.fill(UNREACHABLE);
        BothCores.split(1, result.reachedCount(), (from, to) -> {
            for (int i = from; i < to; i++) {
                idomByObject.set(vertex.get(i), vertex.get(idomByPreorder.get(i)));
            }
        });
        return store.keep("dominators-idom", idomByObject);
    }

    /** MAT's default for HPROF or DevTools' for V8, leaving unreachable HPROF objects out. */
    public static DominatorTree computeDefault(HeapGraph graph) {
        int attach = graph.syntheticRoot() >= 0 ? graph.syntheticRoot() : -1;
        return compute(graph, RetentionRule.defaultFor(graph), attach, CancelSignal.NEVER, ProgressListener.NONE);
    }

    /** What {@link TreeImage} saves: the children are rebuilt from the immediate dominators. */
    TreeImage.Columns columns() {
        return new TreeImage.Columns(immediateDominatorByObject, retainedSizeByObject, objectsInPreorder, reached,
                unreachableCount);
    }

    /**
     * Child lists in CSR form without a cursor array: counts go two slots ahead, so that after the prefix
     * sum {@code first[o + 1]} is where o's children start and serves as o's fill cursor, ending where
     * o + 1's start. Children keep preorder within each list.
     */
    private ChildLists childLists() {
        ChildLists lists = childLists;
        if (lists == null) {
            synchronized (this) {
                lists = childLists;
                if (lists == null) {
                    lists = buildChildren();
                    childLists = lists;
                }
            }
        }
        return lists;
    }

    /**
     * Both columns are kept, but written at random here (by dominator, and into each one's range): out of
     * core, they are built on the heap while the scratch budget lasts, then copied to mapped files in bulk.
     */
    private ChildLists buildChildren() {
        ColumnStore scratch = store.scratch();
        IntColumn first = scratch.ints("dominators-first-child", virtualRoot + 3);
        IntColumn objects = objectsInPreorder;
        IntColumn idom = immediateDominatorByObject;
        for (int i = 1; i < reached; i++) {
            int slot = idom.get(objects.get(i)) + 2;
            first.set(slot, first.get(slot) + 1);
        }
        int sum = 0;
        for (int o = 0; o < first.length(); o++) {
            sum += first.get(o);
            first.set(o, sum);
        }
        IntColumn list = scratch.ints("dominators-children", Math.max(0, reached - 1));
        for (int i = 1; i < reached; i++) {
            int object = objects.get(i);
            int slot = idom.get(object) + 1;
            int at = first.get(slot);
            first.set(slot, at + 1);
            list.set(at, object);
        }
        return new ChildLists(store.keep("dominators-first-child", first), store.keep("dominators-children", list));
    }

    public HeapGraph graph() {
        return graph;
    }

    public RetentionRule rule() {
        return rule;
    }

    /** Where the tree's columns live; walks over the tree take their object-sized scratch from it. */
    public ColumnStore store() {
        return store;
    }

    /** The index of the virtual root: the graph's object count. */
    public int virtualRoot() {
        return virtualRoot;
    }

    /** The immediate dominator of an object: another object, {@link #virtualRoot()}, or -1 if unreachable. */
    public int immediateDominatorOf(int object) {
        return immediateDominatorByObject.get(object);
    }

    public boolean isReachable(int object) {
        return immediateDominatorByObject.get(object) != UNREACHABLE || object == virtualRoot;
    }

    /** The retained size of an object; for the virtual root, the sum over every reachable object. */
    public long retainedSizeOf(int object) {
        return retainedSizeByObject.get(object);
    }

    /**
     * Objects not reachable from the entries over retaining edges, whether or not they were then
     * attached to the tree.
     */
    public int unreachableCount() {
        return unreachableCount;
    }

    /** Reached objects, the virtual root excluded. */
    public int reachableCount() {
        return reached - 1;
    }

    /** The reached objects in DFS preorder; a dominator always comes before what it dominates. */
    public int objectInPreorder(int i) {
        return objectsInPreorder.get(i + 1);
    }

    public int childCount(int object) {
        IntColumn first = childLists().firstChildByObject();
        return first.get(object + 1) - first.get(object);
    }

    /** Where the children of {@code object} start in the flat child list ({@link #childAt}). */
    public int firstChildIndex(int object) {
        return childLists().firstChildByObject().get(object);
    }

    /** One entry of the flat child list: children of {@code o} are at {@code firstChildIndex(o) ..
     * firstChildIndex(o + 1) - 1}. */
    public int childAt(int index) {
        return childLists().children().get(index);
    }

    /**
     * The objects {@code object} immediately dominates, in no particular order. As long as its child
     * count: for the virtual root of a large heap, prefer {@link #childrenByRetainedSize(int, int)}.
     */
    public int[] childrenOf(int object) {
        ChildLists lists = childLists();
        int from = lists.firstChildByObject().get(object);
        int[] result = new int[lists.firstChildByObject().get(object + 1) - from];
        for (int i = 0; i < result.length; i++) {
            result[i] = lists.children().get(from + i);
        }
        return result;
    }

    /** All children of {@code object} by descending retained size; see {@link #childrenByRetainedSize(int, int)}. */
    public int[] childrenByRetainedSize(int object) {
        return childrenByRetainedSize(object, childCount(object));
    }

    /**
     * Drops the child lists (two int columns, 8 bytes per object): a caller that has done with every walk
     * down the tree (a plain summary, once its histogram is made) lets the report phase run without them.
     * A later question about children builds them again. Only while no other thread walks the tree: out of
     * core, a walk still holding the old lists would read released files.
     */
    public synchronized void releaseChildLists() {
        ChildLists lists = childLists;
        childLists = null;
        if (lists != null) {
            store.release(lists.firstChildByObject());
            store.release(lists.children());
        }
    }

    /**
     * As {@link #childrenByRetainedSize(int, int)}, but without building the child lists where they are not
     * built: one pass over the preorder, in which each list keeps its children's order, so the ties fall
     * alike. For a question asked once (a report's top dominators); a walk asking many should build them.
     */
    public int[] largestChildren(int object, int limit) {
        if (childLists != null) {
            return childrenByRetainedSize(object, limit);
        }
        IntColumn objects = objectsInPreorder;
        IntColumn idom = immediateDominatorByObject;
        int[] positions = LargestKeys.largest(limit, reached - 1,
                i -> retainedSizeByObject.get(objects.get(i + 1)), i -> idom.get(objects.get(i + 1)) == object);
        for (int i = 0; i < positions.length; i++) {
            positions[i] = objects.get(positions[i] + 1);
        }
        return positions;
    }

    /**
     * The {@code limit} children of {@code object} with the largest retained sizes, largest first, ties
     * in child-list order: a partial selection in O(c log limit) that never holds all c children.
     */
    public int[] childrenByRetainedSize(int object, int limit) {
        ChildLists lists = childLists();
        int first = lists.firstChildByObject().get(object);
        int count = lists.firstChildByObject().get(object + 1) - first;
        IntColumn list = lists.children();
        int[] positions = LargestKeys.largest(limit, count, i -> retainedSizeByObject.get(list.get(first + i)),
                i -> true);
        for (int i = 0; i < positions.length; i++) {
            positions[i] = list.get(first + positions[i]);
        }
        return positions;
    }
}
