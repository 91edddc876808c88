package dev.heapdelta.analyzer.diff;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.store.IntColumn;
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
     * The objects by ascending unsigned id, ties in index order: a bottom-up merge sort over two
     * columns of the graph's store, reading the ids from the graph. Snapshots usually number their
     * nodes in id order already, which one pass detects.
     */
    private static IntColumn ascendingIds(HeapGraph graph) {
        int n = graph.objectCount();
        IntColumn order = graph.store().ints("diff-id-order", n);
        boolean sorted = true;
        for (int o = 0; o < n; o++) {
            order.set(o, o);
            sorted &= o == 0 || Long.compareUnsigned(graph.idOf(o - 1), graph.idOf(o)) <= 0;
        }
        if (sorted || n < 2) {
            return order;
        }
        IntColumn scratch = graph.store().ints("diff-id-order-scratch", n);
        for (int width = 1; width < n; width *= 2) {
            for (int low = 0; low < n; low += 2 * width) {
                int mid = Math.min(low + width, n);
                int high = Math.min(low + 2 * width, n);
                int i = low;
                int j = mid;
                int k = low;
                while (i < mid && j < high) {
                    int left = order.get(i);
                    int right = order.get(j);
                    if (Long.compareUnsigned(graph.idOf(right), graph.idOf(left)) < 0) {
                        scratch.set(k++, right);
                        j++;
                    } else {
                        scratch.set(k++, left);
                        i++;
                    }
                }
                while (i < mid) {
                    scratch.set(k++, order.get(i++));
                }
                while (j < high) {
                    scratch.set(k++, order.get(j++));
                }
            }
            IntColumn swap = order;
            order = scratch;
            scratch = swap;
        }
        return order;
    }
}
