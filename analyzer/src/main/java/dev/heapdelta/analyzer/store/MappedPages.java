package dev.heapdelta.analyzer.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One column's file, memory-mapped in pages of {@link #PAGE_BYTES}: a single mapping cannot pass 2 GB.
 *
 * <p>A temporary column's file is deleted as soon as it is mapped. On Linux and macOS the pages stay
 * valid until the buffers are garbage-collected, which unmaps them; so nothing is left on disk after a
 * crash, and a column is never unmapped while another thread still reads it (an explicit unmap would
 * turn that read into a JVM crash).
 */
final class MappedPages {
    static final int PAGE_SHIFT_BYTES = 28;
    static final long PAGE_BYTES = 1L << PAGE_SHIFT_BYTES;

    private MappedPages() {
    }

    /** Maps {@code bytes} zero bytes in a new file, and deletes the file at once. */
    static MappedByteBuffer[] create(Path file, long bytes) {
        try (FileChannel channel = PrivateFile.newChannel(file, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            try {
                if (bytes > 0) {
                    // Writing the last byte sizes the file without writing the rest: the file is sparse.
                    channel.write(ByteBuffer.wrap(new byte[1]), bytes - 1);
                }
                return map(channel, bytes);
            } finally {
                // Mapped or not, the file goes: a mapping keeps its pages, and a failed one leaves no file.
                deleteQuietly(file);
            }
        } catch (IOException e) {
            throw new ColumnFileException("cannot create the index file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Maps {@code bytes} of an existing file from {@code offset}, read-only, in the pages a column
     * expects: an index cache entry's array, used where it lies instead of copied to a new file.
     */
    static MappedByteBuffer[] mapReadOnly(FileChannel channel, long offset, long bytes) throws IOException {
        int pageCount = (int) ((bytes + PAGE_BYTES - 1) >>> PAGE_SHIFT_BYTES);
        MappedByteBuffer[] pages = new MappedByteBuffer[pageCount];
        for (int p = 0; p < pageCount; p++) {
            long start = (long) p << PAGE_SHIFT_BYTES;
            pages[p] = channel.map(FileChannel.MapMode.READ_ONLY, offset + start, Math.min(PAGE_BYTES, bytes - start));
            pages[p].order(ByteOrder.nativeOrder());
        }
        return pages;
    }

    private static MappedByteBuffer[] map(FileChannel channel, long bytes) throws IOException {
        int pageCount = (int) ((bytes + PAGE_BYTES - 1) >>> PAGE_SHIFT_BYTES);
        MappedByteBuffer[] pages = new MappedByteBuffer[pageCount];
        for (int p = 0; p < pageCount; p++) {
            long start = (long) p << PAGE_SHIFT_BYTES;
            pages[p] = channel.map(FileChannel.MapMode.READ_WRITE, start, Math.min(PAGE_BYTES, bytes - start));
            pages[p].order(ByteOrder.nativeOrder());
        }
        return pages;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Windows refuses to delete a mapped file: remove it when the JVM ends instead.
            file.toFile().deleteOnExit();
        }
    }
}
