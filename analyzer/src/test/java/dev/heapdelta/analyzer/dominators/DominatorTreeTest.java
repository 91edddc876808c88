package dev.heapdelta.analyzer.dominators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.graph.EdgeKind;
import dev.heapdelta.analyzer.graph.HeapClass;
import dev.heapdelta.analyzer.graph.HeapFormat;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.graph.HeapGraphBuilder;
import dev.heapdelta.analyzer.graph.ObjectKind;
import dev.heapdelta.analyzer.graph.RootKind;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.ProgressListener;
import dev.heapdelta.analyzer.store.ColumnStore;
import dev.heapdelta.analyzer.store.ImageInput;
import dev.heapdelta.analyzer.store.ImageOutput;
import dev.heapdelta.analyzer.testing.EdgeLists;
import dev.heapdelta.analyzer.testing.PlainDetails;
import dev.heapdelta.analyzer.testing.RandomGraphs;
import dev.heapdelta.analyzer.testing.SameTrees;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DominatorTreeTest {

    @Test
    void lengauerTarjanAgreesWithBruteForceOnThousandsOfRandomGraphs() {
        for (long seed = 0; seed < 3000; seed++) {
            int n = 2 + (int) (seed % 40);
            double density = 0.5 + (seed % 7) * 0.4;
            HeapGraph graph = RandomGraphs.random(seed, n, 1 + (int) (seed % 5), density, 1 + (int) (seed % 3));
            RetentionRule rule = seed % 2 == 0 ? RetentionRule.matDefault() : RetentionRule.ignoringReferents();
            boolean attach = seed % 3 == 0;
            assertAgreesWithBruteForce(graph, rule, attach, "seed " + seed);
        }
    }

    @Test
    void deepSearchesWithBackEdgesSelfLoopsAndUnreachableCyclesAgreeWithBruteForce(@TempDir Path directory) {
        ColumnStore mapped = ColumnStore.mappedIn(directory, 0);
        for (long seed = 0; seed < 60; seed++) {
            HeapGraph graph = chainWithBackEdges(seed);
            RetentionRule rule = seed % 2 == 0 ? RetentionRule.matDefault() : RetentionRule.ignoringReferents();
            boolean attach = seed % 3 != 0;
            assertAgreesWithBruteForce(graph, rule, attach, "seed " + seed);
            if (seed % 4 == 1) {
                // Out of core, the vertex columns and the late-predecessor pool lie in mapped files.
                DominatorTree inFiles = DominatorTree.compute(graph, rule, attach ? graph.objectCount() : -1,
                        CancelSignal.NEVER, ProgressListener.NONE, mapped);
                assertAgreesWithBruteForce(graph, rule, attach, inFiles, "mapped, seed " + seed);
            }
        }
    }

    /**
     * A few hundred objects: chains from several entries, deeper than the search stacks' first
     * capacity, with back and cross edges to earlier objects (the ones the search keeps), forward
     * edges, duplicate edges, self-loops, and a tail that no entry reaches: orphans, and cycles.
     */
    private static HeapGraph chainWithBackEdges(long seed) {
        return chainWithBackEdges(seed, false);
    }

    /** As above; with {@code hugeArrays}, one object in twenty is an array of 1 to 3 GiB. */
    private static HeapGraph chainWithBackEdges(long seed, boolean hugeArrays) {
        java.util.Random random = new java.util.Random(seed);
        int n = 300 + random.nextInt(300);
        int reachedPart = n - 20 - random.nextInt(40);
        HeapGraphBuilder builder = new HeapGraphBuilder(HeapFormat.HPROF, n, false, false, true);
        EdgeLists edges = new EdgeLists();
        builder.addClass(new HeapClass("Node", "Node", -1, -1, 24));
        for (int o = 0; o < n; o++) {
            if (hugeArrays && random.nextInt(20) == 0) {
                long size = (1L << 30) + 8L * random.nextInt(1 << 28);
                builder.setObject(o, 16L * (o + 1), 0, size, ObjectKind.PRIMITIVE_ARRAY);
            } else {
                builder.setObject(o, 16L * (o + 1), 0, 8 + 8 * random.nextInt(10), ObjectKind.INSTANCE);
            }
        }
        int label = 0;
        for (int o = 0; o + 1 < n; o++) {
            if (o + 1 != reachedPart) {
                edges.add(o, o + 1, random.nextInt(8) == 0 ? EdgeKind.REFERENT : EdgeKind.FIELD, label++);
            }
            int extra = random.nextInt(4);
            for (int k = 0; k < extra; k++) {
                int target = switch (random.nextInt(5)) {
                    case 0 -> o;
                    case 1 -> Math.min(n - 1, o + 1 + random.nextInt(30));
                    default -> random.nextInt(o + 1);
                };
                boolean unreachedTail = o >= reachedPart;
                if (!unreachedTail && target >= reachedPart) {
                    target = random.nextInt(reachedPart);
                }
                if (unreachedTail && random.nextBoolean()) {
                    target = reachedPart + random.nextInt(n - reachedPart);
                }
                edges.add(o, target, random.nextInt(8) == 0 ? EdgeKind.REFERENT : EdgeKind.FIELD, label++);
                if (random.nextInt(10) == 0) {
                    edges.add(o, target, EdgeKind.FIELD, label++);
                }
            }
        }
        int entries = 1 + random.nextInt(4);
        for (int i = 0; i < entries; i++) {
            int root = i == 0 ? 0 : random.nextInt(reachedPart);
            builder.addRoot(root, RootKind.STICKY_CLASS, -1);
            builder.addEntry(root);
        }
        edges.adoptInto(builder);
        return builder.build(PlainDetails::new, RandomGraphs.info(HeapFormat.HPROF));
    }

    @Test
    void mappedColumnsGiveTheSameTreesAsTheHeapAndTheBruteForce(@TempDir Path directory) {
        ColumnStore mapped = ColumnStore.mappedIn(directory, 0);
        // Every combination of size, density, rule and attach point of the heap test recurs within 840 seeds.
        for (long seed = 0; seed < 1000; seed++) {
            int n = 2 + (int) (seed % 40);
            double density = 0.5 + (seed % 7) * 0.4;
            HeapGraph graph = RandomGraphs.random(seed, n, 1 + (int) (seed % 5), density, 1 + (int) (seed % 3));
            RetentionRule rule = seed % 2 == 0 ? RetentionRule.matDefault() : RetentionRule.ignoringReferents();
            int attach = seed % 3 == 0 ? graph.objectCount() : -1;
            DominatorTree onHeap = DominatorTree.compute(graph, rule, attach, CancelSignal.NEVER,
                    ProgressListener.NONE, ColumnStore.onHeap());
            DominatorTree inFiles = DominatorTree.compute(graph, rule, attach, CancelSignal.NEVER,
                    ProgressListener.NONE, mapped);
            assertTrue(inFiles.store().isMapped());
            assertAgreesWithBruteForce(graph, rule, attach >= 0, inFiles, "seed " + seed);
            SameTrees.assertSame(onHeap, inFiles, "seed " + seed);
            if (seed % 250 == 249) {
                // Each tree maps a dozen small files; let the collector unmap the dead ones.
                System.gc();
            }
        }
        assertTrue(mapped.mappedBytes() > 0);
    }

    /**
     * Out of core, the search's scratch columns go to the heap while the store's scratch budget lasts, the
     * most randomly read first, and the rest are mapped: every split gives the brute force's tree. Budgets
     * of 0 to 4 n-sized columns, then without limit, where only the kept columns are mapped.
     */
    @Test
    void scratchColumnsOnTheHeapMappedOrSplitGiveTheSameTrees(@TempDir Path directory) {
        for (long seed = 0; seed < 120; seed++) {
            HeapGraph graph = seed % 2 == 0 ? chainWithBackEdges(seed)
                    : RandomGraphs.random(seed, 2 + (int) (seed % 40), 1 + (int) (seed % 5), 1.3, 2);
            RetentionRule rule = seed % 4 < 2 ? RetentionRule.matDefault() : RetentionRule.ignoringReferents();
            int attach = seed % 3 == 0 ? graph.objectCount() : -1;
            DominatorTree onHeap = DominatorTree.compute(graph, rule, attach, CancelSignal.NEVER,
                    ProgressListener.NONE, ColumnStore.onHeap());
            long column = 4L * (graph.objectCount() + 1);
            long previousMapped = Long.MAX_VALUE;
            for (int columnsOnHeap = 0; columnsOnHeap <= 5; columnsOnHeap++) {
                long budget = columnsOnHeap == 5 ? Long.MAX_VALUE / 2 : columnsOnHeap * column;
                ColumnStore store = ColumnStore.mappedIn(directory, budget);
                DominatorTree mixed = DominatorTree.compute(graph, rule, attach, CancelSignal.NEVER,
                        ProgressListener.NONE, store);
                // Before the checks, which map the child lists.
                long mapped = store.mappedBytes();
                String what = "seed " + seed + ", " + columnsOnHeap + " scratch columns on the heap";
                assertAgreesWithBruteForce(graph, rule, attach >= 0, mixed, what);
                SameTrees.assertSame(onHeap, mixed, what);
                // The child lists, built in the scratch view, are kept mapped, their heap given back.
                long childLists = 4L * (graph.objectCount() + 3) + 4L * Math.max(0, mixed.reachableCount());
                assertEquals(mapped + childLists, store.mappedBytes(), what + ": child lists mapped");
                assertEquals(budget, store.scratchHeapBytesLeft(), what + ": every scratch column given back");
                // Each of the first three columns' worth moves one more column of the search, at least, to the
                // heap; the fourth moves the late predecessors only where they fit in it.
                long fewer = columnsOnHeap > 0 && columnsOnHeap < 4 ? column : 0;
                assertTrue(mapped <= previousMapped - fewer, what + ": " + mapped + " bytes mapped");
                previousMapped = mapped;
            }
            // Unlimited: the vertex order, the immediate dominators and the retained sizes (ints), kept, and the
            // search's parents (read in order, left out of the budget) alone are mapped.
            assertEquals(16L * (graph.objectCount() + 1), previousMapped, "seed " + seed + ": kept columns");
            if (seed % 40 == 39) {
                System.gc();
            }
        }
    }

    @Test
    void largestChildrenAreTheSortedChildrensPrefix() {
        for (long seed = 0; seed < 300; seed++) {
            HeapGraph graph = RandomGraphs.random(seed, 5 + (int) (seed % 80), 1 + (int) (seed % 4), 1.0, 3);
            DominatorTree tree = DominatorTree.computeDefault(graph);
            for (int o = 0; o <= graph.objectCount(); o++) {
                int[] all = tree.childrenOf(o);
                long[] keys = new long[all.length];
                for (int i = 0; i < all.length; i++) {
                    keys[i] = -tree.retainedSizeOf(all[i]);
                }
                int[] order = dev.heapdelta.analyzer.graph.PrimitiveSort.indexesByKey(keys, keys.length);
                for (int limit = 0; limit <= all.length + 1; limit++) {
                    int[] largest = tree.childrenByRetainedSize(o, limit);
                    assertEquals(Math.min(limit, all.length), largest.length, "seed " + seed);
                    for (int i = 0; i < largest.length; i++) {
                        assertEquals(all[order[i]], largest[i], "seed " + seed + " object " + o + " rank " + i);
                    }
                }
            }
        }
    }

    @Test
    void largestChildrenWithoutChildListsAreThoseOfTheLists() {
        for (long seed = 0; seed < 200; seed++) {
            HeapGraph graph = RandomGraphs.random(seed, 5 + (int) (seed % 80), 1 + (int) (seed % 4), 1.0, 3);
            // One tree answers before its lists exist and after they are dropped, the other from its lists.
            DominatorTree scanned = DominatorTree.computeDefault(graph);
            DominatorTree listed = DominatorTree.computeDefault(graph);
            for (int round = 0; round < 2; round++) {
                for (int o = 0; o <= graph.objectCount(); o++) {
                    for (int limit = 0; limit <= 4; limit++) {
                        assertArrayEquals(listed.childrenByRetainedSize(o, limit), scanned.largestChildren(o, limit),
                                "seed " + seed + " object " + o + " limit " + limit + " round " + round);
                    }
                }
                scanned.childCount(0);
                scanned.releaseChildLists();
            }
        }
    }

    private static void assertAgreesWithBruteForce(HeapGraph graph, RetentionRule rule, boolean attach,
            String what) {
        DominatorTree fast = DominatorTree.compute(graph, rule, attach ? graph.objectCount() : -1,
                CancelSignal.NEVER, ProgressListener.NONE);
        assertAgreesWithBruteForce(graph, rule, attach, fast, what);
    }

    private static void assertAgreesWithBruteForce(HeapGraph graph, RetentionRule rule, boolean attach,
            DominatorTree fast, String what) {
        BruteForceDominators slow = new BruteForceDominators(graph, rule, attach);
        int n = graph.objectCount();
        int[] fastIdom = new int[n];
        long[] fastRetained = new long[n];
        for (int o = 0; o < n; o++) {
            fastIdom[o] = fast.immediateDominatorOf(o);
            fastRetained[o] = fast.isReachable(o) ? fast.retainedSizeOf(o) : 0;
        }
        assertArrayEquals(slow.immediateDominator, fastIdom, what + ": immediate dominators");
        assertArrayEquals(slow.retainedSize, fastRetained, what + ": retained sizes");
        long reachableShallow = 0;
        for (int o = 0; o < n; o++) {
            if (fast.isReachable(o)) {
                reachableShallow += graph.shallowSizeOf(o);
            }
        }
        assertEquals(reachableShallow, fast.retainedSizeOf(fast.virtualRoot()), what + ": root retains all");
    }

    @Test
    void retainedSizesAboveTwoGibibytesAgreeWithBruteForceAndSurviveTheTreeImage(@TempDir Path directory)
            throws Exception {
        for (long seed = 0; seed < 12; seed++) {
            HeapGraph graph = chainWithBackEdges(seed, true);
            DominatorTree tree = DominatorTree.compute(graph, RetentionRule.matDefault(), -1, CancelSignal.NEVER,
                    ProgressListener.NONE);
            // Sizes that an int column alone would have wrapped: the side table is in use.
            assertTrue(tree.retainedSizeOf(tree.virtualRoot()) > Integer.MAX_VALUE, "seed " + seed);
            assertAgreesWithBruteForce(graph, RetentionRule.matDefault(), false, tree, "seed " + seed);

            Path file = directory.resolve("tree-" + seed);
            long checksum;
            try (ImageOutput out = new ImageOutput(file)) {
                TreeImage.write(tree, out);
                checksum = out.finish();
            }
            DominatorTree reread;
            try (ImageInput in = new ImageInput(file)) {
                reread = TreeImage.read(graph, RetentionRule.matDefault(), in, checksum);
            }
            assertAgreesWithBruteForce(graph, RetentionRule.matDefault(), false, reread, "reread, seed " + seed);
        }
    }

    @Test
    void tenMillionLongChainNeedsNoRecursion() {
        int n = 10_000_000;
        HeapGraphBuilder builder = new HeapGraphBuilder(HeapFormat.HPROF, n, false, false, false);
        EdgeLists edges = new EdgeLists();
        builder.addClass(new HeapClass("Node", "Node", -1, -1, 24));
        for (int o = 0; o < n; o++) {
            builder.setObject(o, 16L * (o + 1), 0, 24, ObjectKind.INSTANCE);
            if (o + 1 < n) {
                edges.add(o, o + 1, EdgeKind.FIELD, -1);
            }
        }
        builder.addRoot(0, RootKind.STICKY_CLASS, -1);
        builder.addEntry(0);
        edges.adoptInto(builder);
        HeapGraph graph = builder.build(PlainDetails::new, RandomGraphs.info(HeapFormat.HPROF));

        DominatorTree tree = DominatorTree.computeDefault(graph);

        assertEquals(24L * n, tree.retainedSizeOf(0));
        assertEquals(24L * (n / 2), tree.retainedSizeOf(n / 2));
        assertEquals(n / 2 - 1, tree.immediateDominatorOf(n / 2));
        assertEquals(n, tree.reachableCount());
    }

    @Test
    void referentRetainsByDefaultButNotWhenIgnored() {
        // root -> softRef -(referent)-> payload; nothing else holds payload.
        HeapGraphBuilder builder = new HeapGraphBuilder(HeapFormat.HPROF, 3, false, false, false);
        EdgeLists edges = new EdgeLists();
        builder.addClass(new HeapClass("SoftReference", "SoftReference", -1, -1, 32));
        builder.setObject(0, 8, 0, 16, ObjectKind.INSTANCE);
        builder.setObject(1, 16, 0, 32, ObjectKind.INSTANCE);
        builder.setObject(2, 24, 0, 1000, ObjectKind.PRIMITIVE_ARRAY);
        edges.add(0, 1, EdgeKind.FIELD, -1);
        edges.add(1, 2, EdgeKind.REFERENT, -1);
        builder.addRoot(0, RootKind.STICKY_CLASS, -1);
        builder.addEntry(0);
        edges.adoptInto(builder);
        HeapGraph graph = builder.build(PlainDetails::new, RandomGraphs.info(HeapFormat.HPROF));

        DominatorTree mat = DominatorTree.compute(graph, RetentionRule.matDefault(), -1, CancelSignal.NEVER,
                ProgressListener.NONE);
        DominatorTree ignoring = DominatorTree.compute(graph, RetentionRule.ignoringReferents(), -1,
                CancelSignal.NEVER, ProgressListener.NONE);

        assertEquals(1032, mat.retainedSizeOf(1));
        assertEquals(32, ignoring.retainedSizeOf(1));
        assertEquals(false, ignoring.isReachable(2));
    }
}
