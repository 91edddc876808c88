package dev.heapdelta.analyzer.store;

import java.nio.ByteBuffer;
import java.nio.LongBuffer;
import java.nio.MappedByteBuffer;
import java.util.Arrays;

/**
 * A fixed-length array of longs, on the Java heap or in a memory-mapped file (see {@link ColumnStore}).
 *
 * <p>One final class with both backings rather than two subclasses: the heap path, which every dump
 * that fits in memory takes, stays a field load, a null check and an array access in hot loops.
 */
public final class LongColumn {
    private static final int PAGE_SHIFT = MappedPages.PAGE_SHIFT_BYTES - 3;
    private static final int PAGE_MASK = (1 << PAGE_SHIFT) - 1;

    private final int length;
    private final long[] array;
    private final LongBuffer[] pages;
    /** The same pages as bytes, for the bulk copies of the image files; null on the heap. */
    private final MappedByteBuffer[] bytePages;

    private LongColumn(int length, long[] array, LongBuffer[] pages, MappedByteBuffer[] bytePages) {
        this.length = length;
        this.array = array;
        this.pages = pages;
        this.bytePages = bytePages;
    }

    /** A heap column over an existing array, which the column then owns. */
    public static LongColumn wrap(long[] array) {
        return new LongColumn(array.length, array, null, null);
    }

    static LongColumn onHeap(int length) {
        return new LongColumn(length, new long[length], null, null);
    }

    static LongColumn mapped(int length, MappedByteBuffer[] mapped) {
        LongBuffer[] pages = new LongBuffer[mapped.length];
        for (int p = 0; p < mapped.length; p++) {
            pages[p] = mapped[p].asLongBuffer();
        }
        return new LongColumn(length, null, pages, mapped);
    }

    static long bytesFor(int length) {
        return 8L * length;
    }

    /** The heap array, or null when mapped: for {@link ImageOutput} and {@link ImageInput}'s bulk copies. */
    long[] heapArray() {
        return array;
    }

    /** The mapped pages as bytes, each full but the last; null on the heap. */
    ByteBuffer[] mappedBytePages() {
        return bytePages;
    }

    public int length() {
        return length;
    }

    public boolean isMapped() {
        return array == null;
    }

    public long get(int index) {
        long[] a = array;
        if (a != null) {
            return a[index];
        }
        return pages[index >>> PAGE_SHIFT].get(index & PAGE_MASK);
    }

    public void set(int index, long value) {
        long[] a = array;
        if (a != null) {
            a[index] = value;
        } else {
            pages[index >>> PAGE_SHIFT].put(index & PAGE_MASK, value);
        }
    }

    /** Adds {@code delta} and returns the value before: a counter or a fill cursor in one call. */
    public long getAndAdd(int index, long delta) {
        long before = get(index);
        set(index, before + delta);
        return before;
    }

    /** Copies {@code length} values from {@code from} into {@code target} at {@code at}. */
    public void copyTo(int from, LongColumn target, int at, int length) {
        if (array != null && target.array != null) {
            System.arraycopy(array, from, target.array, at, length);
            return;
        }
        for (int i = 0; i < length; i++) {
            target.set(at + i, get(from + i));
        }
    }

    public void fill(long value) {
        fill(0, length, value);
    }

    public void fill(int from, int to, long value) {
        if (array != null) {
            Arrays.fill(array, from, to, value);
            return;
        }
        for (int i = from; i < to; i++) {
            set(i, value);
        }
    }
}
