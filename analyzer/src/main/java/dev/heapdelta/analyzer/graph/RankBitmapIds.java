package dev.heapdelta.analyzer.graph;

import dev.heapdelta.analyzer.store.ColumnStore;
import dev.heapdelta.analyzer.store.IntColumn;
import dev.heapdelta.analyzer.store.LongColumn;
import java.util.NoSuchElementException;
import java.util.PrimitiveIterator;

/**
 * Ascending object ids as one bit per possible id between the lowest and the highest, at the
 * granularity they share (8 bytes for HotSpot addresses), with the number of set bits before each
 * word: an object's index is the rank of its id. The HPROF reader's address index is this bitmap,
 * and the graph takes its ids from it instead of an 8-byte column per object (300 MB on 38 M
 * objects). Id to object is a count and a popcount; object to id a look-up in a sample of every
 * 32nd object's word, a short binary search of the ranks and a select in one word.
 */
public final class RankBitmapIds {
    private static final int SAMPLE_SHIFT = 5;

    private final long base;
    private final int shift;
    private final long granuleMask;
    /** Word {@code w} of the bitmap at {@code 2w}, the number of set bits before it at {@code 2w + 1}. */
    private final LongColumn wordsAndRanks;
    private final int wordCount;
    private final int size;
    /** The word that holds object {@code s << SAMPLE_SHIFT}, for each {@code s}. */
    private final IntColumn wordBySample;

    /**
     * @param wordsAndRanks the bitmap, with every word's rank filled in; the ids taken over
     * @param store where the sample column goes (the bitmap's own store)
     */
    public RankBitmapIds(long base, int shift, LongColumn wordsAndRanks, int size, ColumnStore store) {
        this.base = base;
        this.shift = shift;
        this.granuleMask = (1L << shift) - 1;
        this.wordsAndRanks = wordsAndRanks;
        this.wordCount = wordsAndRanks.length() / 2;
        this.size = size;
        this.wordBySample = store.ints("id-samples", size == 0 ? 0 : ((size - 1) >>> SAMPLE_SHIFT) + 1);
        int sample = 0;
        for (int w = 0; w < wordCount && sample < wordBySample.length(); w++) {
            long end = wordsAndRanks.get(2 * w + 1) + Long.bitCount(wordsAndRanks.get(2 * w));
            while (sample < wordBySample.length() && ((long) sample << SAMPLE_SHIFT) < end) {
                wordBySample.set(sample++, w);
            }
        }
    }

    /** The number of ids (objects). */
    public int size() {
        return size;
    }

    /** The lowest possible id, for {@link GraphImage}: with the granularity and the bitmap, all it saves. */
    long base() {
        return base;
    }

    /** log2 of the granularity the ids share. */
    int shift() {
        return shift;
    }

    /** The bitmap's words, each followed by its rank. */
    LongColumn wordsAndRanks() {
        return wordsAndRanks;
    }

    /** The object with this id, or -1 when none has it. */
    public int objectOf(long id) {
        long offset = id - base;
        if (offset < 0 || (offset & granuleMask) != 0) {
            return -1;
        }
        long bit = offset >>> shift;
        long w = bit >>> 6;
        if (w >= wordCount) {
            return -1;
        }
        int at = (int) (2 * w);
        long word = wordsAndRanks.get(at);
        long mask = 1L << bit;
        if ((word & mask) == 0) {
            return -1;
        }
        return (int) wordsAndRanks.get(at + 1) + Long.bitCount(word & (mask - 1));
    }

    /** The id of an object {@code 0 .. size() - 1}. */
    public long idOf(int object) {
        int sample = object >>> SAMPLE_SHIFT;
        // The last word whose rank is at most the object's holds it: between this sample's word and the next's.
        int low = wordBySample.get(sample);
        int high = sample + 1 < wordBySample.length() ? wordBySample.get(sample + 1) : wordCount - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (wordsAndRanks.get(2 * mid + 1) <= object) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        long word = wordsAndRanks.get(2 * low);
        for (long k = object - wordsAndRanks.get(2 * low + 1); k > 0; k--) {
            word &= word - 1;
        }
        return base + ((((long) low << 6) + Long.numberOfTrailingZeros(word)) << shift);
    }

    /** The ids in ascending order, that is by object index. */
    public PrimitiveIterator.OfLong ascending() {
        return new PrimitiveIterator.OfLong() {
            private int w = -1;
            private long remaining;

            @Override
            public boolean hasNext() {
                while (remaining == 0) {
                    if (++w >= wordCount) {
                        return false;
                    }
                    remaining = wordsAndRanks.get(2 * w);
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
