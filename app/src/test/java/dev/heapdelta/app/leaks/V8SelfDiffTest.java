package dev.heapdelta.app.leaks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.analysis.AnalysisOptions;
import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.analysis.SnapshotLoader;
import dev.heapdelta.analyzer.diff.Trend;
import dev.heapdelta.analyzer.leaks.Suspect;
import dev.heapdelta.analyzer.report.DiffReport;
import dev.heapdelta.analyzer.report.DiffReports;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.ProgressListener;
import dev.heapdelta.analyzer.testing.TestEnvironment;
import dev.heapdelta.samples.Examples;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A V8 snapshot diffed with itself has no leak: nothing grew. Objects are matched by node id, which
 * both copies share, so a large retainer is the same object in both (an ambiguous path key once
 * matched a NativeContext {@code @3} with {@code @7271} and called it shrinking).
 */
class V8SelfDiffTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"zoo/devtoolskit_snapshot1.heapsnapshot.gz", "zoo/d8_heap-1.heapsnapshot",
        "zoo/devtoolx_test.heapsnapshot"})
    void zooSnapshotDiffedWithItselfHasNoSuspect(String reference) throws Exception {
        assertNoSuspect(TestEnvironment.sharedReference(reference));
    }

    @Test
    void everyBundledNodeSnapshotDiffedWithItselfHasNoSuspect() throws Exception {
        for (Path file : Examples.copyTo(Examples.Platform.NODE, dir)) {
            assertNoSuspect(file);
        }
    }

    private static void assertNoSuspect(Path file) throws Exception {
        try (Snapshot a = load(file); Snapshot b = load(file)) {
            DiffReport report = DiffReports.of(List.of(a, b), false);
            assertEquals(List.of(), report.suspects().stream().map(Suspect::title).toList(), file.toString());
            for (Suspect retainer : report.largeRetainers()) {
                assertEquals(Trend.FLAT, retainer.trend(), retainer.title());
                assertEquals(retainer.objectIds()[0], retainer.objectIds()[1], "matched by node id: "
                        + Arrays.toString(retainer.objectIds()));
                assertTrue(!retainer.className().contains("GlobalScope") && !retainer.className().equals("global")
                        && !retainer.className().equals("system / NativeContext"),
                        "a global scope holds everything and is no lead: " + retainer.title());
            }
        }
    }

    private static Snapshot load(Path file) throws Exception {
        return SnapshotLoader.load(file, file.getFileName().toString(), AnalysisOptions.defaults(), CancelSignal.NEVER,
                ProgressListener.NONE);
    }
}
