package dev.heapdelta.analyzer.query;

import java.util.PriorityQueue;
import java.util.function.IntPredicate;
import java.util.function.IntToLongFunction;

/** Selects the k objects with the largest key without sorting all n: O(n log k). */
public final class TopObjects {
    private TopObjects() {
    }

    /** The objects of {@code 0..universe-1} accepted by {@code filter}, by descending key, at most {@code k}. */
    public static int[] largest(int k, int universe, IntToLongFunction key, IntPredicate filter) {
        if (k <= 0) {
            return new int[0];
        }
        // A min-heap on (key, -index): its head is the weakest candidate kept so far.
        PriorityQueue<long[]> heap = new PriorityQueue<>(k + 1, (a, b) -> a[0] != b[0]
                ? Long.compare(a[0], b[0]) : Long.compare(b[1], a[1]));
        for (int i = 0; i < universe; i++) {
            if (!filter.test(i)) {
                continue;
            }
            long value = key.applyAsLong(i);
            if (heap.size() < k) {
                heap.add(new long[] {value, i});
            } else if (value > heap.peek()[0]) {
                heap.poll();
                heap.add(new long[] {value, i});
            }
        }
        int[] result = new int[heap.size()];
        for (int i = result.length - 1; i >= 0; i--) {
            result[i] = (int) heap.poll()[1];
        }
        return result;
    }
}
