package dev.heapdelta.analyzer.query;

import dev.heapdelta.analyzer.dominators.DominatorTree;
import dev.heapdelta.analyzer.dominators.TreeWalkStack;
import dev.heapdelta.analyzer.graph.HeapFormat;
import dev.heapdelta.analyzer.graph.HeapGraph;

/**
 * Instance count, shallow size and retained size per class, over the objects the dominator tree
 * reached.
 *
 * <p>A class's retained size is the sum of the retained sizes of those instances that have no other
 * instance of the same class among their dominators: the rule of DevTools, VisualVM and MAT's
 * {@code getMinRetainedSize}. As in DevTools' Summary, V8 objects of zero shallow size (owned
 * arrays and synthetic nodes) and the V8 synthetic root are no class's instances. It is computed for every class in one iterative walk of the dominator
 * tree that counts, per class, the instances on the current path.
 */
public final class ClassHistogram {
    private final long[] countByClass;
    private final long[] shallowBytesByClass;
    private final long[] retainedBytesByClass;

    ClassHistogram(long[] countByClass, long[] shallowBytesByClass, long[] retainedBytesByClass) {
        this.countByClass = countByClass;
        this.shallowBytesByClass = shallowBytesByClass;
        this.retainedBytesByClass = retainedBytesByClass;
    }

    /** What {@link HistogramImage} saves. */
    long[][] columns() {
        return new long[][] {countByClass, shallowBytesByClass, retainedBytesByClass};
    }

    /** Performance: O(n) time; transient memory: 8 bytes per level of the tree's depth. */
    public static ClassHistogram of(DominatorTree tree) {
        HeapGraph graph = tree.graph();
        int classes = graph.classCount();
        long[] count = new long[classes];
        long[] shallow = new long[classes];
        long[] retained = new long[classes];
        int[] onPathByClass = new int[classes];
        int syntheticRoot = graph.syntheticRoot();

        int root = tree.virtualRoot();
        TreeWalkStack stack = new TreeWalkStack(tree);
        stack.push(root);
        while (!stack.isEmpty()) {
            int object = stack.nextChildOfTop();
            if (object < 0) {
                int parent = stack.topObject();
                if (parent != root && isInstance(graph, parent, syntheticRoot)) {
                    int c = graph.classOf(parent);
                    if (c >= 0) {
                        onPathByClass[c]--;
                    }
                }
                stack.pop();
                continue;
            }
            int c = isInstance(graph, object, syntheticRoot) ? graph.classOf(object) : -1;
            if (c >= 0) {
                count[c]++;
                shallow[c] += graph.shallowSizeOf(object);
                if (onPathByClass[c] == 0) {
                    retained[c] += tree.retainedSizeOf(object);
                }
                onPathByClass[c]++;
            }
            stack.push(object);
        }
        return new ClassHistogram(count, shallow, retained);
    }

    /**
     * Whether the histogram counts {@code object} as an instance of its class: it is in the dominator tree,
     * has a class, is not the V8 synthetic root and, for V8, has a non-zero shallow size (DevTools' rule).
     */
    public static boolean countsAsInstance(DominatorTree tree, int object) {
        HeapGraph graph = tree.graph();
        return object < graph.objectCount() && tree.isReachable(object) && graph.classOf(object) >= 0
                && isInstance(graph, object, graph.syntheticRoot());
    }

    /** V8 only: MAT counts an HPROF class object without statics (0 bytes) as a java.lang.Class instance. */
    private static boolean isInstance(HeapGraph graph, int object, int syntheticRoot) {
        return object != syntheticRoot && (graph.format() != HeapFormat.V8 || graph.shallowSizeOf(object) != 0);
    }

    public int classCount() {
        return countByClass.length;
    }

    public long count(int classIndex) {
        return countByClass[classIndex];
    }

    public long shallowBytes(int classIndex) {
        return shallowBytesByClass[classIndex];
    }

    public long retainedBytes(int classIndex) {
        return retainedBytesByClass[classIndex];
    }

    /** Class indexes with at least one reached instance, by descending retained size, then name order. */
    public int[] classesByRetainedSize() {
        int[] present = java.util.stream.IntStream.range(0, countByClass.length)
                .filter(c -> countByClass[c] > 0).toArray();
        long[] keys = new long[present.length];
        for (int i = 0; i < present.length; i++) {
            keys[i] = -retainedBytesByClass[present[i]];
        }
        int[] order = dev.heapdelta.analyzer.graph.PrimitiveSort.indexesByKey(keys, keys.length);
        int[] result = new int[present.length];
        for (int i = 0; i < order.length; i++) {
            result[i] = present[order[i]];
        }
        return result;
    }
}
