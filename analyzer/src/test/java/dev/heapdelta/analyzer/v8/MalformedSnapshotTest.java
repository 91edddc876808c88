package dev.heapdelta.analyzer.v8;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.DumpFormatException;
import dev.heapdelta.analyzer.source.ProgressListener;
import dev.heapdelta.analyzer.source.ReadOptions;
import dev.heapdelta.analyzer.testing.V8SnapshotBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MalformedSnapshotTest {
    @TempDir
    Path dir;

    private HeapGraph read(Path file) throws IOException {
        return V8SnapshotReader.read(file, ReadOptions.of(file), CancelSignal.NEVER, ProgressListener.NONE);
    }

    private Path write(String name, String json) throws IOException {
        return Files.writeString(dir.resolve(name), json, StandardCharsets.UTF_8);
    }

    private DumpFormatException failure(String name, String json) throws IOException {
        Path file = write(name, json);
        DumpFormatException error = assertThrows(DumpFormatException.class, () -> read(file));
        assertTrue(error.getMessage().startsWith("file " + file + ": "), error.getMessage());
        assertFalse(error.getMessage().contains("\n"), "one line: " + error.getMessage());
        assertTrue(error.offset() >= 0 && error.offset() <= json.length(), error.getMessage());
        return error;
    }

    @Test
    void aValidSmallSnapshotReads() throws Exception {
        HeapGraph graph = read(V8SnapshotBuilder.smallHeap().write(dir.resolve("ok.heapsnapshot")));
        assertEquals(9, graph.objectCount());
        assertEquals(10, graph.edgeCount());
        assertFalse(graph.info().partial());
    }

    @Test
    void malformedJsonNamesTheOffset() throws Exception {
        String json = V8SnapshotBuilder.smallHeap().toJson();
        int at = json.indexOf("\"nodes\":[") + 12;
        String broken = json.substring(0, at) + "x" + json.substring(at + 1);
        DumpFormatException error = failure("broken.heapsnapshot", broken);
        assertEquals(at, error.offset(), error.getMessage());
    }

    @Test
    void truncationInsideTheNodesKeepsTheCompleteNodes() throws Exception {
        String json = V8SnapshotBuilder.smallHeap().toJson();
        Path file = write("cut.heapsnapshot", json.substring(0, json.indexOf("\"edges\"") - 10));
        HeapGraph graph = read(file);
        assertTrue(graph.info().partial());
        assertEquals(8, graph.objectCount(), "the ninth node is cut, the eight before it are whole");
        assertEquals(0, graph.edgeCount());
        assertTrue(graph.info().warnings().stream().anyMatch(line -> line.contains("inside \"nodes\": read 8 of 9 nodes")),
                graph.info().warnings().toString());
    }

    @Test
    void absurdDeclaredCountsOnACutSnapshotGiveNoAbsurdLossFigures() throws Exception {
        for (long declared : new long[] {Long.MAX_VALUE, 4_000_000_000L}) {
            String json = V8SnapshotBuilder.smallHeap().declaredCounts(declared, declared).toJson();
            HeapGraph graph = read(write("absurd.heapsnapshot", json.substring(0, json.indexOf("\"edges\"") - 10)));
            var info = graph.info();
            assertEquals(8, graph.objectCount());
            long claimed = declared > 1L << 32 ? 0 : declared;
            // A count V8 could not write (beyond 2^32) is no count; a plausible one is believed. Without
            // one: the node cut through, the 9 edges the 8 read nodes declare, and the 8 strings they name.
            assertEquals(Math.max(claimed - 8, 1) + Math.max(claimed, 9) + 8, info.lostRecords(), info.toString());
            assertTrue(info.lostBytes() > 0 && info.lostBytes() < 64 * (claimed + 16), info.toString());
        }
    }

    @Test
    void truncationInsideTheFirstNodeIsAnError() throws Exception {
        String json = V8SnapshotBuilder.smallHeap().toJson();
        DumpFormatException error = failure("cut-first.heapsnapshot", json.substring(0, json.indexOf("\"nodes\":[") + 14));
        assertTrue(error.getMessage().contains("nothing to analyse"), error.getMessage());
    }

    @Test
    void truncationInsideTheStringTableGivesAPartialGraph() throws Exception {
        String json = V8SnapshotBuilder.smallHeap().toJson();
        Path file = write("cut-strings.heapsnapshot", json.substring(0, json.indexOf("\"strings\"") + 30));
        HeapGraph graph = read(file);
        assertTrue(graph.info().partial());
        assertEquals(9, graph.objectCount());
        assertFalse(graph.info().warnings().isEmpty());
    }

    @Test
    void nodesArrayNotAMultipleOfTheNodeFieldsIsAnError() throws Exception {
        String json = V8SnapshotBuilder.smallHeap().toJson().replace("\"nodes\":[", "\"nodes\":[9,");
        assertTrue(failure("meta.heapsnapshot", json).getMessage().contains("not a multiple"));
    }

    @Test
    void edgeCountsThatDisagreeWithTheEdgesArrayAreAnError() throws Exception {
        String json = V8SnapshotBuilder.smallHeap().toJson().replace("\"edges\":[", "\"edges\":[1,1,0,");
        assertTrue(failure("edges.heapsnapshot", json).getMessage().contains("edge"));
    }

    @Test
    void jsonThatIsNotASnapshotIsRejectedAtOffsetZero() throws Exception {
        assertEquals(0, failure("other.json", "{\"name\":\"package\",\"version\":\"1.0.0\"}").offset());
        assertEquals(0, failure("empty.heapsnapshot", "").offset());
    }

    @Test
    void snapshotWithoutMetaIsAnError() throws Exception {
        assertTrue(failure("nometa.heapsnapshot", "{\"snapshot\":{\"node_count\":1},\"nodes\":[]}")
                .getMessage().contains("meta"));
    }

    @Test
    void anEdgePointingPastTheNodesIsDroppedWithACountedWarning() throws Exception {
        V8SnapshotBuilder builder = V8SnapshotBuilder.smallHeap();
        builder.rawEdge(3, 2, builder.string("far"), 7L * 1_000_000);
        builder.rawEdge(3, 2, builder.string("farther"), 7L * 2_000_000);
        HeapGraph graph = read(write("far.heapsnapshot", builder.toJson()));
        assertEquals(10, graph.edgeCount(), "the two bad edges are dropped, the ten good ones kept");
        assertTrue(graph.info().warnings().stream().anyMatch(line -> line.contains("2 outside the node array")),
                graph.info().warnings().toString());
        assertEquals(2, graph.info().lostRecords());
        dev.heapdelta.analyzer.dominators.DominatorTree.computeDefault(graph);
    }

    @Test
    void aToNodeThatIsNotAMultipleOfTheNodeFieldCountIsDroppedWithACountedWarning() throws Exception {
        V8SnapshotBuilder builder = V8SnapshotBuilder.smallHeap();
        builder.rawEdge(3, 2, builder.string("odd"), 8);
        HeapGraph graph = read(write("odd.heapsnapshot", builder.toJson()));
        assertEquals(10, graph.edgeCount());
        assertTrue(graph.info().warnings().stream().anyMatch(line -> line.contains("1 not a multiple")),
                graph.info().warnings().toString());
    }

    @Test
    void nodeAndPropertyNamesOutsideTheStringTableAreShownEmptyWithCountedWarnings() throws Exception {
        V8SnapshotBuilder builder = V8SnapshotBuilder.smallHeap();
        int nameless = builder.rawNode(V8SnapshotBuilder.NODE_TYPES.indexOf("object"), 1_000_000, 32, 777);
        builder.rawEdge(1, V8SnapshotBuilder.EDGE_TYPES.indexOf("property"), 2_000_000, (long) nameless * 7);
        HeapGraph graph = read(write("names.heapsnapshot", builder.toJson()));
        assertFalse(graph.info().partial(), "the table is whole; only the ids are wrong");
        assertEquals(10, graph.objectCount());
        assertTrue(graph.info().warnings().stream().anyMatch(line -> line.startsWith("1 nodes name strings outside")),
                graph.info().warnings().toString());
        assertTrue(graph.info().warnings().stream().anyMatch(line -> line.startsWith("1 edges name strings outside")),
                graph.info().warnings().toString());
        dev.heapdelta.analyzer.dominators.DominatorTree.computeDefault(graph);
        graph.details().edgeName(graph.firstEdge(1));
    }

    @Test
    void aCutInsideTheEdgesKeepsTheEdgesReadAndCountsTheRest() throws Exception {
        String json = V8SnapshotBuilder.smallHeap().toJson();
        int edges = json.indexOf("\"edges\":[") + "\"edges\":[".length();
        int cut = json.indexOf(',', json.indexOf(',', json.indexOf(',', edges) + 1) + 1) + 3;
        HeapGraph graph = read(write("cut-edges.heapsnapshot", json.substring(0, cut)));
        assertTrue(graph.info().partial());
        assertEquals(9, graph.objectCount());
        assertEquals(1, graph.edgeCount(), "the one complete edge (three fields) is kept");
        assertTrue(graph.info().lostRecords() >= 9, "nine edges and the string table lost: " + graph.info());
        assertTrue(graph.info().warnings().stream().anyMatch(line -> line.contains("read all 9 nodes and 1 of 10 edges")),
                graph.info().warnings().toString());
        dev.heapdelta.analyzer.dominators.DominatorTree.computeDefault(graph);
    }

    @Test
    void aHeaderClaimingMillionsOfNodesDoesNotSizeTheArrays() throws Exception {
        Path file = V8SnapshotBuilder.smallHeap().declaredCounts(26_688_716, 90_000_000)
                .write(dir.resolve("claims.heapsnapshot"));
        // Measured as growth of the live heap across the read, so that garbage other tests left
        // in this JVM cannot make it fail. 26 M nodes would take several hundred MB.
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long before = runtime.totalMemory() - runtime.freeMemory();
        HeapGraph graph = read(file);
        System.gc();
        long after = runtime.totalMemory() - runtime.freeMemory();
        assertEquals(9, graph.objectCount());
        assertTrue(after - before < 64L << 20, "no allocation for 26 M nodes: the live heap grew by " + (after - before));
    }

    @Test
    void extraColumnsKeysUnlistedTypesAndLargeIdsAreTolerated() throws Exception {
        V8SnapshotBuilder builder = new V8SnapshotBuilder()
                .nodeFields("id", "edge_count", "name", "trace_node_id", "type", "self_size", "detachedness", "extra")
                .headerKey("title", "\"alinode\"").headerKey("uid", "7");
        int root = builder.node("synthetic", "(root)", 0);
        int odd = builder.rawNode(99, builder.string("Mystery"), 24, 3_970_210_020L);
        int global = builder.node("object", "global", 16);
        builder.edge(root, "shortcut", "global", global).edge(global, "property", "odd", odd);
        builder.topLevelKey("samples", "[1,2,3,4]").topLevelKey("trace_tree", "[{\"a\":[[],{}]}]");
        HeapGraph graph = read(builder.write(dir.resolve("variant.heaptimeline")));
        assertEquals(3, graph.objectCount());
        assertEquals(3_970_210_020L, graph.idOf(odd));
        assertEquals(dev.heapdelta.analyzer.graph.ObjectKind.V8_UNKNOWN, graph.kindOf(odd));
        assertEquals("(undefined)", graph.classNameOf(odd));
        assertEquals(40, graph.info().statistics().get("total"));
    }

    @Test
    void gzippedSnapshotsAreStreamed() throws Exception {
        HeapGraph graph = read(V8SnapshotBuilder.smallHeap().writeGzipped(dir.resolve("small.bin")));
        assertEquals(9, graph.objectCount());
    }

    @Test
    void aTruncatedGzipStreamIsATruncationNotACrash() throws Exception {
        Path gz = V8SnapshotBuilder.smallHeap().writeGzipped(dir.resolve("whole.gz"));
        byte[] bytes = Files.readAllBytes(gz);
        Path cut = Files.write(dir.resolve("cut.gz"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThrows(DumpFormatException.class, () -> read(cut));
    }

    /** Every prefix and many single-byte corruptions of a small snapshot read as a graph or a typed error. */
    @Test
    void everyPrefixAndRandomCorruptionIsAGraphOrATypedError() throws Exception {
        byte[] json = V8SnapshotBuilder.smallHeap().toJson().getBytes(StandardCharsets.UTF_8);
        Path file = dir.resolve("fuzz.heapsnapshot");
        for (int length = 0; length <= json.length; length++) {
            Files.write(file, java.util.Arrays.copyOf(json, length));
            readTotally(file);
        }
        Random random = new Random(42);
        byte[] alphabet = "0123456789,[]{}\":-.ex \\".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 3000; i++) {
            byte[] mutated = json.clone();
            int changes = 1 + random.nextInt(3);
            for (int c = 0; c < changes; c++) {
                mutated[random.nextInt(mutated.length)] = alphabet[random.nextInt(alphabet.length)];
            }
            Files.write(file, mutated);
            readTotally(file);
        }
    }

    private void readTotally(Path file) throws IOException {
        try {
            HeapGraph graph = read(file);
            dev.heapdelta.analyzer.dominators.DominatorTree.computeDefault(graph);
        } catch (DumpFormatException expected) {
            assertFalse(expected.getMessage().contains("\n"));
        }
    }
}
