package dev.heapdelta.analyzer.store;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;

/**
 * A file HeapDelta makes once in its private cache directory from another one (a zip member copied
 * out, a compressed dump inflated) and finds again on the next run: written into a 0600 temporary file
 * beside its place, with the disk's free space checked before and while it grows, and moved into place
 * atomically, so that a reader never meets half a copy.
 *
 * @param target where the copy lives, its name made from a {@link CopyKey} of its source
 * @param purpose what making it does, for the refusal: "extract a.zip!b.hprof", "decompress a.hprof.gz"
 */
public record CachedCopy(Path target, String purpose) {
    /** Space left free on the cache's disk: never fill it. */
    public static final long SPACE_MARGIN = 256L << 20;
    /** How often the free space is looked at again while the copy grows. */
    static final long SPACE_CHECK_STEP = 64L << 20;

    /** Writes the copy's bytes; what it returns comes back from {@link #write}. */
    @FunctionalInterface
    public interface Content<T> {
        T writeTo(OutputStream out) throws IOException;
    }

    /**
     * Makes the copy from {@code content}, replacing any old one.
     *
     * @param expectedBytes the size the source claims the copy will have (0 when unknown); the disk must
     *        have it free beyond {@link #SPACE_MARGIN} before anything is written
     * @throws IOException when the disk would come closer to full than the margin, before or while writing;
     *         no partial copy is left behind
     */
    public <T> T write(long expectedBytes, Content<T> content) throws IOException {
        return write(expectedBytes, null, content);
    }

    /**
     * As {@link #write(long, Content)}, the copy taking {@code modified} as its modification time before
     * it is in place (null for now): a copy made again from the same source then looks the same.
     */
    public <T> T write(long expectedBytes, FileTime modified, Content<T> content) throws IOException {
        Path directory = PrivateDirectory.create(target.toAbsolutePath().getParent());
        checkSpace(directory, Math.max(0, expectedBytes));
        // createTempFile makes the file 0600 on POSIX file systems, before a byte is in it.
        Path partial = Files.createTempFile(directory, target.getFileName().toString(), ".partial");
        try {
            T result;
            try (OutputStream out = new SpaceWatchingOutput(Files.newOutputStream(partial), directory)) {
                result = content.writeTo(out);
            }
            if (modified != null) {
                Files.setLastModifiedTime(partial, modified);
            }
            moveIntoPlace(partial);
            return result;
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private void moveIntoPlace(Path partial) throws IOException {
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void checkSpace(Path directory, long needed) throws IOException {
        long usable = Files.getFileStore(directory).getUsableSpace();
        if (usable < needed + SPACE_MARGIN) {
            throw new IOException("not enough free space in " + directory + " to " + purpose + ": "
                    + usable / (1 << 20) + " MB free");
        }
    }

    /** Looks at the free space every {@link #SPACE_CHECK_STEP} written: a source's claimed size is only a claim. */
    private final class SpaceWatchingOutput extends FilterOutputStream {
        private final Path directory;
        private long written;
        private long nextSpaceCheck = SPACE_CHECK_STEP;

        SpaceWatchingOutput(OutputStream out, Path directory) {
            super(out);
            this.directory = directory;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            wrote(1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            wrote(len);
        }

        private void wrote(int n) throws IOException {
            written += n;
            if (written >= nextSpaceCheck) {
                checkSpace(directory, 0);
                nextSpaceCheck = written + SPACE_CHECK_STEP;
            }
        }
    }
}
