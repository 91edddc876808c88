package dev.heapdelta.analyzer.v8;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.dominators.DominatorTree;
import dev.heapdelta.analyzer.graph.DumpInfo;
import dev.heapdelta.analyzer.graph.HeapClass;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.query.ClassHistogram;
import dev.heapdelta.analyzer.robustness.TruncatedCopies;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.DumpFormatException;
import dev.heapdelta.analyzer.source.ProgressListener;
import dev.heapdelta.analyzer.source.ReadOptions;
import dev.heapdelta.analyzer.testing.SnapshotLayout;
import dev.heapdelta.analyzer.testing.TestEnvironment;
import dev.heapdelta.analyzer.testing.V8SnapshotBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Snapshots cut at every kind of place (inside the nodes, between the nodes and the edges, inside the
 * edges, inside the trailing sections and the strings) read as partial graphs of exactly what the
 * prefix holds. The expectations come from {@link SnapshotLayout}, which lays the untruncated bytes
 * out with Jackson, never from the reader under test.
 */
class TruncatedSnapshotTest {
    private static final String SAMPLE = "sample-dumps/node/leaks-t0.heapsnapshot.gz";

    @TempDir
    static Path dir;

    private static byte[] sample;
    private static SnapshotLayout layout;

    @BeforeAll
    static void layOutTheSample() throws IOException {
        sample = Files.readAllBytes(TruncatedCopies.inflated(TruncatedCopies.sampleDump(SAMPLE), dir));
        layout = SnapshotLayout.of(sample);
        assertEquals(layout.declared("node_count"), layout.nodeCount(), "the sample is whole");
    }

    @Test
    void aCutInsideTheNodesKeepsEveryCompleteNodeAndNoEdges() throws IOException {
        SnapshotLayout.Section nodes = layout.section("nodes");
        long middle = (nodes.valueStart() + nodes.valueEnd()) / 2;
        long[] cuts = {
            layout.firstCompleteNodeEnd(),
            layout.firstCompleteNodeEnd() + 1,
            middle,
            layout.endOfCompleteNodes(middle),
            layout.endOfCompleteNodes(middle) + 3,
            nodes.valueEnd() - 2,
            nodes.valueEnd() - 1,
        };
        for (long cut : cuts) {
            HeapGraph graph = readCut(sample, layout, cut);
            int kept = layout.completeNodesBefore(cut);
            assertTrue(kept >= 1 && kept < layout.nodeCount(), "cut " + cut + " is inside the nodes");
            assertEquals(0, graph.edgeCount(), "no edge was read");
            assertTrue(graph.info().warnings().stream().anyMatch(line -> line.contains("inside \"nodes\": read " + String.format(
                    java.util.Locale.ROOT, "%,d of %,d nodes", kept, layout.nodeCount()))),
                    graph.info().warnings().toString());
        }
    }

    @Test
    void aCutBetweenTheNodesAndTheEdgesKeepsEveryNodeAndNoEdges() throws IOException {
        SnapshotLayout.Section edges = layout.section("edges");
        for (long cut : new long[] {layout.section("nodes").valueEnd(), edges.keyStart() + 3, edges.valueStart() + 1}) {
            HeapGraph graph = readCut(sample, layout, cut);
            assertEquals(layout.nodeCount(), graph.objectCount());
            assertEquals(0, graph.edgeCount());
        }
    }

    @Test
    void aCutInsideTheEdgesKeepsWholeRunsAndTheReadPartOfTheCutRun() throws IOException {
        SnapshotLayout.Section edges = layout.section("edges");
        long middle = (edges.valueStart() + edges.valueEnd()) / 2;
        for (long cut : new long[] {edges.valueStart() + 9, middle, layout.endOfCompleteEdges(middle),
                edges.valueEnd() - 1}) {
            HeapGraph graph = readCut(sample, layout, cut);
            int read = layout.completeEdgesBefore(cut);
            assertTrue(read < layout.edgeCount(), "cut " + cut + " is inside the edges");
            long start = 0;
            int partlyKept = 0;
            for (int node = 0; node < layout.nodeCount(); node++) {
                long end = start + layout.nodeField(node, "edge_count");
                long kept = Math.max(0, Math.min(end, read) - Math.min(start, read));
                assertEquals(kept, graph.endEdge(node) - graph.firstEdge(node), "edges of node " + node);
                for (int e = 0; e < kept; e++) {
                    assertEquals(layout.edgeField((int) (start + e), "to_node") / layout.nodeFieldCount(),
                            graph.edgeTarget(graph.firstEdge(node) + e), "edge " + e + " of node " + node);
                }
                partlyKept += kept > 0 && kept < end - start ? 1 : 0;
                start = end;
            }
            assertTrue(partlyKept <= 1, "only the run the cut goes through is partly kept");
        }
    }

    @Test
    void aCutInTheSectionsAfterTheEdgesKeepsTheWholeGraph() throws IOException {
        for (String name : new String[] {"trace_function_infos", "trace_tree", "samples", "locations"}) {
            SnapshotLayout.Section section = layout.section(name);
            long middle = (section.valueStart() + section.valueEnd()) / 2;
            for (long cut : new long[] {section.keyStart() + 2, section.valueStart() + 1, middle}) {
                HeapGraph graph = readCut(sample, layout, cut);
                assertEquals(layout.nodeCount(), graph.objectCount(), name + " cut at " + cut);
                assertEquals(layout.edgeCount(), graph.edgeCount(), name + " cut at " + cut);
            }
        }
    }

    @Test
    void aCutInsideTheStringsNamesWhatWasReadAndMarksTheRestLost() throws IOException {
        SnapshotLayout.Section strings = layout.section("strings");
        long middle = (strings.valueStart() + strings.valueEnd()) / 2;
        for (long cut : new long[] {strings.valueStart() + 1, strings.valueStart() + 40, middle, strings.valueEnd() - 1,
                strings.valueEnd(), sample.length - 1}) {
            HeapGraph graph = readCut(sample, layout, cut);
            assertEquals(layout.nodeCount(), graph.objectCount());
            assertEquals(layout.edgeCount(), graph.edgeCount());
        }
    }

    @Test
    void aCutInsideTheFirstNodeIsATypedError() throws IOException {
        long firstNodeEnd = layout.firstCompleteNodeEnd();
        for (long cut : new long[] {layout.section("nodes").valueStart() + 1, firstNodeEnd - 2, firstNodeEnd - 1}) {
            Path file = TruncatedCopies.prefix(TruncatedCopies.inflated(TruncatedCopies.sampleDump(SAMPLE), dir), cut,
                    dir.resolve("first-node-" + cut + ".heapsnapshot"));
            DumpFormatException error = assertThrows(DumpFormatException.class, () -> read(file));
            assertTrue(error.getMessage().contains("nothing to analyse"), error.getMessage());
            assertEquals(cut, error.offset(), error.getMessage());
        }
    }

    @Test
    void aCutGzipFileCountsItsOffsetInTheInflatedText() throws IOException {
        Path gzip = TruncatedCopies.sampleDump(SAMPLE);
        long cut = Files.size(gzip) * 3 / 5;
        Path file = TruncatedCopies.prefix(gzip, cut, dir.resolve("cut.heapsnapshot.gz"));
        HeapGraph graph = read(file);
        assertTrue(graph.info().partial());
        java.util.regex.Matcher warning = java.util.regex.Pattern.compile("^truncated at byte (\\d+) of the inflated text inside",
                java.util.regex.Pattern.MULTILINE)
                .matcher(String.join("\n", graph.info().warnings()));
        assertTrue(warning.find(), graph.info().warnings().toString());
        long textEnd = Long.parseLong(warning.group(1));
        assertTrue(textEnd > cut && textEnd < sample.length, "inflated bytes: " + textEnd);
        assertEquals(layout.completeNodesBefore(textEnd), graph.objectCount(), "the nodes of the inflated prefix");
    }

    /** A built snapshot, cut after every byte: each prefix past the first node is a partial graph of what it holds. */
    @Test
    void everyPrefixOfABuiltSnapshotPastItsFirstNodeIsPartial() throws IOException {
        byte[] whole = V8SnapshotBuilder.smallHeap().toJson().getBytes(StandardCharsets.UTF_8);
        SnapshotLayout built = SnapshotLayout.of(whole);
        assertEquals(9, built.nodeCount());
        for (long cut = built.firstCompleteNodeEnd(); cut < whole.length - 1; cut++) {
            readCut(whole, built, cut);
        }
        for (long cut = 0; cut < built.firstCompleteNodeEnd(); cut++) {
            Path file = Files.write(dir.resolve("built-" + cut + ".heapsnapshot"), Arrays.copyOf(whole, (int) cut));
            assertThrows(DumpFormatException.class, () -> read(file), "cut at " + cut);
        }
    }

    /** A zoo snapshot written by d8, cut inside each section (skipped without the shared reference, outside CI). */
    @Test
    void aD8SnapshotCutAnywhereIsPartial() throws IOException {
        byte[] whole = Files.readAllBytes(TestEnvironment.sharedReference("zoo/d8_heap-1.heapsnapshot"));
        SnapshotLayout d8 = SnapshotLayout.of(whole);
        for (String name : new String[] {"nodes", "edges", "strings"}) {
            SnapshotLayout.Section section = d8.section(name);
            readCut(whole, d8, (section.valueStart() + section.valueEnd()) / 2);
        }
    }

    /**
     * Reads {@code whole} cut at {@code cut} and checks it against the layout: partial, the nodes and
     * edges the prefix holds completely, names read or marked lost, the lost counts, the warning, and
     * retained sizes that add up. Returns the graph for more checks.
     */
    private static HeapGraph readCut(byte[] whole, SnapshotLayout layout, long cut) throws IOException {
        Path file = Files.write(dir.resolve("cut-" + cut + ".heapsnapshot"), Arrays.copyOf(whole, (int) cut));
        HeapGraph graph = read(file);
        DumpInfo info = graph.info();
        String where = "cut at " + cut + ": " + info.warnings();
        assertTrue(info.partial(), where);
        assertTrue(info.warnings().stream().anyMatch(line -> line.startsWith("truncated at byte " + cut + " ")), where);

        boolean nodesCut = cut < layout.section("nodes").valueEnd();
        boolean edgesStarted = cut > layout.section("edges").valueStart();
        boolean edgesCut = cut < layout.section("edges").valueEnd();
        int nodes = nodesCut ? layout.completeNodesBefore(cut) : layout.nodeCount();
        int edges = !edgesStarted ? 0 : edgesCut ? layout.completeEdgesBefore(cut) : layout.edgeCount();
        assertEquals(nodes, graph.objectCount(), where);
        assertEquals(edges, graph.edgeCount(), where);

        long nodesInFile = Math.max(layout.declared("node_count"), nodes + (layout.nodeStartedBefore(cut) ? 1 : 0));
        long edgesInFile = nodesCut ? Math.max(layout.declared("edge_count"), layout.edgeCountOfFirstNodes(nodes))
                : layout.edgeCountOfFirstNodes(nodes);
        SnapshotLayout.Section strings = layout.section("strings");
        int stringsRead = cut <= strings.valueStart() ? 0 : layout.stringsBefore(cut);
        boolean stringsWhole = cut >= strings.valueEnd();
        long stringsLost = stringsWhole ? 0 : Math.max(0, layout.highestNameIndex(nodes, edges) + 1 - stringsRead);
        assertEquals(nodesInFile - nodes + edgesInFile - edges + stringsLost, info.lostRecords(), where);
        long floorOfMissing = 2 * ((nodesInFile - nodes - (nodesCut && layout.nodeStartedBefore(cut) ? 1 : 0))
                * layout.nodeFieldCount() + (edgesInFile - edges - (edgesStarted && edgesCut
                        && layout.edgeStartedBefore(cut) ? 1 : 0)) * layout.edgeFieldCount());
        if (nodesCut) {
            assertEquals(cut - layout.endOfCompleteNodes(cut) + floorOfMissing, info.lostBytes(), where);
        } else if (edgesStarted && edgesCut) {
            assertEquals(cut - layout.endOfCompleteEdges(cut) + floorOfMissing, info.lostBytes(), where);
        } else {
            assertTrue(info.lostBytes() >= floorOfMissing, where);
        }
        assertTrue(floorOfMissing <= whole.length - cut, "never more than the bytes really missing: " + where);

        V8ObjectDetails details = (V8ObjectDetails) graph.details();
        for (int node = 0; node < nodes; node++) {
            if (layout.nodeType(node).equals("native")) {
                continue; // DOM state propagation may rename these
            }
            int name = (int) layout.nodeField(node, "name");
            String expected = name < stringsRead || stringsWhole ? layout.string(name) : "<string " + name + " lost>";
            assertEquals(expected, details.nodeName(node), "name of node " + node + ", " + where);
            if (layout.nodeType(node).equals("object") && name >= stringsRead && !stringsWhole
                    && details.locationOf(node) == null) {
                assertEquals(HeapClass.NAME_LOST, graph.classNameOf(node), "lost constructor names share a class, " + where);
            }
        }

        long selfSizes = Math.max(0, layout.declared("extra_native_bytes"));
        for (int node = 0; node < nodes; node++) {
            selfSizes += layout.nodeField(node, "self_size");
        }
        long shallow = 0;
        for (int object = 0; object < graph.objectCount(); object++) {
            shallow += graph.shallowSizeOf(object);
        }
        assertEquals(selfSizes, shallow, "sizes only move between kept nodes: " + where);
        DominatorTree tree = DominatorTree.computeDefault(graph);
        long reached = 0;
        for (int object = 0; object < graph.objectCount(); object++) {
            reached += tree.isReachable(object) ? graph.shallowSizeOf(object) : 0;
        }
        assertEquals(reached, tree.retainedSizeOf(graph.syntheticRoot()), "the root retains what is reached: " + where);
        assertEquals(shallow, reached, "unreached nodes hang from the synthetic root: " + where);
        ClassHistogram histogram = ClassHistogram.of(tree);
        long counted = 0;
        long countedBytes = 0;
        for (int c = 0; c < histogram.classCount(); c++) {
            counted += histogram.count(c);
            countedBytes += histogram.shallowBytes(c);
        }
        long instances = 0;
        for (int object = 0; object < graph.objectCount(); object++) {
            // As in DevTools' Summary: the synthetic root and zero-size nodes are no class's instances.
            instances += object != graph.syntheticRoot() && graph.shallowSizeOf(object) != 0 ? 1 : 0;
        }
        assertEquals(instances, counted, "every kept node is in a class: " + where);
        assertEquals(shallow - graph.shallowSizeOf(graph.syntheticRoot()), countedBytes, where);
        assertFalse(info.warnings().isEmpty(), where);
        return graph;
    }

    private static HeapGraph read(Path file) throws IOException {
        return V8SnapshotReader.read(file, ReadOptions.of(file), CancelSignal.NEVER, ProgressListener.NONE);
    }
}
