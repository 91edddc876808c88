package dev.heapdelta.analyzer.graph;

import java.util.ArrayList;
import java.util.List;

/** A long list stored in fixed-size chunks; see {@link GrowableIntArray}. */
public final class GrowableLongArray {
    private static final int CHUNK_BITS = 20;
    private static final int CHUNK_SIZE = 1 << CHUNK_BITS;
    private static final int CHUNK_MASK = CHUNK_SIZE - 1;
    private static final int FIRST_CHUNK = 64;

    private final List<long[]> chunks = new ArrayList<>();
    private long size;
    /** The chunk being filled, kept out of the list for the hot path of {@link #add}. */
    private long[] current;

    public void add(long value) {
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
            current = current == null ? new long[FIRST_CHUNK] : java.util.Arrays.copyOf(current, current.length * 2);
            if (chunks.isEmpty()) {
                chunks.add(current);
            } else {
                chunks.set(0, current);
            }
        } else {
            current = new long[CHUNK_SIZE];
            chunks.add(current);
        }
    }

    public long get(long index) {
        return chunks.get((int) (index >>> CHUNK_BITS))[(int) (index & CHUNK_MASK)];
    }

    public void set(long index, long value) {
        chunks.get((int) (index >>> CHUNK_BITS))[(int) (index & CHUNK_MASK)] = value;
    }

    public long size() {
        return size;
    }

    /** Copies everything into one exact-size array; the caller decides whether to {@link #clear()} after. */
    public long[] toArray() {
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("more than 2^31 entries: " + size);
        }
        long[] result = new long[(int) size];
        int copied = 0;
        for (long[] chunk : chunks) {
            int n = (int) Math.min(CHUNK_SIZE, size - copied);
            System.arraycopy(chunk, 0, result, copied, n);
            copied += n;
        }
        return result;
    }

    /** Visits the values in order, chunk by chunk, without copying them. */
    public void forEachChunk(ChunkVisitor visitor) {
        long remaining = size;
        for (long[] chunk : chunks) {
            int n = (int) Math.min(CHUNK_SIZE, remaining);
            visitor.visit(chunk, n);
            remaining -= n;
        }
    }

    /** Receives one chunk: its first {@code length} values are in use. */
    @FunctionalInterface
    public interface ChunkVisitor {
        void visit(long[] values, int length);
    }

    public void clear() {
        chunks.clear();
        current = null;
        size = 0;
    }
}
