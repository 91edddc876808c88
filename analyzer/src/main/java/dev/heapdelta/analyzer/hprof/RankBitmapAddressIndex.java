package dev.heapdelta.analyzer.hprof;

import dev.heapdelta.analyzer.graph.RankBitmapIds;
import dev.heapdelta.analyzer.store.ColumnStore;
import dev.heapdelta.analyzer.store.LongColumn;
import java.util.PrimitiveIterator;

/**
 * One bit per possible object start between the lowest and highest address, at the granularity the
 * addresses share (8 bytes in a HotSpot heap), with the number of set bits before each word: an
 * address's index is that count plus a popcount. Each word sits beside its count, so a lookup
 * touches one cache line. Two bits per granule of the address span (a quarter bit per heap byte), in
 * a column of the dump's store. The graph takes its object ids from the same bitmap ({@link
 * RankBitmapIds}).
 */
final class RankBitmapAddressIndex extends AddressIndex {
    private static final long MIN_BITS_ALLOWED = 1L << 28;

    private final RankBitmapIds ids;
    private final long duplicates;

    private RankBitmapAddressIndex(RankBitmapIds ids, long duplicates) {
        this.ids = ids;
        this.duplicates = duplicates;
    }

    private static int shiftOf(long addressBits) {
        return Math.min(6, Long.numberOfTrailingZeros(addressBits | (1L << 6)));
    }

    /** Whether the bitmap is no larger than the id array (8 bytes per object), or small in absolute terms. */
    static boolean fits(long min, long max, long addressBits, long count) {
        if (max - min < 0) {
            return false;
        }
        long bits = ((max - min) >>> shiftOf(addressBits)) + 1;
        return bits < (1L << 36) && bits <= Math.max(32L * count, MIN_BITS_ALLOWED);
    }

    static RankBitmapAddressIndex of(AddressList addresses, long[] extra, long min, long max,
            long addressBits, ColumnStore store) {
        int shift = shiftOf(addressBits);
        long bits = ((max - min) >>> shift) + 1;
        int wordCount = (int) ((bits + 63) >>> 6);
        LongColumn wordsAndRanks = store.longs("address-bitmap", 2 * wordCount);
        long[] duplicates = {0};
        addresses.forEachChunk((values, length) -> {
            for (int i = 0; i < length; i++) {
                long bit = (values[i] - min) >>> shift;
                int at = (int) (bit >>> 6) << 1;
                long mask = 1L << bit;
                long word = wordsAndRanks.get(at);
                if ((word & mask) != 0) {
                    duplicates[0]++;
                }
                wordsAndRanks.set(at, word | mask);
            }
        });
        for (long a : extra) {
            long bit = (a - min) >>> shift;
            int at = (int) (bit >>> 6) << 1;
            long word = wordsAndRanks.get(at);
            if ((word & (1L << bit)) != 0) {
                duplicates[0]++;
            }
            wordsAndRanks.set(at, word | (1L << bit));
        }
        int running = 0;
        for (int at = 0; at < wordsAndRanks.length(); at += 2) {
            wordsAndRanks.set(at + 1, running);
            running += Long.bitCount(wordsAndRanks.get(at));
        }
        return new RankBitmapAddressIndex(new RankBitmapIds(min, shift, wordsAndRanks, running, store), duplicates[0]);
    }

    @Override
    int size() {
        return ids.size();
    }

    @Override
    long duplicates() {
        return duplicates;
    }

    @Override
    int indexOf(long address) {
        return ids.objectOf(address);
    }

    @Override
    PrimitiveIterator.OfLong ascending() {
        return ids.ascending();
    }

    @Override
    RankBitmapIds rankedIds() {
        return ids;
    }
}
