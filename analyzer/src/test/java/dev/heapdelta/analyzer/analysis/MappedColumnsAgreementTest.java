package dev.heapdelta.analyzer.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.dominators.DominatorTree;
import dev.heapdelta.analyzer.dominators.RetentionRule;
import dev.heapdelta.analyzer.graph.EdgeKind;
import dev.heapdelta.analyzer.graph.HeapClass;
import dev.heapdelta.analyzer.graph.HeapFormat;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.graph.HeapGraphBuilder;
import dev.heapdelta.analyzer.graph.ObjectKind;
import dev.heapdelta.analyzer.graph.RootKind;
import dev.heapdelta.analyzer.query.ClassHistogram;
import dev.heapdelta.analyzer.query.ShortestPaths;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.ProgressListener;
import dev.heapdelta.analyzer.store.ColumnStore;
import dev.heapdelta.analyzer.store.StoragePolicy;
import dev.heapdelta.analyzer.testing.EdgeLists;
import dev.heapdelta.analyzer.testing.PlainDetails;
import dev.heapdelta.analyzer.testing.RandomGraphs;
import dev.heapdelta.analyzer.testing.SameTrees;
import dev.heapdelta.analyzer.testing.TestEnvironment;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The analyses after the graph give the same answers whether their columns are on the heap or in
 * mapped files: dominator tree, class histogram and shortest paths of the committed sample dumps.
 */
class MappedColumnsAgreementTest {
    @TempDir
    Path directory;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"java/leaks-t2.hprof.gz", "node/leaks-t2.heapsnapshot.gz"})
    void treeHistogramAndPathsAreTheSameInMappedColumns(String sample) throws Exception {
        Path file = TestEnvironment.repositoryRoot().resolve("sample-dumps").resolve(sample);
        AnalysisOptions options = AnalysisOptions.defaults().withStorage(StoragePolicy.HEAP);
        try (Snapshot snapshot = SnapshotLoader.load(file, sample, options, CancelSignal.NEVER, ProgressListener.NONE)) {
            HeapGraph graph = snapshot.graph();
            DominatorTree onHeap = snapshot.dominatorTree();
            assertFalse(onHeap.store().isMapped(), "the reference run is on the heap");
            ColumnStore mapped = ColumnStore.mappedIn(directory);

            DominatorTree inFiles = DominatorTree.compute(graph, SnapshotLoader.ruleFor(graph, options),
                    SnapshotLoader.attachPointFor(graph, options), CancelSignal.NEVER, ProgressListener.NONE, mapped);
            assertTrue(inFiles.store().isMapped());
            assertTrue(inFiles.reachableCount() > 1000, "a sample with substance: " + inFiles.reachableCount());
            SameTrees.assertSame(onHeap, inFiles, sample);

            ClassHistogram expected = snapshot.histogram();
            ClassHistogram actual = ClassHistogram.of(inFiles);
            for (int c = 0; c < graph.classCount(); c++) {
                assertEquals(expected.count(c), actual.count(c), sample + " count of class " + c);
                assertEquals(expected.shallowBytes(c), actual.shallowBytes(c), sample + " shallow of class " + c);
                assertEquals(expected.retainedBytes(c), actual.retainedBytes(c), sample + " retained of class " + c);
            }
            assertArrayEquals(expected.classesByRetainedSize(), actual.classesByRetainedSize());

            ShortestPaths pathsOnHeap = ShortestPaths.of(graph, ColumnStore.onHeap());
            ShortestPaths pathsInFiles = ShortestPaths.of(graph, mapped);
            for (int o = 0; o < graph.objectCount(); o++) {
                assertEquals(pathsOnHeap.parentEdgeOf(o), pathsInFiles.parentEdgeOf(o), sample + " path to " + o);
            }
            int root = snapshot.dominatorRoot();
            assertArrayEquals(onHeap.childrenByRetainedSize(root, 20), inFiles.childrenByRetainedSize(root, 20));
            assertTrue(mapped.mappedBytes() >= 24L * graph.objectCount(), "columns went to files: " + mapped.mappedBytes());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"java/leaks-t2.hprof.gz", "node/leaks-t2.heapsnapshot.gz"})
    void aDumpReadOutOfCoreGivesTheSameAnalysisAsInMemory(String sample) throws Exception {
        Path file = TestEnvironment.repositoryRoot().resolve("sample-dumps").resolve(sample);
        AnalysisOptions heap = AnalysisOptions.defaults().withCacheDirectory(directory).withStorage(StoragePolicy.HEAP);
        AnalysisOptions mapped = heap.withStorage(StoragePolicy.MAPPED);
        try (Snapshot expected = SnapshotLoader.load(file, sample, heap, CancelSignal.NEVER, ProgressListener.NONE);
                Snapshot actual = SnapshotLoader.load(file, sample, mapped, CancelSignal.NEVER, ProgressListener.NONE)) {
            // The analyses follow the graph's store; the HPROF reader honours MAPPED.
            assertEquals(actual.graph().store().isMapped(), actual.dominatorTree().store().isMapped());
            if (sample.endsWith(".hprof.gz")) {
                assertTrue(actual.dominatorTree().store().isMapped(), "an HPROF read with MAPPED is out of core");
            }
            SameTrees.assertSame(expected.dominatorTree(), actual.dominatorTree(), sample);
            for (int c = 0; c < expected.graph().classCount(); c++) {
                assertEquals(expected.histogram().retainedBytes(c), actual.histogram().retainedBytes(c), sample);
                assertEquals(expected.histogram().count(c), actual.histogram().count(c), sample);
            }
            assertArrayEquals(expected.topDominators(25), actual.topDominators(25));
            assertArrayEquals(expected.biggestObjects(25), actual.biggestObjects(25));
            for (int o : actual.biggestObjects(25)) {
                assertEquals(expected.pathKeyOf(o), actual.pathKeyOf(o), sample + " path key of " + o);
            }
            assertEquals(expected.totalShallowBytes(), actual.totalShallowBytes());
        }
    }

    @Test
    void aChainDeeperThanTheHeapStackLimitWalksTheSameInMappedColumns() {
        int n = 300_000;
        HeapGraphBuilder builder = new HeapGraphBuilder(HeapFormat.HPROF, n, false, false, false);
        EdgeLists edges = new EdgeLists();
        builder.addClass(new HeapClass("Node", "Node", -1, -1, 24));
        builder.addClass(new HeapClass("Leaf", "Leaf", -1, -1, 16));
        for (int o = 0; o < n; o++) {
            builder.setObject(o, 16L * (o + 1), o % 7 == 0 ? 1 : 0, o % 7 == 0 ? 16 : 24, ObjectKind.INSTANCE);
            if (o + 1 < n) {
                edges.add(o, o + 1, EdgeKind.FIELD, -1);
            }
        }
        builder.addRoot(0, RootKind.STICKY_CLASS, -1);
        builder.addEntry(0);
        edges.adoptInto(builder);
        HeapGraph graph = builder.build(PlainDetails::new, RandomGraphs.info(HeapFormat.HPROF));
        DominatorTree onHeap = DominatorTree.compute(graph, RetentionRule.matDefault(), -1, CancelSignal.NEVER,
                ProgressListener.NONE, ColumnStore.onHeap());
        ColumnStore mapped = ColumnStore.mappedIn(directory);
        DominatorTree inFiles = DominatorTree.compute(graph, RetentionRule.matDefault(), -1, CancelSignal.NEVER,
                ProgressListener.NONE, mapped);
        long treeBytes = mapped.mappedBytes();

        ClassHistogram expected = ClassHistogram.of(onHeap);
        ClassHistogram actual = ClassHistogram.of(inFiles);

        assertTrue(mapped.mappedBytes() > treeBytes, "the walk's stack moved to mapped columns");
        for (int c = 0; c < 2; c++) {
            assertEquals(expected.count(c), actual.count(c));
            assertEquals(expected.shallowBytes(c), actual.shallowBytes(c));
            assertEquals(expected.retainedBytes(c), actual.retainedBytes(c));
        }
        // Only the outermost instance of each class counts its retained size.
        assertEquals(onHeap.retainedSizeOf(0), actual.retainedBytes(1));
        assertEquals(onHeap.retainedSizeOf(1), actual.retainedBytes(0));
    }
}
