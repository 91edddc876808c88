package dev.heapdelta.analyzer.graph;

import dev.heapdelta.analyzer.store.ByteColumn;
import dev.heapdelta.analyzer.store.ColumnStore;

/** A growing list of bytes in chunks of a {@link ColumnStore}. */
public final class GrowableByteColumn extends GrowableColumn<ByteColumn> {
    /** A list on the Java heap. */
    public GrowableByteColumn() {
        this(ColumnStore.onHeap(), "list");
    }

    public GrowableByteColumn(ColumnStore store, String name) {
        super(store, name);
    }

    public void add(byte value) {
        int offset = nextOffset();
        current.set(offset, value);
    }

    public byte get(long index) {
        return chunkOf(index).get((int) (index & CHUNK_MASK));
    }

    /** Everything in one exact-size heap array. */
    public byte[] toArray() {
        byte[] result = new byte[exactLength()];
        copyTo(0, ByteColumn.wrap(result), 0, result.length);
        return result;
    }

    @Override
    ByteColumn newColumn(String columnName, int length) {
        return store.bytes(columnName, length);
    }

    @Override
    void release(ByteColumn column) {
        store.release(column);
    }

    @Override
    void copy(ByteColumn from, int fromAt, ByteColumn target, int at, int length) {
        from.copyTo(fromAt, target, at, length);
    }
}
