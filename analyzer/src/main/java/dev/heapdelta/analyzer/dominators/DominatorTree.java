package dev.heapdelta.analyzer.dominators;

import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.source.AnalysisPhase;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.ProgressListener;
import java.util.Arrays;

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
    private final int[] immediateDominatorByObject;
    private final long[] retainedSizeByObject;
    /** The reached objects in DFS preorder, the virtual root first; entries from {@code reached} on mean nothing. */
    private final int[] objectsInPreorder;
    private final int reached;
    private final int[] firstChildByObject;
    private final int[] children;
    private final RetentionRule rule;
    private final int unreachableCount;

    DominatorTree(HeapGraph graph, RetentionRule rule, int[] immediateDominatorByObject,
            long[] retainedSizeByObject, int[] objectsInPreorder, int reached, int unreachableCount) {
        this.graph = graph;
        this.unreachableCount = unreachableCount;
        this.rule = rule;
        this.virtualRoot = graph.objectCount();
        this.immediateDominatorByObject = immediateDominatorByObject;
        this.retainedSizeByObject = retainedSizeByObject;
        this.objectsInPreorder = objectsInPreorder;
        this.reached = reached;
        this.firstChildByObject = new int[virtualRoot + 2];
        this.children = new int[Math.max(0, reached - 1)];
        buildChildren();
    }

    /**
     * Computes the tree. Performance: O(e log n) time, about 40 bytes per object of transient memory.
     *
     * @param attachUnreachableTo where unreachable objects hang: -1 to leave them out (MAT's default), the
     *     object count for the virtual root, or an object (V8's synthetic root). As in Chrome DevTools,
     *     unreached objects without any retaining referrer start DFS trees of their own under it, and
     *     what is still unreached after that (unreachable cycles) hangs from it one object at a time
     */
    public static DominatorTree compute(HeapGraph graph, RetentionRule rule, int attachUnreachableTo,
            CancelSignal cancel, ProgressListener progress) {
        int n = graph.objectCount();
        progress.progress(AnalysisPhase.DOMINATORS, 0, n);
        LengauerTarjan.Result result = new LengauerTarjan(graph, rule, attachUnreachableTo, cancel, progress).run();
        int[] vertex = result.vertexByPreorder();
        int[] idomByPreorder = result.immediateDominatorByPreorder();
        int reached = result.reachedCount();

        progress.progress(AnalysisPhase.RETAINED_SIZES, 0, reached);
        long[] retainedByObject = new long[n + 1];
        for (int i = 1; i < reached; i++) {
            retainedByObject[vertex[i]] = graph.shallowSizeOf(vertex[i]);
        }
        // A dominator always precedes what it dominates in DFS preorder, so one backward pass sums subtrees.
        for (int i = reached - 1; i >= 1; i--) {
            retainedByObject[vertex[idomByPreorder[i]]] += retainedByObject[vertex[i]];
        }
        cancel.throwIfCancelled();
        int[] idomByObject = new int[n + 1];
        Arrays.fill(idomByObject, UNREACHABLE);
        for (int i = 1; i < reached; i++) {
            idomByObject[vertex[i]] = vertex[idomByPreorder[i]];
        }
        int unreachable = n - (result.reachedBeforeAttaching() - 1);
        return new DominatorTree(graph, rule, idomByObject, retainedByObject, vertex, reached, unreachable);
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

    private void buildChildren() {
        for (int i = 1; i < reached; i++) {
            int object = objectsInPreorder[i];
            firstChildByObject[immediateDominatorByObject[object] + 1]++;
        }
        for (int o = 0; o <= virtualRoot; o++) {
            firstChildByObject[o + 1] += firstChildByObject[o];
        }
        int[] cursor = Arrays.copyOf(firstChildByObject, virtualRoot + 1);
        for (int i = 1; i < reached; i++) {
            int object = objectsInPreorder[i];
            children[cursor[immediateDominatorByObject[object]]++] = object;
        }
    }

    public HeapGraph graph() {
        return graph;
    }

    public RetentionRule rule() {
        return rule;
    }

    /** The index of the virtual root: the graph's object count. */
    public int virtualRoot() {
        return virtualRoot;
    }

    /** The immediate dominator of an object: another object, {@link #virtualRoot()}, or -1 if unreachable. */
    public int immediateDominatorOf(int object) {
        return immediateDominatorByObject[object];
    }

    public boolean isReachable(int object) {
        return immediateDominatorByObject[object] != UNREACHABLE || object == virtualRoot;
    }

    /** The retained size of an object; for the virtual root, the sum over every reachable object. */
    public long retainedSizeOf(int object) {
        return retainedSizeByObject[object];
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
        return objectsInPreorder[i + 1];
    }

    public int childCount(int object) {
        return firstChildByObject[object + 1] - firstChildByObject[object];
    }

    /** Where the children of {@code object} start in the flat child list ({@link #childAt}). */
    public int firstChildIndex(int object) {
        return firstChildByObject[object];
    }

    /** One entry of the flat child list: children of {@code o} are at {@code firstChildIndex(o) ..
     * firstChildIndex(o + 1) - 1}. */
    public int childAt(int index) {
        return children[index];
    }

    /** The objects {@code object} immediately dominates, in no particular order. */
    public int[] childrenOf(int object) {
        return Arrays.copyOfRange(children, firstChildByObject[object], firstChildByObject[object + 1]);
    }

    /** The children of {@code object} by descending retained size. */
    public int[] childrenByRetainedSize(int object) {
        int[] result = childrenOf(object);
        long[] keys = new long[result.length];
        for (int i = 0; i < result.length; i++) {
            keys[i] = -retainedSizeByObject[result[i]];
        }
        int[] order = dev.heapdelta.analyzer.graph.PrimitiveSort.indexesByKey(keys, keys.length);
        int[] sorted = new int[result.length];
        for (int i = 0; i < order.length; i++) {
            sorted[i] = result[order[i]];
        }
        return sorted;
    }
}
