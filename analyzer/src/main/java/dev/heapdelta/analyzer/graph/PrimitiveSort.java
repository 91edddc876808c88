package dev.heapdelta.analyzer.graph;

/** Sorting of primitive keys that yields a permutation, without boxing. */
public final class PrimitiveSort {
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
}
