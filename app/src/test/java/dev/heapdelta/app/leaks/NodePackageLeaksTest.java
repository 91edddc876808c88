package dev.heapdelta.app.leaks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.leaks.Suspect;
import dev.heapdelta.analyzer.leaks.SuspectKind;
import dev.heapdelta.analyzer.report.DiffReport;
import dev.heapdelta.analyzer.report.DiffReports;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Leaks from real npm packages (test-node/, installed by {@code npm ci}): an express app whose route
 * handler stores every order in a module-level Map, driven by its own HTTP requests on 127.0.0.1,
 * next to a bounded lru-cache that must stay silent; and ws server sockets kept in a Set after they
 * close (server and clients in one process on 127.0.0.1); express-session's default MemoryStore. The programs' own counts are the oracle.
 */
class NodePackageLeaksTest {
    @TempDir
    Path dir;

    @Test
    void expressRouteStoringOrdersInAModuleMapIsTheOnlySuspectWithExactCounts() throws Exception {
        List<Snapshot> snapshots = run("express-orders.js", "express");
        try {
            DiffReport report = DiffReports.of(snapshots, false);
            assertEquals(1, report.suspects().size(), "one leak, one row; the lru-cache at its max is silent: "
                    + report.suspects().stream().map(Suspect::title).toList());
            Suspect orders = report.suspects().get(0);
            assertEquals(SuspectKind.GROWING_COLLECTION, orders.kind());
            assertEquals("Module(express-orders.js) › orders", orders.pathKey());
            assertArrayEquals(new Long[] {300L, 1_000L, 1_700L}, orders.elements());
            assertTrue(orders.title().startsWith("Map at Module(express-orders.js) › orders grew from 300 to 1,700"
                    + " entries ("), orders.title());
            assertEquals("series", orders.trendBasis());
            assertEquals(List.of(), report.largeRetainers());
        } finally {
            for (Snapshot snapshot : snapshots) {
                snapshot.close();
            }
        }
    }

    @Test
    void wsSocketsKeptInAModuleSetAfterCloseAreTheOnlySuspectWithExactCounts() throws Exception {
        List<Snapshot> snapshots = run("ws-sockets.js", "ws");
        try {
            DiffReport report = DiffReports.of(snapshots, false);
            assertEquals(1, report.suspects().size(), "one leak, one row; the server's own tracking is silent: "
                    + report.suspects().stream().map(Suspect::title).toList());
            Suspect sockets = report.suspects().get(0);
            assertEquals(SuspectKind.GROWING_COLLECTION, sockets.kind());
            assertEquals("Module(ws-sockets.js) › sockets", sockets.pathKey());
            assertArrayEquals(new Long[] {50L, 150L, 250L}, sockets.elements());
            assertTrue(sockets.title().startsWith("Set at Module(ws-sockets.js) › sockets grew from 50 to 250 entries ("),
                    sockets.title());
            assertEquals(List.of(), report.largeRetainers());
        } finally {
            for (Snapshot snapshot : snapshots) {
                snapshot.close();
            }
        }
    }

    @Test
    void expressSessionsDefaultMemoryStoreIsNamedByItsPackageWithExactCounts() throws Exception {
        List<Snapshot> snapshots = run("express-sessions.js", "sessions");
        try {
            DiffReport report = DiffReports.of(snapshots, false);
            assertEquals(1, report.suspects().size(), report.suspects().stream().map(Suspect::title).toList()
                    .toString());
            Suspect store = report.suspects().get(0);
            assertEquals(SuspectKind.GROWING_COLLECTION, store.kind());
            assertEquals("Module(express-session) › store › sessions", store.pathKey(),
                    "the package's index.js is named by its package");
            assertArrayEquals(new Long[] {200L, 600L, 1_000L}, store.elements());
            assertTrue(store.title().startsWith("Object at Module(express-session) › store › sessions grew from 200 to"
                    + " 1,000 entries ("), store.title());
        } finally {
            for (Snapshot snapshot : snapshots) {
                snapshot.close();
            }
        }
    }

    private List<Snapshot> run(String program, String prefix) throws Exception {
        return NodeLeakPrograms.run(dir, program, prefix);
    }
}
