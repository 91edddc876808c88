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
 * close (server and clients in one process on 127.0.0.1); express-session's default MemoryStore; an
 * lru-memoizer without a max beside one with {@code max: 100}. The programs' own counts are the oracle.
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

    /**
     * lru-memoizer keeps each memoizer's lru-cache in a variable {@code cache} of its factory's closure
     * (lib/async.js). That variable is no anchor here: both memoizers have one ({@code
     * V8ObjectDetails.anchorName}), so design.md §4's key starts at the anchor before it, the program's
     * own module variable, and the package is said in a reason line. A {@code lru-memoizer › …} headline
     * is for a package's index.js context (express-session's {@code store}), which lru-memoizer's
     * index.js does not hold. lru-cache 6 keeps the entries in a Map and in a linked list beside it, so
     * the LRUCache dominates them: its large-retainer row is the Map's evidence, not a row.
     */
    @Test
    void anUnboundedLruMemoizerIsTheOnlySuspectNamedByTheProgramsVariableWithThePackageInItsReasons()
            throws Exception {
        List<Snapshot> snapshots = run("lru-memoizer-profiles.js", "memoizer");
        try {
            DiffReport report = DiffReports.of(snapshots, false);
            assertEquals(1, report.suspects().size(), "one leak, one row; the memoizer with max: 100 is silent: "
                    + report.suspects().stream().map(Suspect::title).toList());
            Suspect profiles = report.suspects().get(0);
            assertEquals(SuspectKind.GROWING_COLLECTION, profiles.kind());
            assertEquals("Module(lru-memoizer-profiles.js) › loadProfile › keys › <symbol cache>", profiles.pathKey());
            assertArrayEquals(new Long[] {300L, 900L, 1_500L}, profiles.elements());
            assertTrue(profiles.title().startsWith("Map at Module(lru-memoizer-profiles.js) › loadProfile › keys ›"
                    + " <symbol cache> grew from 300 to 1,500 entries ("), profiles.title());
            assertTrue(profiles.reasons().stream().anyMatch(reason -> reason.startsWith(
                    "held inside the npm package lru-memoizer: the path enters it at its function at async.js:")),
                    profiles.reasons().toString());
            assertTrue(profiles.evidence().stream().anyMatch(evidence -> evidence.name().equals(
                    "holds large-retainer: LRUCache at Module(lru-memoizer-profiles.js) › loadProfile › keys")),
                    profiles.evidence().toString());
            assertEquals(List.of(), report.largeRetainers());
            assertTrue(report.suspects().stream().noneMatch(s -> s.pathKey().contains("loadAvatar")));
        } finally {
            NodeLeakPrograms.close(snapshots);
        }
    }

    private List<Snapshot> run(String program, String prefix) throws Exception {
        return NodeLeakPrograms.run(dir, program, prefix);
    }
}
