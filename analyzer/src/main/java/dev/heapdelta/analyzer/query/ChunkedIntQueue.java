package dev.heapdelta.analyzer.query;

import dev.heapdelta.analyzer.store.ColumnStore;
import dev.heapdelta.analyzer.store.IntColumn;

/**
 * A first-in first-out queue of ints addressed by absolute position ({@code 0..capacity-1}, each written
 * once), held in chunks from a column store: a chunk is taken when the tail first writes into it and
 * given back once the head has passed it. So the queue holds about what lies between head and tail, the
 * search's frontier, not a slot per position ever used (a breadth-first search over 38 M objects: 150 MB).
 * Invariant: positions are written in ascending order, and taken in ascending order.
 */
final class ChunkedIntQueue {
    /**
     * Just under 4 MiB with the array's header, so that on the heap a chunk fills whole G1 regions of
     * 1, 2 or 4 MiB rather than wasting most of one more.
     */
    static final int CHUNK_LENGTH = (1 << 20) - 16;

    private final ColumnStore store;
    private final String name;
    private final int capacity;
    private final IntColumn[] chunks;
    /** The chunks below this one have been given back. */
    private int firstKept;

    ChunkedIntQueue(ColumnStore store, String name, int capacity) {
        this.store = store;
        this.name = name;
        this.capacity = capacity;
        this.chunks = new IntColumn[Math.max(1, (capacity + CHUNK_LENGTH - 1) / CHUNK_LENGTH)];
    }

    void set(int position, int value) {
        int chunk = position / CHUNK_LENGTH;
        IntColumn column = chunks[chunk];
        if (column == null) {
            // The last chunk only as long as what is left: a small graph's queue is one column of its size.
            column = store.ints(name + "-" + chunk, Math.min(CHUNK_LENGTH, capacity - chunk * CHUNK_LENGTH));
            chunks[chunk] = column;
        }
        column.set(position - chunk * CHUNK_LENGTH, value);
    }

    /**
     * The value at {@code position}, taken from the head: nothing before the chunk that holds it is read
     * again, so the chunks before it are given back.
     */
    int take(int position) {
        int chunk = position / CHUNK_LENGTH;
        if (chunk > firstKept) {
            dropBefore(chunk);
        }
        return chunks[chunk].get(position - chunk * CHUNK_LENGTH);
    }

    private void dropBefore(int chunk) {
        for (; firstKept < chunk; firstKept++) {
            store.release(chunks[firstKept]);
            chunks[firstKept] = null;
        }
    }

    /** Gives back every chunk still held. */
    void release() {
        for (int c = firstKept; c < chunks.length; c++) {
            store.release(chunks[c]);
            chunks[c] = null;
        }
        firstKept = chunks.length;
    }

    /** The chunks held now, for tests. */
    int chunksHeld() {
        int held = 0;
        for (IntColumn chunk : chunks) {
            if (chunk != null) {
                held++;
            }
        }
        return held;
    }
}
