package dev.heapdelta.analyzer.diff;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.graph.PrimitiveSort;
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
        int[] orderA = ascendingIds(a);
        int[] orderB = ascendingIds(b);
        Map<String, long[]> result = new HashMap<>();
        int i = 0;
        int j = 0;
        while (i < orderA.length || j < orderB.length) {
            long idA = i < orderA.length ? a.idOf(orderA[i]) : Long.MAX_VALUE;
            long idB = j < orderB.length ? b.idOf(orderB[j]) : Long.MAX_VALUE;
            if (i < orderA.length && (j == orderB.length || Long.compareUnsigned(idA, idB) < 0)) {
                countFor(result, a, orderA[i])[1]++;
                i++;
            } else if (j < orderB.length && (i == orderA.length || Long.compareUnsigned(idB, idA) < 0)) {
                countFor(result, b, orderB[j])[0]++;
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

    private static int[] ascendingIds(HeapGraph graph) {
        long[] keys = new long[graph.objectCount()];
        for (int o = 0; o < keys.length; o++) {
            // Flip the sign bit so that signed order is unsigned order: ids above 2^63 stay last.
            keys[o] = graph.idOf(o) ^ Long.MIN_VALUE;
        }
        return PrimitiveSort.indexesByKey(keys, keys.length);
    }
}
