package dev.heapdelta.analyzer.graph;

import static dev.heapdelta.analyzer.testing.SameGraph.assertSameGraph;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.query.ShortestPaths;
import dev.heapdelta.analyzer.store.ColumnStore;
import dev.heapdelta.analyzer.testing.EdgeLists;
import dev.heapdelta.analyzer.testing.PlainDetails;
import dev.heapdelta.analyzer.testing.RandomGraphs;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Graphs whose columns and adopted edges are mapped give the same answers as from heap columns. */
class MappedBuilderTest {
    @TempDir
    Path columns;

    @Test
    void runsInShuffledOrderWithUnsortedIdsGiveTheSameGraphMappedAsOnTheHeap() {
        for (long seed = 1; seed <= 3; seed++) {
            HeapGraph onHeap = build(seed, 30_000, ColumnStore.onHeap());
            HeapGraph mapped = build(seed, 30_000, ColumnStore.mappedIn(columns));
            assertTrue(mapped.store().isMapped());
            assertSameGraph(onHeap, mapped);
        }
    }

    @Test
    void runsInObjectOrderGiveTheSameGraphMappedAsOnTheHeap() {
        HeapGraph onHeap = buildAscendingRuns(ColumnStore.onHeap());
        HeapGraph mapped = buildAscendingRuns(ColumnStore.mappedIn(columns));
        assertSameGraph(onHeap, mapped);
        assertEquals(3, mapped.edgeTarget(mapped.firstEdge(2)));
    }

    @Test
    void unsortedIdsAreFoundThroughTheRadixOrder() {
        HeapGraph graph = build(9, 5_000, ColumnStore.mappedIn(columns));
        for (int o = 0; o < graph.objectCount(); o++) {
            assertEquals(o, graph.findObjectById(graph.idOf(o)));
        }
        assertEquals(-1, graph.findObjectById(12345L));
    }

    @Test
    void aGraphWhoseEdgesAreNeverAdoptedHasNone() {
        HeapGraphBuilder builder = new HeapGraphBuilder(HeapFormat.HPROF, 3, false, false, true,
                ColumnStore.mappedIn(columns));
        builder.addClass(new HeapClass("A", "A", -1, -1, 16));
        HeapGraph graph = builder.build(PlainDetails::new, RandomGraphs.info(HeapFormat.HPROF));
        assertEquals(0, graph.edgeCount());
        for (int o = 0; o < 3; o++) {
            assertEquals(graph.firstEdge(o), graph.endEdge(o));
        }
    }

    /**
     * The default paths' two columns come from the scratch view: on the heap while its budget lasts, mapped
     * otherwise, the same parent edges either way; releasing them gives the budget back, once.
     */
    @Test
    void pathsOnTheScratchHeapOrMappedGiveTheHeapGraphsParentsAndGiveTheirBudgetBack() {
        HeapGraph onHeap = build(4, 20_000, ColumnStore.onHeap());
        ShortestPaths expected = ShortestPaths.of(onHeap);
        for (long budget : new long[] {0, 4L * 20_000, 1L << 20}) {
            ColumnStore store = ColumnStore.mappedIn(columns, budget);
            HeapGraph mapped = build(4, 20_000, store);
            long mappedBefore = store.mappedBytes();
            ShortestPaths paths = ShortestPaths.of(mapped);
            for (int o = 0; o < onHeap.objectCount(); o++) {
                assertEquals(expected.parentEdgeOf(o), paths.parentEdgeOf(o), "budget " + budget + ", object " + o);
            }
            long columnsOnHeap = Math.min(2, budget / (4L * 20_000));
            assertEquals((2 - columnsOnHeap) * 4L * 20_000, store.mappedBytes() - mappedBefore, "budget " + budget);
            paths.release();
            paths.release();
            assertEquals(budget, store.scratchHeapBytesLeft(), "budget " + budget + " after the release");
        }
    }

    @Test
    void edgesAreAdoptedOnlyOnce() {
        HeapGraphBuilder builder = new HeapGraphBuilder(HeapFormat.V8, 1, false, false, false);
        builder.adoptEdges(new int[2], new int[0], new byte[0], null);
        assertThrows(IllegalStateException.class,
                () -> builder.adoptEdges(new int[2], new int[0], new byte[0], null));
        HeapGraphBuilder other = new HeapGraphBuilder(HeapFormat.V8, 1, false, false, false);
        assertThrows(IllegalArgumentException.class,
                () -> other.adoptEdges(new int[] {0, 2}, new int[1], new byte[1], null));
    }

    /** Ids unsorted and of both signs; several runs per source, in shuffled source order; labels kept. */
    private static HeapGraph build(long seed, int n, ColumnStore store) {
        Random random = new Random(seed);
        HeapGraphBuilder builder = new HeapGraphBuilder(HeapFormat.V8, n, true, true, true, store);
        EdgeLists edges = new EdgeLists();
        builder.addClass(new HeapClass("A", "A", -1, -1, 16));
        builder.addClass(new HeapClass("B", "B", 0, -1, 24));
        for (int o = 0; o < n; o++) {
            long id = (random.nextLong() & ~0xffffL) | (o & 0xffff) | ((long) (o >>> 16) << 16);
            builder.setObject(o, id, o % 2, o == 7 ? 3L << 31 : 8 + o % 100, ObjectKind.values()[o % 3]);
            builder.setRecordOffset(o, o % 5 == 0 ? -1 : 1_000L * o);
        }
        for (int run = 0; run < n * 2; run++) {
            int source = random.nextInt(n);
            int degree = random.nextInt(4);
            for (int k = 0; k < degree; k++) {
                edges.add(source, random.nextInt(n), EdgeKind.values()[random.nextInt(EdgeKind.values().length)],
                        random.nextInt());
            }
        }
        builder.addRoot(0, RootKind.STICKY_CLASS, -1);
        builder.addRoot(5, RootKind.JAVA_FRAME, 0);
        builder.addEntry(0);
        builder.setSyntheticRoot(0);
        edges.adoptInto(builder);
        return builder.build(PlainDetails::new, RandomGraphs.info(HeapFormat.V8));
    }

    private static HeapGraph buildAscendingRuns(ColumnStore store) {
        HeapGraphBuilder builder = new HeapGraphBuilder(HeapFormat.HPROF, 4, 1L << 40, false, false, store);
        EdgeLists edges = new EdgeLists();
        builder.addClass(new HeapClass("A", "A", -1, -1, 16));
        for (int o = 0; o < 4; o++) {
            builder.setObject(o, 100 + o, 0, 16, ObjectKind.INSTANCE);
            builder.setRecordOffset(o, (1L << 35) + o);
        }
        edges.add(0, 1, EdgeKind.FIELD, 0);
        edges.add(2, 3, EdgeKind.FIELD, 0);
        edges.add(2, 0, EdgeKind.CLASS, 0);
        builder.addEntry(0);
        edges.adoptInto(builder);
        return builder.build(PlainDetails::new, RandomGraphs.info(HeapFormat.HPROF));
    }
}
