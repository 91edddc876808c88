package dev.heapdelta.analyzer.robustness;

import dev.heapdelta.analyzer.analysis.AnalysisOptions;
import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.analysis.SnapshotLoader;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.DumpFormatException;
import dev.heapdelta.analyzer.source.ProgressListener;
import dev.heapdelta.analyzer.source.ReadOptions;
import dev.heapdelta.analyzer.store.StoragePolicy;
import dev.heapdelta.analyzer.testing.TestEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * What one fuzz input goes through: written to a file, read by one reader, then analysed by the
 * whole pipeline. A typed {@link DumpFormatException} is the only expected failure; anything else
 * propagates and is a finding.
 */
final class FuzzedDumps {
    /** A reader under fuzzing. */
    @FunctionalInterface
    interface Reader {
        HeapGraph read(Path file, ReadOptions options) throws IOException;
    }

    private static final Path WORK = makeWorkDirectory();

    private FuzzedDumps() {
    }

    static void readAndAnalyse(byte[] bytes, Reader reader) throws IOException {
        Path file = WORK.resolve("input.bin");
        Path cache = WORK.resolve("cache");
        Files.write(file, bytes);
        try {
            HeapGraph graph = reader.read(file, new ReadOptions(file.toString(), 0, cache, StoragePolicy.AUTO));
            AnalysisOptions options = AnalysisOptions.defaults().withCacheDirectory(cache);
            try (Snapshot snapshot = SnapshotLoader.analyse(graph, file.toString(), options, CancelSignal.NEVER,
                    ProgressListener.NONE)) {
                snapshot.histogram();
            }
        } catch (DumpFormatException expected) {
            if (!expected.getMessage().contains(file.toString()) || expected.offset() < 0) {
                throw new AssertionError("a typed error must name the file and an offset: " + expected.getMessage());
            }
        } finally {
            deleteTree(cache);
        }
    }

    private static Path makeWorkDirectory() {
        try {
            Path dir = TestEnvironment.temporaryDirectory("heapdelta-fuzz");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
