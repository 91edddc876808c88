package dev.heapdelta.analyzer.graph;

import dev.heapdelta.analyzer.store.ColumnStore;
import dev.heapdelta.analyzer.store.LongColumn;

/** A growing list of longs in chunks of a {@link ColumnStore}. */
public final class GrowableLongColumn extends GrowableColumn<LongColumn> {
    /** A list on the Java heap. */
    public GrowableLongColumn() {
        this(ColumnStore.onHeap(), "list");
    }

    public GrowableLongColumn(ColumnStore store, String name) {
        super(store, name);
    }

    public void add(long value) {
        int offset = nextOffset();
        current.set(offset, value);
    }

    public long get(long index) {
        return chunkOf(index).get((int) (index & CHUNK_MASK));
    }

    /** Everything in one exact-size heap array. */
    public long[] toArray() {
        long[] result = new long[exactLength()];
        copyTo(0, LongColumn.wrap(result), 0, result.length);
        return result;
    }

    @Override
    LongColumn newColumn(String columnName, int length) {
        return store.longs(columnName, length);
    }

    @Override
    void release(LongColumn column) {
        store.release(column);
    }

    @Override
    void copy(LongColumn from, int fromAt, LongColumn target, int at, int length) {
        from.copyTo(fromAt, target, at, length);
    }
}
