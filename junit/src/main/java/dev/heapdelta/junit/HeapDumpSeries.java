package dev.heapdelta.junit;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.heapdelta.analyzer.store.PrivateDirectory;
import dev.heapdelta.analyzer.store.PrivateFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The dumps of one {@code @LeakTest}: {@code heap-0.hprof} after the warm-up, then one per iteration, live
 * objects only, in a directory and files readable by their owner alone (a heap holds whatever the test held:
 * tokens, passwords, personal data).
 */
final class HeapDumpSeries {
    private final Path directory;
    private final List<Path> dumps = new ArrayList<>();
    private long dumpNanos;

    private HeapDumpSeries(Path directory) {
        this.directory = directory;
    }

    /** Makes {@code directory} afresh: dumps of an earlier run of the same test are removed first. */
    static HeapDumpSeries in(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            deleteDumps(directory);
        }
        PrivateDirectory.create(directory);
        return new HeapDumpSeries(directory);
    }

    void dump() throws IOException {
        Path file = directory.resolve("heap-" + dumps.size() + ".hprof");
        long started = System.nanoTime();
        // live = true: the JVM collects garbage first, so that only what is still reachable is compared.
        ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(file.toString(), true);
        dumpNanos += System.nanoTime() - started;
        PrivateFile.restrict(file);
        dumps.add(file);
    }

    List<Path> dumps() {
        return List.copyOf(dumps);
    }

    Path directory() {
        return directory;
    }

    long dumpMillis() {
        return dumpNanos / 1_000_000;
    }

    /** Deletes the dumps and the directory itself, once the test passed. */
    void delete() throws IOException {
        deleteDumps(directory);
        Files.deleteIfExists(directory);
    }

    private static void deleteDumps(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (file.getFileName().toString().matches("heap-\\d+\\.hprof")) {
                    Files.delete(file);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
