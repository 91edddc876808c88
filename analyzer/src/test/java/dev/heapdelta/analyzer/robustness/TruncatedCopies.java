package dev.heapdelta.analyzer.robustness;

import dev.heapdelta.analyzer.testing.TestEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;

/** The dumps a truncation sweep cuts, and how it cuts them: seeded random prefixes of a file. */
public final class TruncatedCopies {
    /** Committed sample dumps, relative to the repository root: every one is swept. */
    public static final List<String> SAMPLE_DUMPS = List.of(
            "sample-dumps/java/leaks-t0.hprof.gz", "sample-dumps/java/leaks-t1.hprof.gz",
            "sample-dumps/java/leaks-t2.hprof.gz", "sample-dumps/node/leaks-t0.heapsnapshot.gz",
            "sample-dumps/node/leaks-t1.heapsnapshot.gz", "sample-dumps/node/leaks-t2.heapsnapshot.gz");

    /** The small files of the shared zoo, relative to {@code reference/zoo}. */
    public static final List<String> ZOO_DUMPS = List.of(
            "hprofslurp_hprof-32.hprof", "mat_oracle_jdk7_21_hprofagent.hprof",
            "mat_sun_jdk6_30_x64_compressedOops.hprof", "mat_sun_jdk5_64bit.hprof",
            "v8_nodesource_truncated_small.heapsnapshot", "d8_heap-1.heapsnapshot",
            "devtoolskit_snapshot1.heapsnapshot.gz");

    private TruncatedCopies() {
    }

    public static Path sampleDump(String relative) {
        return TestEnvironment.repositoryRoot().resolve(relative);
    }

    public static Path zooDump(String name) {
        return TestEnvironment.sharedReference("zoo/" + name);
    }

    /** The dump's bytes as a reader sees them: a gzipped file inflated into {@code directory}. */
    public static Path inflated(Path dump, Path directory) throws IOException {
        if (!isGzip(dump)) {
            return dump;
        }
        Path target = directory.resolve(dump.getFileName().toString().replaceFirst("\\.gz$", ""));
        try (InputStream in = new GZIPInputStream(Files.newInputStream(dump), 1 << 16);
                OutputStream out = Files.newOutputStream(target)) {
            in.transferTo(out);
        }
        return target;
    }

    public static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    /** {@code count} distinct cut offsets in [1, size), sorted, from a seed that names the file. */
    public static long[] cutOffsets(String seedName, long size, int count) {
        Random random = new Random(seedName.hashCode() * 31L + size);
        long[] offsets = new long[count];
        for (int i = 0; i < count; i++) {
            offsets[i] = 1 + (long) (random.nextDouble() * (size - 1));
        }
        java.util.Arrays.sort(offsets);
        return offsets;
    }

    /** Writes the first {@code length} bytes of {@code source} to {@code target}, replacing it. */
    public static Path prefix(Path source, long length, Path target) throws IOException {
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
                FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
            long copied = 0;
            while (copied < length) {
                copied += in.transferTo(copied, length - copied, out);
            }
        }
        return target;
    }

    /** The sample dumps and zoo files to sweep, as paths; zoo files only when the reference is there. */
    public static List<Path> sweptDumps() {
        List<Path> dumps = new ArrayList<>();
        for (String sample : SAMPLE_DUMPS) {
            dumps.add(sampleDump(sample));
        }
        return dumps;
    }
}
