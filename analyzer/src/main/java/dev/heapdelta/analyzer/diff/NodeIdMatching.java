package dev.heapdelta.analyzer.diff;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.graph.PrimitiveSort;
import dev.heapdelta.analyzer.store.IntColumn;
import dev.heapdelta.analyzer.store.LongColumn;
import java.util.HashMap;
import java.util.Map;

/**
 * V8 node ids are stable across the snapshots of one process, so objects can be matched by id:
 * walk both snapshots' ids in ascending order, in lockstep, as DevTools' Comparison view does.
 */
final class NodeIdMatching {
    private NodeIdMatching() {
    }

    /** For each class key: {new in last, deleted since first}. */
    static Map<String, long[]> newAndDeletedByKey(Snapshot first, Snapshot last) {
        HeapGraph a = first.graph();
        HeapGraph b = last.graph();
        IntColumn orderA = ascendingIds(a);
        IntColumn orderB = ascendingIds(b);
        int lengthA = orderA.length();
        int lengthB = orderB.length();
        Map<String, long[]> result = new HashMap<>();
        int i = 0;
        int j = 0;
        while (i < lengthA || j < lengthB) {
            long idA = i < lengthA ? a.idOf(orderA.get(i)) : Long.MAX_VALUE;
            long idB = j < lengthB ? b.idOf(orderB.get(j)) : Long.MAX_VALUE;
            if (i < lengthA && (j == lengthB || Long.compareUnsigned(idA, idB) < 0)) {
                countFor(result, a, orderA.get(i))[1]++;
                i++;
            } else if (j < lengthB && (i == lengthA || Long.compareUnsigned(idB, idA) < 0)) {
                countFor(result, b, orderB.get(j))[0]++;
                j++;
            } else {
                i++;
                j++;
            }
        }
        return result;
    }

    private static long[] countFor(Map<String, long[]> result, HeapGraph graph, int object) {
        int c = graph.classOf(object);
        String key = c < 0 ? "?" : graph.heapClass(c).key();
        return result.computeIfAbsent(key, k -> new long[2]);
    }

    /**
     * The objects by ascending unsigned id, ties in index order, as a column of the graph's store.
     * Snapshots usually number their nodes in id order already, which one pass detects; otherwise
     * the ids, sign bit flipped so that signed order is unsigned order, are radix-sorted.
     */
    private static IntColumn ascendingIds(HeapGraph graph) {
        int n = graph.objectCount();
        boolean sorted = true;
        for (int o = 1; o < n && sorted; o++) {
            sorted = Long.compareUnsigned(graph.idOf(o - 1), graph.idOf(o)) <= 0;
        }
        if (sorted) {
            IntColumn order = graph.store().ints("diff-id-order", n);
            for (int o = 0; o < n; o++) {
                order.set(o, o);
            }
            return order;
        }
        LongColumn keys = graph.store().longs("diff-id-keys", n);
        for (int o = 0; o < n; o++) {
            keys.set(o, graph.idOf(o) ^ Long.MIN_VALUE);
        }
        return PrimitiveSort.indexesByKey(keys, n, graph.store());
    }
}
