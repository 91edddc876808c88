package dev.heapdelta.analyzer.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * An int list stored in fixed-size chunks, so that growing it never copies what it holds: a builder
 * can collect a hundred million edges without a transient 1.5× copy.
 */
public final class GrowableIntArray {
    private static final int CHUNK_BITS = 20;
    private static final int CHUNK_SIZE = 1 << CHUNK_BITS;
    private static final int CHUNK_MASK = CHUNK_SIZE - 1;
    private static final int FIRST_CHUNK = 64;

    private final List<int[]> chunks = new ArrayList<>();
    private long size;
    /** The chunk being filled, kept out of the list for the hot path of {@link #add}. */
    private int[] current;

    public void add(int value) {
        int offset = (int) (size & CHUNK_MASK);
        if (current == null || offset == current.length || offset == 0 && size != 0) {
            growForAdd();
        }
        current[offset] = value;
        size++;
    }

    /** The first chunk starts small and doubles up to the chunk size, so a short list stays cheap. */
    private void growForAdd() {
        if (size < CHUNK_SIZE) {
            current = current == null ? new int[FIRST_CHUNK] : java.util.Arrays.copyOf(current, current.length * 2);
            if (chunks.isEmpty()) {
                chunks.add(current);
            } else {
                chunks.set(0, current);
            }
        } else {
            current = new int[CHUNK_SIZE];
            chunks.add(current);
        }
    }

    public int get(long index) {
        return chunks.get((int) (index >>> CHUNK_BITS))[(int) (index & CHUNK_MASK)];
    }

    public void set(long index, int value) {
        chunks.get((int) (index >>> CHUNK_BITS))[(int) (index & CHUNK_MASK)] = value;
    }

    public long size() {
        return size;
    }

    /** Copies everything into one exact-size array; the caller decides whether to {@link #clear()} after. */
    public int[] toArray() {
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("more than 2^31 entries: " + size);
        }
        int[] result = new int[(int) size];
        int copied = 0;
        for (int[] chunk : chunks) {
            int n = (int) Math.min(CHUNK_SIZE, size - copied);
            System.arraycopy(chunk, 0, result, copied, n);
            copied += n;
        }
        return result;
    }

    public void clear() {
        chunks.clear();
        current = null;
        size = 0;
    }
}
