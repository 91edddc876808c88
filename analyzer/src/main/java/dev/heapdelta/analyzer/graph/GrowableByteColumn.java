package dev.heapdelta.analyzer.graph;

import dev.heapdelta.analyzer.store.ByteColumn;
import dev.heapdelta.analyzer.store.ColumnStore;
import java.util.ArrayList;
import java.util.List;

/** A byte list in fixed-size chunks taken from a {@link ColumnStore}; see {@link GrowableIntColumn}. */
public final class GrowableByteColumn {
    private static final int CHUNK_BITS = 20;
    private static final int CHUNK_SIZE = 1 << CHUNK_BITS;
    private static final int CHUNK_MASK = CHUNK_SIZE - 1;
    private static final int FIRST_CHUNK = 64;

    private final ColumnStore store;
    private final String name;
    private final List<ByteColumn> chunks = new ArrayList<>();
    private long size;
    /** The chunk being filled, kept out of the list for the hot path of {@link #add}. */
    private ByteColumn current;

    public GrowableByteColumn(ColumnStore store, String name) {
        this.store = store;
        this.name = name;
    }

    public void add(byte value) {
        int offset = (int) (size & CHUNK_MASK);
        if (current == null || offset == current.length() || offset == 0 && size != 0) {
            growForAdd();
        }
        current.set(offset, value);
        size++;
    }

    private void growForAdd() {
        if (size < CHUNK_SIZE) {
            int length = current == null ? FIRST_CHUNK : current.length() * 2;
            // A mapped chunk costs a file and a mapping: mapped lists start at the full chunk size.
            ByteColumn grown = store.bytes(name, store.isMapped() ? CHUNK_SIZE : length);
            for (int i = 0; i < size; i++) {
                grown.set(i, current.get(i));
            }
            current = grown;
            if (chunks.isEmpty()) {
                chunks.add(current);
            } else {
                chunks.set(0, current);
            }
        } else {
            current = store.bytes(name, CHUNK_SIZE);
            chunks.add(current);
        }
    }

    public byte get(long index) {
        return chunks.get((int) (index >>> CHUNK_BITS)).get((int) (index & CHUNK_MASK));
    }

    public long size() {
        return size;
    }

    /** Copies {@code length} values from {@code from} into {@code target} at {@code at}, chunk by chunk. */
    public void copyTo(long from, ByteColumn target, int at, int length) {
        while (length > 0) {
            ByteColumn chunk = chunks.get((int) (from >>> CHUNK_BITS));
            int offset = (int) (from & CHUNK_MASK);
            int n = Math.min(length, CHUNK_SIZE - offset);
            for (int i = 0; i < n; i++) {
                target.set(at + i, chunk.get(offset + i));
            }
            at += n;
            from += n;
            length -= n;
        }
    }

    /** Everything in one exact-size column of the store. */
    public ByteColumn toColumn(String columnName) {
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("more than 2^31 entries: " + size);
        }
        ByteColumn result = store.bytes(columnName, (int) size);
        copyTo(0, result, 0, (int) size);
        return result;
    }

    public void clear() {
        chunks.clear();
        current = null;
        size = 0;
    }
}
