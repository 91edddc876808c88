package dev.heapdelta.app.leaks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.analysis.AnalysisOptions;
import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.analysis.SnapshotLoader;
import dev.heapdelta.analyzer.leaks.Suspect;
import dev.heapdelta.analyzer.leaks.SuspectKind;
import dev.heapdelta.analyzer.report.DiffReport;
import dev.heapdelta.analyzer.report.DiffReports;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.ProgressListener;
import dev.heapdelta.analyzer.testing.TestEnvironment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The six Node leak patterns: on snapshots that {@code node} writes during this test, and on the
 * shared reference series (node-all t0/t1/t2). Each is found with its exact entry counts and a
 * path key that names its variable; the capped Map is not reported.
 */
class NodeLeakSeriesTest {
    private static final long[] COUNTS = {100, 400, 700};

    /** The path key of each pattern's container, with its suspect kind. */
    private static final Map<String, SuspectKind> PATTERNS = Map.of(
            "Module(map-cache.js) › userCache", SuspectKind.GROWING_COLLECTION,
            "Module(listeners.js) › dataBus › _events › data", SuspectKind.LISTENER_ACCUMULATION,
            "Module(closure-req.js) › eventEmitter › _events › done", SuspectKind.LISTENER_ACCUMULATION,
            "Module(array-growth.js) › cache", SuspectKind.GROWING_COLLECTION,
            "Module(hanging-promises.js) › pool › waiters", SuspectKind.GROWING_COLLECTION,
            "Module(object-cache.js) › cache", SuspectKind.GROWING_COLLECTION);

    @TempDir
    Path dir;

    @Test
    void sixPatternsWrittenByNodeNowAreTheSixSuspects() throws Exception {
        TestEnvironment.requireNode();
        Path script = TestEnvironment.repositoryRoot().resolve("sample-dumps/node/leaks.js");
        Process node = new ProcessBuilder("node", script.toString(), "--counts", "100,400,700", "--out",
                dir.toString(), "--prefix", "test").redirectErrorStream(true)
                .redirectOutput(dir.resolve("node.log").toFile()).start();
        assertTrue(node.waitFor(180, TimeUnit.SECONDS), "node did not finish");
        assertEquals(0, node.exitValue(), "node failed; see " + dir.resolve("node.log"));
        DiffReport report = diff(List.of(dir.resolve("test-t0.heapsnapshot.gz"), dir.resolve("test-t1.heapsnapshot.gz"),
                dir.resolve("test-t2.heapsnapshot.gz")));

        assertTopSixArePatterns(report, COUNTS);
        for (Suspect suspect : report.suspects()) {
            assertFalse(suspect.pathKey().contains("capped"), "the capped Map is no leak: " + suspect.title());
        }
        Suspect requests = report.suspects().stream()
                .filter(s -> s.pathKey().equals("Module(closure-req.js) › eventEmitter › _events › done")).findFirst()
                .orElseThrow();
        assertTrue(requests.samples().stream().allMatch(sample -> sample.contains("captures req")),
                "the listener closures show the request they capture: " + requests.samples());
        assertTrue(requests.locations().stream().anyMatch(l -> l.startsWith("closure-req.js:")), requests.locations().toString());
    }

    @Test
    void referenceSeriesTopSixAreTheKnownLeaks() throws Exception {
        List<Path> files = new ArrayList<>();
        for (String moment : new String[] {"t0", "t1", "t2"}) {
            files.add(TestEnvironment.sharedReference("node/node-all-" + moment + ".heapsnapshot.gz"));
        }
        assertTopSixArePatterns(diff(files), new long[] {1000, 3500, 6000});
    }

    private static void assertTopSixArePatterns(DiffReport report, long[] counts) {
        List<Suspect> suspects = report.suspects();
        assertTrue(suspects.size() >= 6, "six suspects expected: " + titles(suspects));
        for (int i = 0; i < 6; i++) {
            Suspect suspect = suspects.get(i);
            SuspectKind kind = PATTERNS.get(suspect.pathKey());
            assertEquals(kind, suspect.kind(), "suspect " + (i + 1) + ": " + suspect.title());
            Long[] expected = new Long[counts.length];
            for (int s = 0; s < counts.length; s++) {
                expected[s] = counts[s];
            }
            assertArrayEquals(expected, suspect.elements(), suspect.title());
            assertEquals("growing", suspect.trend().jsonName());
        }
        assertEquals(6, suspects.stream().limit(6).map(Suspect::pathKey).distinct().count());
    }

    private static DiffReport diff(List<Path> files) throws Exception {
        List<Snapshot> snapshots = new ArrayList<>();
        try {
            for (Path file : files) {
                snapshots.add(SnapshotLoader.load(file, file.toString(), AnalysisOptions.defaults(),
                        CancelSignal.NEVER, ProgressListener.NONE));
            }
            return DiffReports.of(snapshots, false);
        } finally {
            for (Snapshot snapshot : snapshots) {
                snapshot.close();
            }
        }
    }

    private static List<String> titles(List<Suspect> suspects) {
        return suspects.stream().map(Suspect::title).toList();
    }
}
