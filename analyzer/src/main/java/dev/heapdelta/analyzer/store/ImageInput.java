package dev.heapdelta.analyzer.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Reads a file that {@link ImageOutput} wrote. Lengths are checked against the bytes that remain
 * before anything is allocated; what was read may only be trusted after {@link #verifyEnd}, which
 * checks that the whole file was read and that its CRC-32C is the expected one.
 */
public final class ImageInput implements AutoCloseable {
    private static final int BUFFER_BYTES = 1 << 20;

    private final Path file;
    private final FileChannel channel;
    private final long size;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES).order(ByteOrder.nativeOrder());
    private final CRC32C checksum = new CRC32C();
    /** File offset of the buffer's first byte. */
    private long bufferStart;

    public ImageInput(Path file) throws IOException {
        this.file = file;
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            this.size = channel.size();
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        buffer.limit(0);
    }

    public byte readByte() throws IOException {
        need(1);
        return buffer.get();
    }

    public boolean readBoolean() throws IOException {
        byte value = readByte();
        if (value != 0 && value != 1) {
            throw damaged("not a boolean: " + value);
        }
        return value == 1;
    }

    public int readInt() throws IOException {
        need(4);
        return buffer.getInt();
    }

    public long readLong() throws IOException {
        need(8);
        return buffer.getLong();
    }

    /** A count that must lie in {@code 0..max}. */
    public int readCount(int max) throws IOException {
        int count = readInt();
        if (count < 0 || count > max) {
            throw damaged("count " + count + " outside 0.." + max);
        }
        return count;
    }

    /**
     * Checks that {@code count} items of at least {@code bytesEach} bytes can still be in the file, before
     * a caller allocates for them.
     */
    public int countFitting(int count, int bytesEach) throws IOException {
        if (count < 0 || (long) count * bytesEach > size - position()) {
            throw damaged(count + " items beyond the " + (size - position()) + " bytes that remain");
        }
        return count;
    }

    public String readString() throws IOException {
        int length = checkedLength(readInt(), 1);
        if (length == -1) {
            return null;
        }
        byte[] bytes = new byte[length];
        readRaw(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public int[] readInts() throws IOException {
        int length = beginArray(4);
        if (length < 0) {
            return null;
        }
        int[] values = new int[length];
        for (int from = 0; from < length; ) {
            need(4);
            int n = Math.min(length - from, buffer.remaining() / 4);
            buffer.asIntBuffer().get(values, from, n);
            buffer.position(buffer.position() + 4 * n);
            from += n;
        }
        return values;
    }

    public long[] readLongs() throws IOException {
        int length = beginArray(8);
        if (length < 0) {
            return null;
        }
        long[] values = new long[length];
        for (int from = 0; from < length; ) {
            need(8);
            int n = Math.min(length - from, buffer.remaining() / 8);
            buffer.asLongBuffer().get(values, from, n);
            buffer.position(buffer.position() + 8 * n);
            from += n;
        }
        return values;
    }

    public byte[] readBytes() throws IOException {
        int length = beginArray(1);
        if (length < 0) {
            return null;
        }
        byte[] values = new byte[length];
        readRaw(values);
        return values;
    }

    /** An array {@link ImageOutput} wrote, into a column of {@code store}; null for a null array. */
    public IntColumn readIntColumn(ColumnStore store, String name) throws IOException {
        if (!store.isMapped()) {
            int[] values = readInts();
            return values == null ? null : IntColumn.wrap(values);
        }
        int length = beginArray(4);
        if (length < 0) {
            return null;
        }
        IntColumn column = store.ints(name, length);
        readPages(column.mappedBytePages(), 4L * length);
        return column;
    }

    public LongColumn readLongColumn(ColumnStore store, String name) throws IOException {
        if (!store.isMapped()) {
            long[] values = readLongs();
            return values == null ? null : LongColumn.wrap(values);
        }
        int length = beginArray(8);
        if (length < 0) {
            return null;
        }
        LongColumn column = store.longs(name, length);
        readPages(column.mappedBytePages(), 8L * length);
        return column;
    }

    public ByteColumn readByteColumn(ColumnStore store, String name) throws IOException {
        if (!store.isMapped()) {
            byte[] values = readBytes();
            return values == null ? null : ByteColumn.wrap(values);
        }
        int length = beginArray(1);
        if (length < 0) {
            return null;
        }
        ByteColumn column = store.bytes(name, length);
        readPages(column.mappedBytePages(), length);
        return column;
    }

    /** Checks that the file was read to its end and that its checksum is {@code expectedChecksum}. */
    public void verifyEnd(long expectedChecksum) throws IOException {
        if (position() != size) {
            throw damaged((size - position()) + " bytes left over");
        }
        ByteBuffer consumed = buffer.duplicate();
        consumed.limit(buffer.position()).position(0);
        checksum.update(consumed);
        if (checksum.getValue() != expectedChecksum) {
            throw damaged("checksum mismatch");
        }
    }

    /** An exception that names this file and the current offset. */
    public DamagedImageException damaged(String problem) {
        return new DamagedImageException(file, position(), problem);
    }

    public long position() {
        return bufferStart + buffer.position();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private int beginArray(int elementBytes) throws IOException {
        int length = readInt();
        while (position() % 8 != 0) {
            readByte();
        }
        return checkedLength(length, elementBytes);
    }

    /** A length that fits in the bytes that remain, or -1, which stands for null. */
    private int checkedLength(int length, int elementBytes) throws IOException {
        if (length < -1 || (long) length * elementBytes > size - position()) {
            throw damaged("length " + length + " beyond the " + (size - position()) + " bytes that remain");
        }
        return length;
    }

    /** Fills the first {@code bytes} bytes of a mapped column's pages, which are in the platform's byte order too. */
    private void readPages(ByteBuffer[] pages, long bytes) throws IOException {
        long done = 0;
        for (ByteBuffer page : pages) {
            ByteBuffer target = page.duplicate();
            target.position(0).limit((int) Math.min(target.capacity(), bytes - done));
            while (target.hasRemaining()) {
                need(1);
                int n = Math.min(buffer.remaining(), target.remaining());
                target.put(buffer.slice().limit(n));
                buffer.position(buffer.position() + n);
                done += n;
            }
        }
    }

    private void readRaw(byte[] target) throws IOException {
        for (int from = 0; from < target.length; ) {
            need(1);
            int n = Math.min(target.length - from, buffer.remaining());
            buffer.get(target, from, n);
            from += n;
        }
    }

    /** Makes at least {@code bytes} readable in the buffer, refilling it from the file. */
    private void need(int bytes) throws IOException {
        if (buffer.remaining() >= bytes) {
            return;
        }
        // Everything before the position has been consumed: checksum it, keep the rest, refill.
        ByteBuffer consumed = buffer.duplicate();
        consumed.limit(buffer.position()).position(0);
        checksum.update(consumed);
        bufferStart += buffer.position();
        buffer.compact();
        while (buffer.position() < bytes) {
            int n = channel.read(buffer, bufferStart + buffer.position());
            if (n < 0) {
                buffer.flip();
                throw damaged("file ends early");
            }
        }
        buffer.flip();
    }
}
