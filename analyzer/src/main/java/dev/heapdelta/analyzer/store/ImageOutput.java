package dev.heapdelta.analyzer.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.PrimitiveIterator;
import java.util.zip.CRC32C;

/**
 * Writes one file of a saved analysis (an index-cache entry): numbers, strings and whole arrays in
 * the platform's byte order, in large sequential writes, with a CRC-32C of everything written so that
 * {@link ImageInput} can tell a damaged file. Arrays start at 8-byte aligned offsets, so that a later
 * version can map a column straight from the file.
 */
public final class ImageOutput implements AutoCloseable {
    private static final int BUFFER_BYTES = 1 << 20;

    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES).order(ByteOrder.nativeOrder());
    private final CRC32C checksum = new CRC32C();
    private long written;

    public ImageOutput(Path file) throws IOException {
        this.channel = PrivateFile.newChannel(file, StandardOpenOption.WRITE);
    }

    public void writeByte(int value) throws IOException {
        room(1);
        buffer.put((byte) value);
    }

    public void writeBoolean(boolean value) throws IOException {
        writeByte(value ? 1 : 0);
    }

    public void writeInt(int value) throws IOException {
        room(4);
        buffer.putInt(value);
    }

    public void writeLong(long value) throws IOException {
        room(8);
        buffer.putLong(value);
    }

    /** A string as its UTF-8 length and bytes; null is length -1. */
    public void writeString(String value) throws IOException {
        if (value == null) {
            writeInt(-1);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        writeInt(bytes.length);
        writeRaw(bytes, 0, bytes.length);
    }

    /** An array as its length (-1 for null), padding to 8 bytes, then its elements. */
    public void writeInts(int[] values) throws IOException {
        writeInts(values, values == null ? -1 : values.length);
    }

    /** The first {@code length} elements of {@code values}. */
    public void writeInts(int[] values, int length) throws IOException {
        if (beginArray(values == null ? -1 : length)) {
            for (int from = 0; from < length; ) {
                room(4);
                int n = Math.min(length - from, buffer.remaining() / 4);
                buffer.asIntBuffer().put(values, from, n);
                buffer.position(buffer.position() + 4 * n);
                from += n;
            }
        }
    }

    public void writeLongs(long[] values) throws IOException {
        int length = values == null ? -1 : values.length;
        if (beginArray(length)) {
            for (int from = 0; from < length; ) {
                room(8);
                int n = Math.min(length - from, buffer.remaining() / 8);
                buffer.asLongBuffer().put(values, from, n);
                buffer.position(buffer.position() + 8 * n);
                from += n;
            }
        }
    }

    public void writeBytes(byte[] values) throws IOException {
        int length = values == null ? -1 : values.length;
        if (beginArray(length)) {
            writeRaw(values, 0, length);
        }
    }

    /** A column as {@link #writeInts(int[], int)} writes an array; the first {@code length} elements. */
    public void writeInts(IntColumn column, int length) throws IOException {
        if (column == null || column.heapArray() != null) {
            writeInts(column == null ? null : column.heapArray(), length);
        } else if (beginArray(length)) {
            writePages(column.mappedBytePages(), 4L * length);
        }
    }

    public void writeLongs(LongColumn column) throws IOException {
        if (column == null || column.heapArray() != null) {
            writeLongs(column == null ? null : column.heapArray());
        } else if (beginArray(column.length())) {
            writePages(column.mappedBytePages(), 8L * column.length());
        }
    }

    /** {@code length} values from an iterator, as {@link #writeLongs(long[])} writes an array of them. */
    public void writeLongs(PrimitiveIterator.OfLong values, int length) throws IOException {
        if (beginArray(length)) {
            for (int i = 0; i < length; i++) {
                room(8);
                buffer.putLong(values.nextLong());
            }
        }
    }

    public void writeBytes(ByteColumn column) throws IOException {
        if (column == null || column.heapArray() != null) {
            writeBytes(column == null ? null : column.heapArray());
        } else if (beginArray(column.length())) {
            writePages(column.mappedBytePages(), column.length());
        }
    }

    /** Bytes written so far. */
    public long position() {
        return written + buffer.position();
    }

    /**
     * Flushes to the operating system and returns the CRC-32C of the whole file. No fsync: a file that a
     * power loss left short or stale fails its checksum when read, and an fsync of a 2 GB entry made the
     * user wait for the disk (the entry is only a cache).
     */
    public long finish() throws IOException {
        flush();
        return checksum.getValue();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private boolean beginArray(int length) throws IOException {
        writeInt(length);
        while (position() % 8 != 0) {
            writeByte(0);
        }
        return length > 0;
    }

    /** The first {@code bytes} bytes of a mapped column's pages, which are in the platform's byte order too. */
    private void writePages(ByteBuffer[] pages, long bytes) throws IOException {
        long done = 0;
        for (ByteBuffer page : pages) {
            ByteBuffer source = page.duplicate();
            source.position(0).limit((int) Math.min(source.capacity(), bytes - done));
            while (source.hasRemaining()) {
                room(1);
                int n = Math.min(source.remaining(), buffer.remaining());
                buffer.put(source.slice().limit(n));
                source.position(source.position() + n);
                done += n;
            }
        }
    }

    private void writeRaw(byte[] bytes, int offset, int length) throws IOException {
        for (int from = offset; from < offset + length; ) {
            room(1);
            int n = Math.min(offset + length - from, buffer.remaining());
            buffer.put(bytes, from, n);
            from += n;
        }
    }

    private void room(int bytes) throws IOException {
        if (buffer.remaining() < bytes) {
            flush();
        }
    }

    private void flush() throws IOException {
        buffer.flip();
        checksum.update(buffer.duplicate());
        while (buffer.hasRemaining()) {
            written += channel.write(buffer);
        }
        buffer.clear();
    }
}
