package dev.heapdelta.analyzer.graph;

import java.util.ArrayList;
import java.util.List;

/** A byte list stored in fixed-size chunks; see {@link GrowableIntArray}. */
public final class GrowableByteArray {
    private static final int CHUNK_BITS = 20;
    private static final int CHUNK_SIZE = 1 << CHUNK_BITS;
    private static final int CHUNK_MASK = CHUNK_SIZE - 1;
    private static final int FIRST_CHUNK = 64;

    private final List<byte[]> chunks = new ArrayList<>();
    private long size;
    /** The chunk being filled, kept out of the list for the hot path of {@link #add}. */
    private byte[] current;

    public void add(byte value) {
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
            current = current == null ? new byte[FIRST_CHUNK] : java.util.Arrays.copyOf(current, current.length * 2);
            if (chunks.isEmpty()) {
                chunks.add(current);
            } else {
                chunks.set(0, current);
            }
        } else {
            current = new byte[CHUNK_SIZE];
            chunks.add(current);
        }
    }

    public byte get(long index) {
        return chunks.get((int) (index >>> CHUNK_BITS))[(int) (index & CHUNK_MASK)];
    }

    /** Copies everything into one exact-size array. */
    public byte[] toArray() {
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("more than 2^31 entries: " + size);
        }
        byte[] result = new byte[(int) size];
        int copied = 0;
        for (byte[] chunk : chunks) {
            int n = (int) Math.min(CHUNK_SIZE, size - copied);
            System.arraycopy(chunk, 0, result, copied, n);
            copied += n;
        }
        return result;
    }

    public long size() {
        return size;
    }

    public void clear() {
        chunks.clear();
        current = null;
        size = 0;
    }
}
