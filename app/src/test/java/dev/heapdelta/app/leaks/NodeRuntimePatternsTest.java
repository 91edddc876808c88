package dev.heapdelta.app.leaks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Node's own holders of leaks (DESIGN.md §4, closures, timers and promises): the reactions piling
 * up on a promise that never settles, per-connection intervals left in Node's timer list, and a
 * script's top-level {@code const} and {@code globalThis} property, each named as the source names
 * it. The programs (test-node/leaks/) use express and ws and count their own requests and
 * connections: those counts are the oracle. Each has a bounded twin that must stay silent.
 */
class NodeRuntimePatternsTest {
    @TempDir
    Path dir;

    @Test
    void reactionsPilingUpOnAPromiseThatNeverSettlesAreOneSuspectNamedByItsModuleVariable() throws Exception {
        List<Snapshot> snapshots = NodeLeakPrograms.run(dir, "express-pending-promises.js", "promises");
        try {
            DiffReport report = DiffReports.of(snapshots, false);
            assertEquals(1, report.suspects().size(), "one leak, one row; the race against the settled `ready`"
                    + " promise is silent: " + titles(report));
            Suspect shutdown = report.suspects().get(0);
            assertEquals(SuspectKind.GROWING_COLLECTION, shutdown.kind());
            assertEquals("Module(express-pending-promises.js) › shutdown", shutdown.pathKey());
            assertEquals("Promise", shutdown.className());
            assertArrayEquals(new Long[] {300L, 1_000L, 1_700L}, shutdown.elements(), "one reaction per job");
            assertTrue(shutdown.title().startsWith("Promise at Module(express-pending-promises.js) › shutdown grew"
                    + " from 300 to 1,700 pending reactions ("), shutdown.title());
            assertTrue(shutdown.evidence().stream().anyMatch(e -> e.name().equals("{id, report}")
                    && e.count()[2] == 1_700L), "each reaction holds its job's result: " + shutdown.evidence());
            assertEquals(List.of(), report.largeRetainers());
        } finally {
            NodeLeakPrograms.close(snapshots);
        }
    }

    @Test
    void heartbeatIntervalsNeverClearedAreOneSuspectOnNodesTimerListWithTheirCallbackLocation() throws Exception {
        List<Snapshot> snapshots = NodeLeakPrograms.run(dir, "ws-heartbeat-timers.js", "timers");
        try {
            DiffReport report = DiffReports.of(snapshots, false);
            assertEquals(1, report.suspects().size(), "one leak, one row; the cleared idle timeouts are silent: "
                    + titles(report));
            Suspect timers = report.suspects().get(0);
            assertEquals(SuspectKind.GROWING_COLLECTION, timers.kind());
            assertEquals("Module(node:timers) › timerListMap › []", timers.pathKey(),
                    "named by Node's module variable, not by (root) hops along the timer ring");
            assertEquals("TimersList", timers.className());
            assertArrayEquals(new Long[] {50L, 150L, 250L}, timers.elements(), "one Timeout per connection");
            assertTrue(timers.title().startsWith("Timer list at Module(node:timers) › timerListMap › [] grew from 50"
                    + " to 250 timers ("), timers.title());
            assertTrue(timers.locations().get(0).startsWith("ws-heartbeat-timers.js:13:"),
                    "the setInterval callback first: " + timers.locations());
            assertEquals(List.of(), report.largeRetainers());
        } finally {
            NodeLeakPrograms.close(snapshots);
        }
    }

    @Test
    void aScriptsTopLevelConstAndGlobalThisPropertyReadAsModuleAndGlobalAnchors() throws Exception {
        List<Snapshot> snapshots = NodeLeakPrograms.run(dir, "global-caches.js", "globals");
        try {
            DiffReport report = DiffReports.of(snapshots, false);
            assertEquals(2, report.suspects().size(), "two leaks, two rows; the trimmed `recent` array is silent: "
                    + titles(report));
            Suspect cache = report.suspects().get(0);
            assertEquals(SuspectKind.GROWING_COLLECTION, cache.kind());
            assertEquals("Module(global-caches.js) › cache", cache.pathKey());
            assertArrayEquals(new Long[] {400L, 1_200L, 2_000L}, cache.elements());
            assertTrue(cache.title().startsWith("Map at Module(global-caches.js) › cache grew from 400 to 2,000"
                    + " entries ("), cache.title());
            Suspect registry = report.suspects().get(1);
            assertEquals(SuspectKind.GROWING_COLLECTION, registry.kind());
            assertEquals("global › registry", registry.pathKey());
            assertArrayEquals(new Long[] {400L, 1_200L, 2_000L}, registry.elements());
            assertTrue(registry.title().startsWith("Array at global › registry grew from 400 to 2,000 entries ("),
                    registry.title());
            for (Suspect suspect : report.suspects()) {
                assertTrue(!suspect.pathKey().contains("(root)") && !suspect.pathKey().contains("Context")
                        && !suspect.pathKey().contains("PropertyCell"), suspect.pathKey());
            }
        } finally {
            NodeLeakPrograms.close(snapshots);
        }
    }

    @Test
    void aPropertyOfD8sGlobalObjectReadsGlobalNotTheHandleScopeRootsHops() throws Exception {
        // d8 (dinfuehr/heap-snapshot's weakrefs fixture) names its global "global [JSGlobalObject]", and the
        // running script's handle scope reaches it in fewer hops than the native context that owns it.
        Path file = TestEnvironment.sharedReference("zoo/d8_weakrefs.heapsnapshot");
        try (Snapshot snapshot = SnapshotLoader.load(file, file.getFileName().toString(), AnalysisOptions.defaults(),
                CancelSignal.NEVER, ProgressListener.NONE)) {
            int math = -1;
            for (int o = 0; o < snapshot.graph().objectCount(); o++) {
                if (snapshot.graph().classNameOf(o).equals("Math")) {
                    math = o;
                }
            }
            assertTrue(math >= 0, "the fixture has its Math object");
            assertEquals("global › Math", snapshot.pathKeyOf(math));
        }
    }

    private static List<String> titles(DiffReport report) {
        return report.suspects().stream().map(Suspect::title).toList();
    }
}
