package dev.heapdelta.analyzer.graph;

import dev.heapdelta.analyzer.store.ColumnStore;
import java.util.ArrayList;
import java.util.List;

/**
 * The chunk bookkeeping of the growable columns: a list in fixed-size chunks taken from a {@link
 * ColumnStore}, so that a list of one entry per edge can grow on disk when the store is mapped, and
 * growing never copies what it holds, except the first chunk, which starts small and doubles so that
 * a short list stays cheap. Each subclass adds the typed {@code add} and {@code get}.
 *
 * @param <C> the column type of the chunks
 */
abstract class GrowableColumn<C> {
    static final int CHUNK_BITS = 20;
    static final int CHUNK_SIZE = 1 << CHUNK_BITS;
    static final int CHUNK_MASK = CHUNK_SIZE - 1;
    private static final int FIRST_CHUNK = 64;

    final ColumnStore store;
    private final String name;
    private final List<C> chunks = new ArrayList<>();
    private long size;
    /** The chunk being filled, kept out of the list for the hot path of {@code add}. */
    C current;
    private int currentLength;

    GrowableColumn(ColumnStore store, String name) {
        this.store = store;
        this.name = name;
    }

    /** A zero-filled column of the store. */
    abstract C newColumn(String columnName, int length);

    /** Gives a dropped chunk back to the store (its heap bytes to a scratch store's budget). */
    abstract void release(C column);

    /** Copies {@code length} values of {@code from} at {@code fromAt} into {@code target} at {@code at}. */
    abstract void copy(C from, int fromAt, C target, int at, int length);

    /** Where the next value goes in {@link #current}, after growing when it is full; counts the value. */
    final int nextOffset() {
        int offset = (int) (size & CHUNK_MASK);
        if (current == null || offset == currentLength || offset == 0 && size != 0) {
            grow();
        }
        size++;
        return offset;
    }

    private void grow() {
        if (size < CHUNK_SIZE) {
            int length = current == null ? FIRST_CHUNK : currentLength * 2;
            // A mapped chunk costs a file and a mapping: mapped lists start at the full chunk size.
            C grown = newColumn(name, store.isMapped() ? CHUNK_SIZE : length);
            if (current != null) {
                copy(current, 0, grown, 0, (int) size);
                release(current);
            }
            current = grown;
            currentLength = store.isMapped() ? CHUNK_SIZE : length;
            if (chunks.isEmpty()) {
                chunks.add(current);
            } else {
                chunks.set(0, current);
            }
        } else {
            current = newColumn(name, CHUNK_SIZE);
            currentLength = CHUNK_SIZE;
            chunks.add(current);
        }
    }

    final C chunkOf(long index) {
        return chunks.get((int) (index >>> CHUNK_BITS));
    }

    public final long size() {
        return size;
    }

    /** Copies {@code length} values from {@code from} into {@code target} at {@code at}, chunk by chunk. */
    public final void copyTo(long from, C target, int at, int length) {
        while (length > 0) {
            int offset = (int) (from & CHUNK_MASK);
            int n = Math.min(length, CHUNK_SIZE - offset);
            copy(chunkOf(from), offset, target, at, n);
            at += n;
            from += n;
            length -= n;
        }
    }

    /** Everything in one exact-size column of the store. */
    public final C toColumn(String columnName) {
        C result = newColumn(columnName, exactLength());
        copyTo(0, result, 0, (int) size);
        return result;
    }

    final int exactLength() {
        if (size > Integer.MAX_VALUE - 8) {
            throw new GraphLimitException("entries in one list (" + size + ")");
        }
        return (int) size;
    }

    public final void clear() {
        for (C chunk : chunks) {
            release(chunk);
        }
        chunks.clear();
        current = null;
        currentLength = 0;
        size = 0;
    }
}
