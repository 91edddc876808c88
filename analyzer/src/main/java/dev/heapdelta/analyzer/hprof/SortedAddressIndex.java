package dev.heapdelta.analyzer.hprof;

import dev.heapdelta.analyzer.graph.GraphLimitException;
import java.util.Arrays;
import java.util.PrimitiveIterator;

/**
 * The distinct addresses sorted, with a bucket table over the address span so that a lookup is a
 * binary search among a few neighbours. For heaps whose addresses are too spread out for a bitmap.
 */
final class SortedAddressIndex extends AddressIndex {
    private final long[] sorted;
    private final int size;
    private final long base;
    private final int bucketShift;
    private final int[] firstByBucket;
    private final long duplicates;

    private SortedAddressIndex(long[] sorted, int size, long duplicates) {
        this.sorted = sorted;
        this.size = size;
        this.duplicates = duplicates;
        this.base = size == 0 ? 0 : sorted[0];
        long span = size == 0 ? 0 : sorted[size - 1] - base;
        int spanBits = 64 - Long.numberOfLeadingZeros(span);
        int bucketBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, size / 2)));
        this.bucketShift = Math.max(0, spanBits - bucketBits);
        int buckets = (int) (span >>> bucketShift) + 1;
        this.firstByBucket = new int[buckets + 1];
        for (int i = 0; i < size; i++) {
            firstByBucket[(int) ((sorted[i] - base) >>> bucketShift) + 1]++;
        }
        for (int b = 0; b < buckets; b++) {
            firstByBucket[b + 1] += firstByBucket[b];
        }
    }

    static SortedAddressIndex of(AddressList addresses, long[] extra) {
        long total = addresses.size() + extra.length;
        if (total > Integer.MAX_VALUE - 8) {
            throw new GraphLimitException("objects");
        }
        long[] all = new long[(int) total];
        int[] filled = {0};
        addresses.forEachChunk((values, length) -> {
            System.arraycopy(values, 0, all, filled[0], length);
            filled[0] += length;
        });
        System.arraycopy(extra, 0, all, filled[0], extra.length);
        Arrays.parallelSort(all);
        int distinct = 0;
        for (int i = 0; i < all.length; i++) {
            if (i == 0 || all[i] != all[distinct - 1]) {
                all[distinct++] = all[i];
            }
        }
        return new SortedAddressIndex(all, distinct, all.length - distinct);
    }

    @Override
    int size() {
        return size;
    }

    @Override
    long duplicates() {
        return duplicates;
    }

    @Override
    int indexOf(long address) {
        long offset = address - base;
        if (size == 0 || offset < 0) {
            return -1;
        }
        long bucket = offset >>> bucketShift;
        if (bucket >= firstByBucket.length - 1) {
            return -1;
        }
        int found = Arrays.binarySearch(sorted, firstByBucket[(int) bucket], firstByBucket[(int) bucket + 1], address);
        return found >= 0 ? found : -1;
    }

    @Override
    PrimitiveIterator.OfLong ascending() {
        return Arrays.stream(sorted, 0, size).iterator();
    }
}
