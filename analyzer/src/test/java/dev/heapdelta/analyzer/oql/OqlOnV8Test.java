package dev.heapdelta.analyzer.oql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.analysis.AnalysisOptions;
import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.analysis.SnapshotLoader;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.ProgressListener;
import dev.heapdelta.analyzer.testing.TestEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same language on a snapshot written by a real Node: DevTools' class names, edge names as fields. */
class OqlOnV8Test {
    @TempDir
    Path dir;

    @Test
    void classesAreConstructorNamesFieldsAreEdgeNamesAndSizesFollowDevTools() throws Exception {
        TestEnvironment.requireNode();
        Path script = Files.writeString(dir.resolve("orders.js"), """
                class Order {
                  constructor(i) {
                    this.id = i;
                    this.label = 'order-' + i;
                    this.lines = new Array(i + 1).fill('x');
                  }
                }
                globalThis.orders = [];
                for (let i = 0; i < 6; i++) globalThis.orders.push(new Order(i));
                global.gc();
                require('v8').writeHeapSnapshot(process.argv[2]);
                """);
        Path file = dir.resolve("orders.heapsnapshot");
        Process node = new ProcessBuilder("node", "--expose-gc", script.toString(), file.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("node.txt").toFile()).start();
        assertTrue(node.waitFor(120, TimeUnit.SECONDS) && node.exitValue() == 0, Files.readString(dir.resolve("node.txt")));
        try (Snapshot snapshot = SnapshotLoader.load(file, "orders.heapsnapshot",
                AnalysisOptions.defaults().withIndexCache(false), CancelSignal.NEVER, ProgressListener.NONE)) {
            assertEquals(6, OqlEngine.run(snapshot, "SELECT * FROM Order", CancelSignal.NEVER).count());
            // Small integers (Smis) such as this.id are no nodes of a V8 snapshot, so no field either.
            OqlResult big = OqlEngine.run(snapshot, "SELECT o.lines.length, toString(o.label), "
                    + "o.@retainedHeapSize, o.@objectId, o.id FROM Order o WHERE o.lines.length > 4",
                    CancelSignal.NEVER);
            assertEquals(2, big.count());
            for (List<Object> row : big.rows()) {
                long length = (Long) row.get(0);
                assertEquals("order-" + (length - 1), row.get(1));
                int object = (int) (long) (Long) row.get(3);
                assertEquals(snapshot.dominatorTree().retainedSizeOf(object), row.get(2));
                assertEquals(null, row.get(4));
            }
            assertEquals(1, OqlEngine.run(snapshot,
                    "SELECT * FROM Order o WHERE toString(o.label) LIKE \"order-[5]\"", CancelSignal.NEVER).count());
            assertEquals(6, OqlEngine.run(snapshot, "SELECT * FROM \"Order\"", CancelSignal.NEVER).count());
        }
    }
}
