package dev.heapdelta.analyzer.hprof;

import java.io.Closeable;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * Sequential big-endian reading of a file through one large buffer, with our own byte decoding:
 * far cheaper per field than a {@code DataInputStream}, and without mapping the whole file.
 *
 * <p>Callers {@link #ensure} the bytes of a field before decoding it; the decoders themselves do no
 * bounds checks beyond the array's. The hot loops of the passes read {@link #buffer()} directly.
 */
final class BlockInput implements Closeable {
    static final int DEFAULT_BLOCK = 4 << 20;

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);

    private final FileChannel channel;
    private final boolean ownsChannel;
    private final long fileSize;
    private byte[] buffer;
    private ByteBuffer view;
    private int pos;
    private int limit;
    private long bufferStart;

    BlockInput(FileChannel channel, long fileSize, int blockSize) {
        this(channel, fileSize, blockSize, true);
    }

    private BlockInput(FileChannel channel, long fileSize, int blockSize, boolean ownsChannel) {
        this.channel = channel;
        this.ownsChannel = ownsChannel;
        this.fileSize = fileSize;
        this.buffer = new byte[(int) Math.max(64, Math.min(blockSize, Math.max(fileSize, 64)))];
        this.view = ByteBuffer.wrap(buffer);
    }

    /**
     * Another input over the same channel with a buffer of its own, for another thread: positional
     * reads of a {@code FileChannel} may run at once. Closing this one leaves the channel open.
     */
    BlockInput sharingChannel() {
        return new BlockInput(channel, fileSize, buffer.length, false);
    }

    long fileSize() {
        return fileSize;
    }

    /** The file offset of the next unread byte. */
    long position() {
        return bufferStart + pos;
    }

    byte[] buffer() {
        return buffer;
    }

    /** The buffer index of the next unread byte. */
    int index() {
        return pos;
    }

    /** Bytes buffered after the position. */
    int available() {
        return limit - pos;
    }

    /** Advances within the buffer; {@code count} must not exceed {@link #available()}. */
    void advance(int count) {
        pos += count;
    }

    int capacity() {
        return buffer.length;
    }

    /**
     * Makes at least {@code count} bytes available in the buffer, reading more of the file if needed.
     * Returns false when the file ends first. {@code count} must not exceed {@link #capacity()}.
     */
    boolean ensure(int count) throws IOException {
        if (limit - pos >= count) {
            return true;
        }
        if (count > buffer.length) {
            throw new IllegalArgumentException("asked for " + count + " bytes, buffer holds " + buffer.length);
        }
        int kept = limit - pos;
        System.arraycopy(buffer, pos, buffer, 0, kept);
        bufferStart += pos;
        pos = 0;
        limit = kept;
        while (limit < count) {
            long fileOffset = bufferStart + limit;
            if (fileOffset >= fileSize) {
                return false;
            }
            view.limit(buffer.length).position(limit);
            int read = channel.read(view, fileOffset);
            if (read <= 0) {
                return false;
            }
            limit += read;
        }
        return true;
    }

    /** Moves to a file offset, keeping the buffer when the offset lies inside it. */
    void seek(long offset) {
        if (offset >= bufferStart && offset <= bufferStart + limit) {
            pos = (int) (offset - bufferStart);
        } else {
            bufferStart = offset;
            pos = 0;
            limit = 0;
        }
    }

    void skip(long count) {
        seek(position() + count);
    }

    int u1() {
        return buffer[pos++] & 0xff;
    }

    int u2() {
        int value = (short) SHORT.get(buffer, pos) & 0xffff;
        pos += 2;
        return value;
    }

    int i4() {
        int value = (int) INT.get(buffer, pos);
        pos += 4;
        return value;
    }

    long u4() {
        return i4() & 0xffffffffL;
    }

    long i8() {
        long value = (long) LONG.get(buffer, pos);
        pos += 8;
        return value;
    }

    /** An identifier of {@code idSize} bytes (4 or 8), as an unsigned value. */
    long id(int idSize) {
        return idSize == 8 ? i8() : u4();
    }

    static long idAt(byte[] bytes, int index, int idSize) {
        return idSize == 8 ? (long) LONG.get(bytes, index) : (int) INT.get(bytes, index) & 0xffffffffL;
    }

    @Override
    public void close() throws IOException {
        if (ownsChannel) {
            channel.close();
        }
    }
}
