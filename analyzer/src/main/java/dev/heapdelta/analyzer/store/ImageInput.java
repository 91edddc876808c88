package dev.heapdelta.analyzer.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
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
    /** Whether arrays read as columns are mapped where they lie even into a store on the heap. */
    private final boolean arraysInPlace;
    /** Whether the file's checksum is left to {@link #verifyChecksum}, run later: the mapped pages are not read. */
    private final boolean checksumLater;
    private final FileChannel channel;
    private final long size;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES).order(ByteOrder.nativeOrder());
    private final CRC32C checksum = new CRC32C();
    /** File offset of the buffer's first byte. */
    private long bufferStart;

    public ImageInput(Path file) throws IOException {
        this(file, false);
    }

    /**
     * @param arraysInPlace map the arrays read as columns where they lie in the file, read-only, whatever
     *     the store: what a reopening that must be quick takes instead of copying them onto the heap
     */
    public ImageInput(Path file, boolean arraysInPlace) throws IOException {
        this(file, arraysInPlace, false);
    }

    private ImageInput(Path file, boolean arraysInPlace, boolean checksumLater) throws IOException {
        this.file = file;
        this.arraysInPlace = arraysInPlace;
        this.checksumLater = checksumLater;
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            this.size = channel.size();
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        buffer.limit(0);
    }

    /**
     * Reads {@code file} with its arrays mapped where they lie, as {@link #ImageInput(Path, boolean)} with
     * {@code arraysInPlace}, but without reading their pages for the checksum: {@link #verifyEnd} then checks
     * only that the file was read to its end, and nothing read may be trusted before {@link #verifyChecksum}
     * has passed. Checksumming the pages read all 1.7 GB of the benchmark dump's entry (its whole RSS) before a
     * reopened dump could be shown; the app shows it first and checks behind it.
     */
    public static ImageInput checkingLater(Path file) throws IOException {
        return new ImageInput(file, true, true);
    }

    /**
     * Checks that {@code file}'s CRC-32C is {@code expectedChecksum}, reading it through a small buffer rather
     * than a mapping, so that its pages are not counted in this process's memory.
     * Performance: one sequential read of the file.
     */
    public static void verifyChecksum(Path file, long expectedChecksum) throws IOException {
        CRC32C checksum = new CRC32C();
        ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES);
        long read = 0;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            while (channel.read(buffer.clear(), read) > 0) {
                read += buffer.position();
                checksum.update(buffer.flip());
            }
        }
        if (checksum.getValue() != expectedChecksum) {
            throw new DamagedImageException(file, read, "checksum mismatch");
        }
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

    /**
     * An array {@link ImageOutput} wrote: on the heap, or, for a mapped store, mapped where it lies in this
     * file; null for a null array.
     */
    public IntColumn readIntColumn(ColumnStore store) throws IOException {
        if (!inPlace(store)) {
            int[] values = readInts();
            return values == null ? null : IntColumn.wrap(values);
        }
        int length = beginArray(4);
        if (length < 0) {
            return null;
        }
        return IntColumn.mapped(length, mapInPlace(4L * length));
    }

    public LongColumn readLongColumn(ColumnStore store) throws IOException {
        if (!inPlace(store)) {
            long[] values = readLongs();
            return values == null ? null : LongColumn.wrap(values);
        }
        int length = beginArray(8);
        if (length < 0) {
            return null;
        }
        return LongColumn.mapped(length, mapInPlace(8L * length));
    }

    public ByteColumn readByteColumn(ColumnStore store) throws IOException {
        if (!inPlace(store)) {
            byte[] values = readBytes();
            return values == null ? null : ByteColumn.wrap(values);
        }
        int length = beginArray(1);
        if (length < 0) {
            return null;
        }
        return ByteColumn.mapped(length, mapInPlace(length));
    }

    private boolean inPlace(ColumnStore store) {
        return arraysInPlace || store.isMapped();
    }

    /** Checks that the file was read to its end and that its checksum is {@code expectedChecksum}. */
    public void verifyEnd(long expectedChecksum) throws IOException {
        if (position() != size) {
            throw damaged((size - position()) + " bytes left over");
        }
        if (checksumLater) {
            return;
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

    /**
     * Out of core, an array of the entry is used where it lies: mapped read-only (nothing writes a
     * reopened column) instead of copied into a new file, which would double the disk it takes. Its bytes
     * still pass through the checksum, read from the mapping itself rather than copied through the buffer,
     * so nothing is trusted before {@link #verifyEnd}.
     */
    private MappedByteBuffer[] mapInPlace(long bytes) throws IOException {
        long start = position();
        if (start + bytes > size) {
            throw damaged(bytes + " bytes beyond the " + (size - start) + " that remain");
        }
        MappedByteBuffer[] pages;
        try {
            pages = MappedPages.mapReadOnly(channel, start, bytes);
        } catch (IOException e) {
            throw new ColumnFileException("cannot map " + file + " from offset " + start + ": " + e.getMessage(), e);
        }
        // What the buffer holds up to the array was read; what it holds of the array is checksummed from the pages.
        ByteBuffer consumed = buffer.duplicate();
        consumed.limit(buffer.position()).position(0);
        checksum.update(consumed);
        if (!checksumLater) {
            for (MappedByteBuffer page : pages) {
                checksum.update(page.duplicate());
            }
        }
        bufferStart = start + bytes;
        buffer.clear().limit(0);
        return pages;
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
