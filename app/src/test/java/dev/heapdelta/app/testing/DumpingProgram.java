package dev.heapdelta.app.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.analysis.AnalysisOptions;
import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.analysis.SnapshotLoader;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.ProgressListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A test program that dumps its own heap, run in a child JVM (small heap, serial GC, so that the dumps
 * are small and the same each run) with the test's class path; and the dumps it wrote, analysed.
 */
public final class DumpingProgram {
    private DumpingProgram() {
    }

    /**
     * Runs {@code mainClass} with {@code argument} (usually the directory its dumps go to), its output in
     * {@code log}; fails the test when it does not finish in {@code timeoutSeconds} or exits non-zero.
     */
    public static void run(String mainClass, String heap, int timeoutSeconds, Path argument, Path log)
            throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx" + heap, "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), mainClass, argument.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(process.waitFor(timeoutSeconds, TimeUnit.SECONDS), mainClass + " did not finish");
        assertEquals(0, process.exitValue(), mainClass + " failed; see " + log);
    }

    /** The dumps, analysed in order with {@code options}. */
    public static List<Snapshot> load(List<Path> dumps, AnalysisOptions options) throws Exception {
        List<Snapshot> snapshots = new ArrayList<>();
        for (Path dump : dumps) {
            snapshots.add(SnapshotLoader.load(dump, dump.toString(), options, CancelSignal.NEVER, ProgressListener.NONE));
        }
        return snapshots;
    }

    /** A test program's series {@code directory/prefix-t0.hprof} …, analysed afresh (no index cache), in order. */
    public static List<Snapshot> loadSeries(Path directory, String prefix, int count) throws Exception {
        return load(series(directory, prefix, count), AnalysisOptions.defaults().withIndexCache(false));
    }

    /** Closes every snapshot of a test's series. */
    public static void closeAll(List<Snapshot> snapshots) throws Exception {
        for (Snapshot snapshot : snapshots) {
            snapshot.close();
        }
    }

    /** {@code directory/prefix-t0.hprof} … {@code -t(count-1)}, the names the test programs write. */
    public static List<Path> series(Path directory, String prefix, int count) {
        List<Path> dumps = new ArrayList<>();
        for (int moment = 0; moment < count; moment++) {
            dumps.add(directory.resolve(prefix + "-t" + moment + ".hprof"));
        }
        return dumps;
    }
}
