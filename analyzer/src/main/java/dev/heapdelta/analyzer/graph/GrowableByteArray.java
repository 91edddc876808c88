package dev.heapdelta.analyzer.graph;

import java.util.ArrayList;
import java.util.List;

/** A byte list stored in fixed-size chunks; see {@link GrowableIntArray}. */
public final class GrowableByteArray {
    private static final int CHUNK_BITS = 20;
    private static final int CHUNK_SIZE = 1 << CHUNK_BITS;
    private static final int CHUNK_MASK = CHUNK_SIZE - 1;

    private final List<byte[]> chunks = new ArrayList<>();
    private long size;

    public void add(byte value) {
        int offset = (int) (size & CHUNK_MASK);
        if (offset == 0) {
            chunks.add(new byte[CHUNK_SIZE]);
        }
        chunks.get(chunks.size() - 1)[offset] = value;
        size++;
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
        size = 0;
    }
}
