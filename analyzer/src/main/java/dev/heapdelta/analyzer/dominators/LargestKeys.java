package dev.heapdelta.analyzer.dominators;

import java.util.function.IntPredicate;
import java.util.function.IntToLongFunction;

/**
 * Selects the k indexes with the largest keys without sorting all n: O(n log k) time, O(k) memory,
 * and no allocation per candidate. Ties go to the smaller index, as a stable sort would order them.
 */
public final class LargestKeys {
    private LargestKeys() {
    }

    /** The indexes of {@code 0..universe-1} accepted by {@code filter}, by descending key, at most {@code k}. */
    public static int[] largest(int k, int universe, IntToLongFunction key, IntPredicate filter) {
        int capacity = Math.max(0, Math.min(k, universe));
        // A binary min-heap on (key, -index): slot 0 is the weakest candidate kept so far.
        long[] heapKey = new long[capacity];
        int[] heapIndex = new int[capacity];
        int size = 0;
        for (int i = 0; i < universe && capacity > 0; i++) {
            if (!filter.test(i)) {
                continue;
            }
            long value = key.applyAsLong(i);
            if (size < capacity) {
                siftUp(heapKey, heapIndex, size++, value, i);
            } else if (value > heapKey[0]) {
                siftDown(heapKey, heapIndex, size, value, i);
            }
        }
        int[] result = new int[size];
        for (int r = size - 1; r >= 0; r--) {
            result[r] = heapIndex[0];
            int last = --size;
            if (last > 0) {
                siftDown(heapKey, heapIndex, last, heapKey[last], heapIndex[last]);
            }
        }
        return result;
    }

    /** Whether (keyA, indexA) ranks below (keyB, indexB): a smaller key, or an equal key and a larger index. */
    private static boolean weaker(long keyA, int indexA, long keyB, int indexB) {
        return keyA != keyB ? keyA < keyB : indexA > indexB;
    }

    private static void siftUp(long[] heapKey, int[] heapIndex, int slot, long key, int index) {
        while (slot > 0) {
            int up = (slot - 1) >>> 1;
            if (!weaker(key, index, heapKey[up], heapIndex[up])) {
                break;
            }
            heapKey[slot] = heapKey[up];
            heapIndex[slot] = heapIndex[up];
            slot = up;
        }
        heapKey[slot] = key;
        heapIndex[slot] = index;
    }

    /** Replaces the head with (key, index) and restores the heap over its first {@code size} slots. */
    private static void siftDown(long[] heapKey, int[] heapIndex, int size, long key, int index) {
        int slot = 0;
        while (true) {
            int child = 2 * slot + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size
                    && weaker(heapKey[child + 1], heapIndex[child + 1], heapKey[child], heapIndex[child])) {
                child++;
            }
            if (!weaker(heapKey[child], heapIndex[child], key, index)) {
                break;
            }
            heapKey[slot] = heapKey[child];
            heapIndex[slot] = heapIndex[child];
            slot = child;
        }
        heapKey[slot] = key;
        heapIndex[slot] = index;
    }
}
