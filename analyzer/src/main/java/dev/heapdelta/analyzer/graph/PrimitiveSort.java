package dev.heapdelta.analyzer.graph;

import dev.heapdelta.analyzer.store.ColumnStore;
import dev.heapdelta.analyzer.store.IntColumn;
import dev.heapdelta.analyzer.store.LongColumn;

/** Sorting of primitive keys that yields a permutation, without boxing. */
public final class PrimitiveSort {
    private static final int DIGIT_BITS = 16;
    private static final int DIGIT_VALUES = 1 << DIGIT_BITS;

    private PrimitiveSort() {
    }

    /** The indexes {@code 0..count-1} ordered by ascending {@code keys[i]}; ties keep index order. */
    public static int[] indexesByKey(long[] keys, int count) {
        int[] order = new int[count];
        int[] scratch = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        // Bottom-up merge sort: stable, O(n log n), no recursion.
        for (int width = 1; width < count; width *= 2) {
            for (int low = 0; low < count; low += 2 * width) {
                int mid = Math.min(low + width, count);
                int high = Math.min(low + 2 * width, count);
                int i = low;
                int j = mid;
                int k = low;
                while (i < mid && j < high) {
                    scratch[k++] = keys[order[j]] < keys[order[i]] ? order[j++] : order[i++];
                }
                while (i < mid) {
                    scratch[k++] = order[i++];
                }
                while (j < high) {
                    scratch[k++] = order[j++];
                }
            }
            int[] swap = order;
            order = scratch;
            scratch = swap;
        }
        return order;
    }

    /**
     * The same order over a column, as a column of {@code store}: a stable LSD radix sort by 16-bit
     * digits, whose passes read and write sequentially (kind to mapped columns), skipping the digits
     * that all keys share. Needs one scratch column of {@code count} ints besides the result.
     */
    public static IntColumn indexesByKey(LongColumn keys, int count, ColumnStore store) {
        long and = -1;
        long or = 0;
        for (int i = 0; i < count; i++) {
            long key = keys.get(i) ^ Long.MIN_VALUE;
            and &= key;
            or |= key;
        }
        IntColumn order = store.ints("sort-order", count);
        for (int i = 0; i < count; i++) {
            order.set(i, i);
        }
        IntColumn scratch = null;
        int[] startByDigit = new int[DIGIT_VALUES];
        for (int shift = 0; shift < Long.SIZE; shift += DIGIT_BITS) {
            if ((((and ^ or) >>> shift) & (DIGIT_VALUES - 1)) == 0) {
                continue;
            }
            java.util.Arrays.fill(startByDigit, 0);
            for (int i = 0; i < count; i++) {
                startByDigit[digit(keys.get(order.get(i)), shift)]++;
            }
            int running = 0;
            for (int d = 0; d < DIGIT_VALUES; d++) {
                int n = startByDigit[d];
                startByDigit[d] = running;
                running += n;
            }
            if (scratch == null) {
                scratch = store.ints("sort-scratch", count);
            }
            for (int i = 0; i < count; i++) {
                int object = order.get(i);
                scratch.set(startByDigit[digit(keys.get(object), shift)]++, object);
            }
            IntColumn swap = order;
            order = scratch;
            scratch = swap;
        }
        return order;
    }

    private static int digit(long key, int shift) {
        return (int) (((key ^ Long.MIN_VALUE) >>> shift) & (DIGIT_VALUES - 1));
    }
}
