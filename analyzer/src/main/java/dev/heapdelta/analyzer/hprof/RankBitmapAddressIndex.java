package dev.heapdelta.analyzer.hprof;

import dev.heapdelta.analyzer.graph.GrowableLongArray;
import java.util.NoSuchElementException;
import java.util.PrimitiveIterator;

/**
 * One bit per possible object start between the lowest and highest address, at the granularity the
 * addresses share (8 bytes in a HotSpot heap), with the number of set bits before each word: an
 * address's index is that count plus a popcount. About 1.5 bits per heap byte of the address span.
 */
final class RankBitmapAddressIndex extends AddressIndex {
    private static final long MIN_BITS_ALLOWED = 1L << 28;

    private final long base;
    private final int shift;
    private final long granuleMask;
    private final long[] words;
    private final int[] rankBeforeWord;
    private final int size;
    private final long duplicates;

    private RankBitmapAddressIndex(long base, int shift, long[] words, int[] rankBeforeWord, int size,
            long duplicates) {
        this.base = base;
        this.shift = shift;
        this.granuleMask = (1L << shift) - 1;
        this.words = words;
        this.rankBeforeWord = rankBeforeWord;
        this.size = size;
        this.duplicates = duplicates;
    }

    private static int shiftOf(long addressBits) {
        return Math.min(6, Long.numberOfTrailingZeros(addressBits | (1L << 6)));
    }

    /** Whether the bitmap is no larger than the id array itself would be (or small in absolute terms). */
    static boolean fits(long min, long max, long addressBits, long count) {
        if (max - min < 0) {
            return false;
        }
        long bits = ((max - min) >>> shiftOf(addressBits)) + 1;
        return bits < (1L << 37) && bits <= Math.max(64L * count, MIN_BITS_ALLOWED);
    }

    static RankBitmapAddressIndex of(GrowableLongArray addresses, long[] extra, long min, long max,
            long addressBits) {
        int shift = shiftOf(addressBits);
        long bits = ((max - min) >>> shift) + 1;
        long[] words = new long[(int) ((bits + 63) >>> 6)];
        long[] duplicates = {0};
        addresses.forEachChunk((values, length) -> {
            for (int i = 0; i < length; i++) {
                long bit = (values[i] - min) >>> shift;
                int w = (int) (bit >>> 6);
                long mask = 1L << bit;
                if ((words[w] & mask) != 0) {
                    duplicates[0]++;
                }
                words[w] |= mask;
            }
        });
        for (long a : extra) {
            long bit = (a - min) >>> shift;
            int w = (int) (bit >>> 6);
            if ((words[w] & (1L << bit)) != 0) {
                duplicates[0]++;
            }
            words[w] |= 1L << bit;
        }
        int[] rank = new int[words.length];
        int running = 0;
        for (int w = 0; w < words.length; w++) {
            rank[w] = running;
            running += Long.bitCount(words[w]);
        }
        return new RankBitmapAddressIndex(min, shift, words, rank, running, duplicates[0]);
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
        if (offset < 0 || (offset & granuleMask) != 0) {
            return -1;
        }
        long bit = offset >>> shift;
        long w = bit >>> 6;
        if (w >= words.length) {
            return -1;
        }
        long word = words[(int) w];
        long mask = 1L << bit;
        if ((word & mask) == 0) {
            return -1;
        }
        return rankBeforeWord[(int) w] + Long.bitCount(word & (mask - 1));
    }

    @Override
    PrimitiveIterator.OfLong ascending() {
        return new PrimitiveIterator.OfLong() {
            private int w = -1;
            private long remaining;

            @Override
            public boolean hasNext() {
                while (remaining == 0) {
                    if (++w >= words.length) {
                        return false;
                    }
                    remaining = words[w];
                }
                return true;
            }

            @Override
            public long nextLong() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int b = Long.numberOfTrailingZeros(remaining);
                remaining &= remaining - 1;
                return base + ((((long) w << 6) + b) << shift);
            }
        };
    }
}
