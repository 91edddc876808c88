package dev.heapdelta.analyzer.hprof;

import dev.heapdelta.analyzer.source.AnalysisPhase;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.Compression;
import dev.heapdelta.analyzer.source.DecompressedInput;
import dev.heapdelta.analyzer.source.FormatDetector;
import dev.heapdelta.analyzer.source.ProgressListener;
import dev.heapdelta.analyzer.store.PrivateDirectory;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A compressed dump (gzip, bzip2, xz, zstd or zip) inflated once into a cache directory, because lazy field reads need random
 * access. The copy is found again by the gzip file's size, modification time and a hash of its
 * first megabyte. Free space is checked before and during inflation, so a huge dump cannot fill
 * the disk. Multi-member gzip (what {@code jcmd GC.heap_dump -gz} writes) is read to the end.
 */
final class GzipInflation {
    private static final int HEAD_BYTES = 1 << 20;
    private static final int CHUNK = 1 << 20;
    private static final long SPACE_CHECK_STEP = 64L << 20;
    /** Space left free on the cache's disk: never fill it. */
    private static final long SPACE_MARGIN = 256L << 20;
    private static final String TRUNCATION_NOTE = ".gzip-truncated";

    private GzipInflation() {
    }

    /** The inflated copy, and the gzip problem met while making it (null when the stream was whole). */
    record Inflated(Path file, String gzipProblem) {
    }

    static Inflated inflate(Path gzipFile, Path directory, CancelSignal cancel, ProgressListener progress)
            throws IOException {
        PrivateDirectory.create(directory);
        String key = cacheKey(gzipFile);
        Path target = directory.resolve(key + ".hprof");
        Path note = directory.resolve(key + TRUNCATION_NOTE);
        if (Files.isRegularFile(target)) {
            return new Inflated(target, Files.exists(note) ? Files.readString(note, StandardCharsets.UTF_8) : null);
        }
        long compressed = Files.size(gzipFile);
        checkSpace(directory, compressed, gzipFile);
        Path partial = Files.createTempFile(directory, key, ".partial");
        String problem = null;
        try {
            Compression compression = FormatDetector.detect(gzipFile).compression();
            // A zip entry is found through the archive's directory, so its progress counts inflated bytes.
            try (CountingInput counting = new CountingInput(compression == Compression.ZIP
                    ? DecompressedInput.open(gzipFile, compression) : Files.newInputStream(gzipFile));
                    InputStream gzip = compression == Compression.ZIP ? counting
                            : DecompressedInput.wrap(counting, compression);
                    OutputStream out = Files.newOutputStream(partial)) {
                byte[] chunk = new byte[CHUNK];
                long written = 0;
                long nextSpaceCheck = SPACE_CHECK_STEP;
                while (true) {
                    int n;
                    try {
                        n = gzip.read(chunk);
                    } catch (IOException e) {
                        // Each format reports a cut or broken stream its own way; keep what was inflated.
                        problem = "compressed stream of " + gzipFile + " broken at compressed offset " + counting.count
                                + " (" + e.getMessage() + "); read what was inflated";
                        break;
                    }
                    if (n < 0) {
                        break;
                    }
                    out.write(chunk, 0, n);
                    written += n;
                    if (written >= nextSpaceCheck) {
                        cancel.throwIfCancelled();
                        progress.progress(AnalysisPhase.INFLATE, counting.count, compressed);
                        checkSpace(directory, 0, gzipFile);
                        nextSpaceCheck = written + SPACE_CHECK_STEP;
                    }
                }
            }
            if (problem != null) {
                Files.writeString(note, problem, StandardCharsets.UTF_8);
            }
            moveIntoPlace(partial, target);
        } finally {
            Files.deleteIfExists(partial);
        }
        progress.progress(AnalysisPhase.INFLATE, compressed, compressed);
        return new Inflated(target, problem);
    }

    /** The inflated copy made before for this gzip file, or null when there is none (any more). */
    static Path existingInflation(Path gzipFile, Path directory) throws IOException {
        Path target = directory.resolve(cacheKey(gzipFile) + ".hprof");
        return Files.isRegularFile(target) ? target : null;
    }

    private static void moveIntoPlace(Path partial, Path target) throws IOException {
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void checkSpace(Path directory, long needed, Path gzipFile) throws IOException {
        long usable = Files.getFileStore(directory).getUsableSpace();
        if (usable < needed + SPACE_MARGIN) {
            throw new IOException("not enough free space in " + directory + " to decompress " + gzipFile + ": "
                    + usable / (1 << 20) + " MB free");
        }
    }

    private static String cacheKey(Path gzipFile) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
        long size = Files.size(gzipFile);
        long modified = Files.getLastModifiedTime(gzipFile).toMillis();
        digest.update((size + ":" + modified + ":").getBytes(StandardCharsets.UTF_8));
        try (InputStream in = Files.newInputStream(gzipFile)) {
            digest.update(in.readNBytes(HEAD_BYTES));
        }
        return HexFormat.of().formatHex(digest.digest(), 0, 12);
    }

    /** Counts the compressed bytes consumed, for progress and for error offsets. */
    private static final class CountingInput extends FilterInputStream {
        private long count;

        CountingInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
