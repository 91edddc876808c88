package dev.heapdelta.analyzer.dominators;

import dev.heapdelta.analyzer.store.ColumnStore;
import dev.heapdelta.analyzer.store.IntColumn;
import java.util.Arrays;

/**
 * The back and cross edges that {@link LengauerTarjan}'s search found, as singly linked lists per
 * target in one pool of entries: each entry is the source's preorder number and the index of the next
 * entry of the same target. Appending costs no sort and no per-target count; the pool grows in chunks
 * of the store, never copied, so that out of core it lies on disk.
 */
final class LatePredecessors {
    private static final int CHUNK_BITS = 19;
    private static final int CHUNK_ENTRIES = 1 << CHUNK_BITS;
    private static final int CHUNK_MASK = CHUNK_ENTRIES - 1;

    private final ColumnStore store;
    private IntColumn[] chunks = new IntColumn[16];
    private int size;

    LatePredecessors(ColumnStore store) {
        this.store = store;
    }

    /** Appends an entry and returns its index. */
    int add(int source, int next) {
        int entry = size;
        int chunk = entry >>> CHUNK_BITS;
        if (chunk == chunks.length) {
            chunks = Arrays.copyOf(chunks, 2 * chunks.length);
        }
        IntColumn column = chunks[chunk];
        if (column == null) {
            column = store.ints("dominators-late-predecessors", 2 * CHUNK_ENTRIES);
            chunks[chunk] = column;
        }
        int at = 2 * (entry & CHUNK_MASK);
        column.set(at, source);
        column.set(at + 1, next);
        size = entry + 1;
        return entry;
    }

    /** Gives the chunks' heap back to a scratch store's budget: the pool is dead. */
    void release() {
        for (int c = 0; c < chunks.length && chunks[c] != null; c++) {
            store.release(chunks[c]);
            chunks[c] = null;
        }
    }

    int source(int entry) {
        return chunks[entry >>> CHUNK_BITS].get(2 * (entry & CHUNK_MASK));
    }

    int next(int entry) {
        return chunks[entry >>> CHUNK_BITS].get(2 * (entry & CHUNK_MASK) + 1);
    }
}
