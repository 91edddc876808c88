package dev.heapdelta.analyzer.store;

import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.util.Arrays;

/**
 * A fixed-length array of bytes, on the Java heap or in a memory-mapped file (see {@link ColumnStore}).
 *
 * <p>One final class with both backings rather than two subclasses: the heap path, which every dump
 * that fits in memory takes, stays a field load, a null check and an array access in hot loops.
 */
public final class ByteColumn {
    private static final int PAGE_SHIFT = MappedPages.PAGE_SHIFT_BYTES;
    private static final int PAGE_MASK = (1 << PAGE_SHIFT) - 1;

    private final int length;
    private final byte[] array;
    private final ByteBuffer[] pages;

    private ByteColumn(int length, byte[] array, ByteBuffer[] pages) {
        this.length = length;
        this.array = array;
        this.pages = pages;
    }

    /** A heap column over an existing array, which the column then owns. */
    public static ByteColumn wrap(byte[] array) {
        return new ByteColumn(array.length, array, null);
    }

    static ByteColumn onHeap(int length) {
        return new ByteColumn(length, new byte[length], null);
    }

    static ByteColumn mapped(int length, MappedByteBuffer[] mapped) {
        ByteBuffer[] pages = new ByteBuffer[mapped.length];
        for (int p = 0; p < mapped.length; p++) {
            pages[p] = mapped[p];
        }
        return new ByteColumn(length, null, pages);
    }

    static long bytesFor(int length) {
        return length;
    }

    /** The heap array, or null when mapped: for {@link ImageOutput} and {@link ImageInput}'s bulk copies. */
    byte[] heapArray() {
        return array;
    }

    /** The mapped pages, each full but the last; null on the heap. */
    ByteBuffer[] mappedBytePages() {
        return pages;
    }

    public int length() {
        return length;
    }

    public boolean isMapped() {
        return array == null;
    }

    public byte get(int index) {
        byte[] a = array;
        if (a != null) {
            return a[index];
        }
        return pages[index >>> PAGE_SHIFT].get(index & PAGE_MASK);
    }

    public void set(int index, byte value) {
        byte[] a = array;
        if (a != null) {
            a[index] = value;
        } else {
            pages[index >>> PAGE_SHIFT].put(index & PAGE_MASK, value);
        }
    }

    /** Copies {@code length} values from {@code from} into {@code target} at {@code at}. */
    public void copyTo(int from, ByteColumn target, int at, int length) {
        if (array != null && target.array != null) {
            System.arraycopy(array, from, target.array, at, length);
            return;
        }
        if (array != null || target.array != null) {
            copyPageByPage(from, target, at, length);
            return;
        }
        for (int i = 0; i < length; i++) {
            target.set(at + i, get(from + i));
        }
    }

    /**
     * Between the heap and a mapped file (a scratch column on the heap copied to a mapped one), one bulk
     * copy per mapped page rather than a bounds-checked call per value.
     */
    private void copyPageByPage(int from, ByteColumn target, int at, int length) {
        while (length > 0) {
            int mappedIndex = array == null ? from : at;
            int offset = mappedIndex & PAGE_MASK;
            int n = Math.min(length, PAGE_MASK + 1 - offset);
            if (array == null) {
                pages[mappedIndex >>> PAGE_SHIFT].get(offset, target.array, at, n);
            } else {
                target.pages[mappedIndex >>> PAGE_SHIFT].put(offset, array, from, n);
            }
            from += n;
            at += n;
            length -= n;
        }
    }

    public void fill(byte value) {
        fill(0, length, value);
    }

    public void fill(int from, int to, byte value) {
        if (array != null) {
            Arrays.fill(array, from, to, value);
            return;
        }
        for (int i = from; i < to; i++) {
            set(i, value);
        }
    }
}
