package dev.heapdelta.analyzer.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.analysis.AnalysisOptions;
import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.analysis.SnapshotLoader;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.graph.ObjectKind;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.ProgressListener;
import dev.heapdelta.analyzer.testing.TestEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** For a V8 snapshot, which has no threads, the Threads rows are its pinned roots, on a snapshot node writes. */
class V8PinnedRootsTest {
    static final int PAYLOAD = 2_000;

    @TempDir
    Path directory;

    @Test
    void eachRootCategoryAndTheGlobalObjectsAreRowsWithWhatTheyPinAndRetain() throws Exception {
        TestEnvironment.requireNode();
        Path script = Files.writeString(directory.resolve("pinned.js"), """
                globalThis.pinnedPayload = Array.from({ length: %d }, (_, i) => ({ i }));
                global.gc();
                require('v8').writeHeapSnapshot(process.argv[2]);
                """.formatted(PAYLOAD));
        Path file = directory.resolve("pinned.heapsnapshot");
        Process node = new ProcessBuilder("node", "--expose-gc", script.toString(), file.toString())
                .redirectErrorStream(true).redirectOutput(directory.resolve("node.txt").toFile()).start();
        assertTrue(node.waitFor(120, TimeUnit.SECONDS) && node.exitValue() == 0,
                Files.readString(directory.resolve("node.txt")));
        try (Snapshot snapshot = SnapshotLoader.load(file, file.getFileName().toString(),
                AnalysisOptions.defaults().withIndexCache(false), CancelSignal.NEVER, ProgressListener.NONE)) {
            HeapGraph graph = snapshot.graph();
            List<ThreadRow> rows = ThreadOverview.of(snapshot);
            List<String> expectedCategories = new java.util.ArrayList<>();
            int root = graph.syntheticRoot();
            for (int e = graph.firstEdge(root); e < graph.endEdge(root); e++) {
                int child = graph.edgeTarget(e);
                if (graph.details().label(child).equals("(GC roots)")) {
                    for (int c = graph.firstEdge(child); c < graph.endEdge(child); c++) {
                        expectedCategories.add(graph.details().label(graph.edgeTarget(c)));
                    }
                } else if (graph.kindOf(child) == ObjectKind.V8_SYNTHETIC) {
                    expectedCategories.add(graph.details().label(child));
                }
            }
            assertTrue(expectedCategories.containsAll(List.of("(Global handles)", "(Handle scope)", "C++ roots")),
                    expectedCategories.toString());
            assertEquals(expectedCategories.size() + 1, rows.size(), "a row per category, and the global objects");
            for (ThreadRow row : rows) {
                assertTrue(row.frames().isEmpty(), "V8 has no stacks to list");
                if (row.name().equals(ThreadOverview.V8_GLOBAL_OBJECTS)) {
                    continue;
                }
                assertTrue(expectedCategories.contains(row.name()), row.name());
                Set<Integer> targets = new HashSet<>();
                for (int e = graph.firstEdge(row.object()); e < graph.endEdge(row.object()); e++) {
                    targets.add(graph.edgeTarget(e));
                }
                assertEquals(targets.size(), row.pinned().size(), row.name());
                assertEquals(snapshot.dominatorTree().retainedSizeOf(row.object()), row.retainedBytes(), row.name());
            }
            ThreadRow globals = rows.stream().filter(r -> r.name().equals(ThreadOverview.V8_GLOBAL_OBJECTS))
                    .findFirst().orElseThrow(() -> new AssertionError("no global objects in " + rows));
            PinnedObject global = globals.pinned().stream().filter(p -> holdsPayload(graph, p.object())).findFirst()
                    .orElseThrow(() -> new AssertionError("no global object holds the payload: " + globals.pinned()));
            // The payload: PAYLOAD objects {i} of 24 header bytes and one 8-byte in-object property, and the array.
            long payloadBytes = PAYLOAD * 32L + 32;
            assertTrue(global.retainedBytes() >= payloadBytes, global.retainedBytes() + " < " + payloadBytes);
            assertEquals(snapshot.dominatorTree().retainedSizeOf(global.object()), global.retainedBytes());
            assertEquals(globals.pinned().stream().mapToLong(PinnedObject::retainedBytes).sum(), globals.retainedBytes());
            for (int i = 1; i < rows.size(); i++) {
                assertTrue(rows.get(i - 1).retainedBytes() >= rows.get(i).retainedBytes(), "by retained size");
            }
        }
    }

    private static boolean holdsPayload(HeapGraph graph, int object) {
        for (int e = graph.firstEdge(object); e < graph.endEdge(object); e++) {
            if (graph.details().edgeName(e).equals("pinnedPayload")) {
                return true;
            }
        }
        return false;
    }
}
