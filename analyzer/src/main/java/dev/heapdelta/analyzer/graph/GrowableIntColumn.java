package dev.heapdelta.analyzer.graph;

import dev.heapdelta.analyzer.store.ColumnStore;
import dev.heapdelta.analyzer.store.IntColumn;

/** A growing list of ints in chunks of a {@link ColumnStore}. */
public final class GrowableIntColumn extends GrowableColumn<IntColumn> {
    /** A list on the Java heap. */
    public GrowableIntColumn() {
        this(ColumnStore.onHeap(), "list");
    }

    public GrowableIntColumn(ColumnStore store, String name) {
        super(store, name);
    }

    public void add(int value) {
        int offset = nextOffset();
        current.set(offset, value);
    }

    public int get(long index) {
        return chunkOf(index).get((int) (index & CHUNK_MASK));
    }

    /** Everything in one exact-size heap array. */
    public int[] toArray() {
        int[] result = new int[exactLength()];
        copyTo(0, IntColumn.wrap(result), 0, result.length);
        return result;
    }

    @Override
    IntColumn newColumn(String columnName, int length) {
        return store.ints(columnName, length);
    }

    @Override
    void release(IntColumn column) {
        store.release(column);
    }

    @Override
    void copy(IntColumn from, int fromAt, IntColumn target, int at, int length) {
        from.copyTo(fromAt, target, at, length);
    }
}
