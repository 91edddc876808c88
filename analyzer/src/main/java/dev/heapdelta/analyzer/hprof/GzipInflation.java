package dev.heapdelta.analyzer.hprof;

import dev.heapdelta.analyzer.source.AnalysisPhase;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.Compression;
import dev.heapdelta.analyzer.source.DecompressedInput;
import dev.heapdelta.analyzer.source.FormatDetector;
import dev.heapdelta.analyzer.source.ProgressListener;
import dev.heapdelta.analyzer.store.CachedCopy;
import dev.heapdelta.analyzer.store.CopyKey;
import dev.heapdelta.analyzer.store.PrivateDirectory;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A compressed dump (gzip, bzip2, xz, zstd or zip) inflated once into a cache directory, because lazy field reads need random
 * access. The copy is found again by the gzip file's size, modification time and a hash of its
 * first megabyte. Free space is checked before and during inflation ({@link CachedCopy}), so a huge
 * dump cannot fill the disk. Multi-member gzip (what {@code jcmd GC.heap_dump -gz} writes) is read to the end.
 */
final class GzipInflation {
    private static final int HEAD_BYTES = 1 << 20;
    private static final int CHUNK = 1 << 20;
    private static final long PROGRESS_STEP = 64L << 20;
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
        Compression compression = FormatDetector.detect(gzipFile).compression();
        String problem = new CachedCopy(target, "decompress " + gzipFile).write(compressed, out -> {
            String broken = inflateInto(out, gzipFile, compression, compressed, cancel, progress);
            if (broken != null) {
                // Written before the copy is in place: a copy found later without its note was whole.
                Files.writeString(note, broken, StandardCharsets.UTF_8);
            }
            return broken;
        });
        progress.progress(AnalysisPhase.INFLATE, compressed, compressed);
        return new Inflated(target, problem);
    }

    /** Inflates into {@code out}; returns the problem that ended a cut or broken stream, or null. */
    private static String inflateInto(OutputStream out, Path gzipFile, Compression compression, long compressed,
            CancelSignal cancel, ProgressListener progress) throws IOException {
        // A zip entry is found through the archive's directory, so its progress counts inflated bytes.
        try (CountingInput counting = new CountingInput(compression == Compression.ZIP
                ? DecompressedInput.open(gzipFile, compression) : Files.newInputStream(gzipFile));
                InputStream gzip = compression == Compression.ZIP ? counting
                        : DecompressedInput.wrap(counting, compression)) {
            byte[] chunk = new byte[CHUNK];
            long written = 0;
            long nextProgress = PROGRESS_STEP;
            while (true) {
                int n;
                try {
                    n = gzip.read(chunk);
                } catch (IOException e) {
                    // Each format reports a cut or broken stream its own way; keep what was inflated.
                    return "compressed stream of " + gzipFile + " broken at compressed offset " + counting.count
                            + " (" + e.getMessage() + "); read what was inflated";
                }
                if (n < 0) {
                    return null;
                }
                out.write(chunk, 0, n);
                written += n;
                if (written >= nextProgress) {
                    cancel.throwIfCancelled();
                    progress.progress(AnalysisPhase.INFLATE, counting.count, compressed);
                    nextProgress = written + PROGRESS_STEP;
                }
            }
        }
    }

    /** The inflated copy made before for this gzip file, or null when there is none (any more). */
    static Path existingInflation(Path gzipFile, Path directory) throws IOException {
        Path target = directory.resolve(cacheKey(gzipFile) + ".hprof");
        return Files.isRegularFile(target) ? target : null;
    }

    private static String cacheKey(Path gzipFile) throws IOException {
        return CopyKey.start().text(Files.size(gzipFile) + ":" + Files.getLastModifiedTime(gzipFile).toMillis() + ":")
                .head(gzipFile, HEAD_BYTES).hex(12);
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
