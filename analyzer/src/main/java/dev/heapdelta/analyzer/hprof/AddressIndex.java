package dev.heapdelta.analyzer.hprof;

import dev.heapdelta.analyzer.graph.GrowableLongArray;
import java.util.PrimitiveIterator;

/**
 * Object address to object index, where the index is the rank of the address in ascending order:
 * HeapGraph ids are then ascending and {@code findObjectById} is a binary search. A rank bitmap when
 * the address span allows it, otherwise a bucketed sorted array. Duplicate addresses count once.
 */
abstract class AddressIndex {
    /** The number of distinct addresses. */
    abstract int size();

    /** The index of an address, or -1 when no object has it. */
    abstract int indexOf(long address);

    /** The distinct addresses in ascending order. */
    abstract PrimitiveIterator.OfLong ascending();

    /** How many addresses were given more than once. */
    abstract long duplicates();

    /**
     * @param addresses the object addresses as the file lists them
     * @param extra more addresses (MAT's stand-in class objects), may be empty
     */
    static AddressIndex build(GrowableLongArray addresses, long[] extra) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        long bits = 0;
        long[] bounds = {min, max, bits};
        addresses.forEachChunk((values, length) -> {
            for (int i = 0; i < length; i++) {
                long a = values[i];
                bounds[0] = Math.min(bounds[0], a);
                bounds[1] = Math.max(bounds[1], a);
                bounds[2] |= a;
            }
        });
        for (long a : extra) {
            bounds[0] = Math.min(bounds[0], a);
            bounds[1] = Math.max(bounds[1], a);
            bounds[2] |= a;
        }
        long count = addresses.size() + extra.length;
        if (count == 0) {
            return SortedAddressIndex.of(addresses, extra);
        }
        if (RankBitmapAddressIndex.fits(bounds[0], bounds[1], bounds[2], count)) {
            return RankBitmapAddressIndex.of(addresses, extra, bounds[0], bounds[1], bounds[2]);
        }
        return SortedAddressIndex.of(addresses, extra);
    }
}
