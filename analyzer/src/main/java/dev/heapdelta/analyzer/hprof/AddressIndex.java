package dev.heapdelta.analyzer.hprof;

import dev.heapdelta.analyzer.graph.RankBitmapIds;
import dev.heapdelta.analyzer.store.ColumnStore;
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

    /** The addresses as the graph's ids, when the index keeps them in a form the graph can share; else null. */
    RankBitmapIds rankedIds() {
        return null;
    }

    /**
     * @param addresses the object addresses as the file lists them
     * @param min the lowest of them, {@code max} the highest, {@code addressBits} all of them or-ed
     * @param extra more addresses (MAT's stand-in class objects), may be empty
     * @param store where the rank bitmap goes; the sorted fallback stays on the heap
     */
    static AddressIndex build(AddressList addresses, long min, long max, long addressBits, long[] extra,
            ColumnStore store) {
        long low = min;
        long high = max;
        long bits = addressBits;
        for (long a : extra) {
            low = Math.min(low, a);
            high = Math.max(high, a);
            bits |= a;
        }
        long count = addresses.size() + extra.length;
        if (count > 0 && RankBitmapAddressIndex.fits(low, high, bits, count)) {
            return RankBitmapAddressIndex.of(addresses, extra, low, high, bits, store);
        }
        return SortedAddressIndex.of(addresses, extra);
    }
}
