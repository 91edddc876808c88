package dev.heapdelta.app.leaks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.format.PathStepRow;
import dev.heapdelta.analyzer.leaks.Suspect;
import dev.heapdelta.analyzer.leaks.SuspectKind;
import dev.heapdelta.analyzer.report.DiffReport;
import dev.heapdelta.analyzer.report.DiffReports;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Headlines name the variable the source declares (DESIGN.md §4, path keys), also where the
 * shortest path from the root names none: a server's state reached first through its libuv handle
 * ({@code (root) › [] › <symbol owner_symbol>}), and a classic script's top-level {@code var} and
 * {@code let} run with {@code vm.runInThisContext}. The programs (test-node/leaks/) use express and
 * ws and count their own requests and connections: those counts are the oracle. Each has a bounded
 * twin that must stay silent.
 */
class NodeVariableHoldersTest {
    @TempDir
    Path dir;

    @Test
    void stateKeptOnServersReachedThroughTheirHandlesIsNamedByTheModuleConstsThatDeclareThem() throws Exception {
        List<Snapshot> snapshots = NodeLeakPrograms.run(dir, "server-held-clients.js", "servers");
        try {
            DiffReport report = DiffReports.of(snapshots, false);
            assertEquals(2, report.suspects().size(), "two leaks, two rows; the trimmed `server.lastSeen` is"
                    + " silent: " + titles(report));
            Suspect clients = report.suspects().get(0);
            assertEquals(SuspectKind.GROWING_COLLECTION, clients.kind());
            assertEquals("Module(server-held-clients.js) › server › clients", clients.pathKey());
            assertEquals("Map", clients.className());
            assertArrayEquals(new Long[] {100L, 300L, 500L}, clients.elements(), "one entry per request");
            assertTrue(clients.title().startsWith("Map at Module(server-held-clients.js) › server › clients grew"
                    + " from 100 to 500 entries ("), clients.title());
            assertHandlePathBeside(clients);
            Suspect history = report.suspects().get(1);
            assertEquals(SuspectKind.GROWING_COLLECTION, history.kind());
            assertEquals("Module(server-held-clients.js) › wss › history", history.pathKey());
            assertEquals("Array", history.className());
            assertArrayEquals(new Long[] {100L, 300L, 500L}, history.elements(), "one entry per connection");
            assertTrue(history.title().startsWith("Array at Module(server-held-clients.js) › wss › history grew"
                    + " from 100 to 500 entries ("), history.title());
            assertHandlePathBeside(history);
            for (Suspect suspect : report.suspects()) {
                assertTrue(!suspect.pathKey().contains("(root)") && !suspect.pathKey().contains("owner_symbol")
                        && !suspect.pathKey().contains("lastSeen"), suspect.pathKey());
            }
        } finally {
            NodeLeakPrograms.close(snapshots);
        }
    }

    @Test
    void aClassicScriptsTopLevelVarAndLetReadAsAGlobalPropertyAndAVariableOfItsScope() throws Exception {
        List<Snapshot> snapshots = NodeLeakPrograms.run(dir, "vm-script-caches.js", "script");
        try {
            DiffReport report = DiffReports.of(snapshots, false);
            assertEquals(2, report.suspects().size(), "two leaks, two rows; the trimmed `recent` array is silent: "
                    + titles(report));
            Suspect cache = report.suspects().get(0);
            assertEquals(SuspectKind.GROWING_COLLECTION, cache.kind());
            assertEquals("global › cache", cache.pathKey(), "a script's top-level var is a global property");
            assertArrayEquals(new Long[] {300L, 900L, 1_500L}, cache.elements());
            assertTrue(cache.title().startsWith("Map at global › cache grew from 300 to 1,500 entries ("),
                    cache.title());
            Suspect tokens = report.suspects().get(1);
            assertEquals(SuspectKind.GROWING_COLLECTION, tokens.kind());
            assertEquals("Module(session-cache.js) › tokens", tokens.pathKey(),
                    "a script's top-level let is a variable of the script's scope, named by the script's file");
            assertArrayEquals(new Long[] {300L, 900L, 1_500L}, tokens.elements());
            assertTrue(tokens.title().startsWith("Set at Module(session-cache.js) › tokens grew from 300 to 1,500"
                    + " entries ("), tokens.title());
        } finally {
            NodeLeakPrograms.close(snapshots);
        }
    }

    /** The path shown names the variable as the key does, and the handle's shorter path is the other one. */
    private static void assertHandlePathBeside(Suspect suspect) {
        String variable = suspect.pathKey().split(" › ")[1];
        assertTrue(suspect.pathToRoot().stream().anyMatch(step -> step.edge().equals(variable)
                && step.className().equals("system / Context")), "the path goes through the module's "
                + variable + ": " + edges(suspect.pathToRoot()));
        assertEquals(1, suspect.otherPaths().size(), "the shortest path is shown beside it");
        List<PathStepRow> shortest = suspect.otherPaths().get(0);
        assertTrue(shortest.size() < suspect.pathToRoot().size(), () -> edges(shortest).toString());
        assertTrue(shortest.stream().anyMatch(step -> step.edge().equals("<symbol owner_symbol>")),
                "through the server's libuv handle: " + edges(shortest));
    }

    private static List<String> edges(List<PathStepRow> path) {
        return path.stream().map(step -> step.className() + "." + step.edge()).toList();
    }

    private static List<String> titles(DiffReport report) {
        return report.suspects().stream().map(Suspect::title).toList();
    }
}
