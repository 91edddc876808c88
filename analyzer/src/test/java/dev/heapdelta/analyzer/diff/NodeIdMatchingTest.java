package dev.heapdelta.analyzer.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.heapdelta.analyzer.analysis.AnalysisOptions;
import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.analysis.SnapshotLoader;
import dev.heapdelta.analyzer.graph.HeapClass;
import dev.heapdelta.analyzer.graph.HeapFormat;
import dev.heapdelta.analyzer.graph.HeapGraphBuilder;
import dev.heapdelta.analyzer.graph.ObjectKind;
import dev.heapdelta.analyzer.graph.RootKind;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.ProgressListener;
import dev.heapdelta.analyzer.testing.PlainDetails;
import dev.heapdelta.analyzer.testing.RandomGraphs;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NodeIdMatchingTest {

    @Test
    void newAndDeletedAreTheIdsOfOneSnapshotOnlyWithinEachClassWithTheirBytes() {
        for (long seed = 0; seed < 200; seed++) {
            Random random = new Random(seed);
            // Ids from a small range so that the snapshots share many, often under another class (as a V8 id
            // that was a PropertyCell in the base and is a Foo in the target); some above 2^63 (unsigned order).
            long[] idsA = ids(random, 1 + random.nextInt(300), seed % 2 == 0);
            long[] idsB = ids(random, 1 + random.nextInt(300), seed % 3 == 0);
            int[] classesA = classes(random, idsA.length);
            int[] classesB = classes(random, idsB.length);
            try (Snapshot a = snapshot(idsA, classesA); Snapshot b = snapshot(idsB, classesB)) {
                Map<String, NodeIdMatching.Changes> actual = NodeIdMatching.byKey(a, b);
                Map<String, long[]> expected = new HashMap<>();
                Map<Integer, Set<Long>> inA = idsByClass(idsA, classesA);
                Map<Integer, Set<Long>> inB = idsByClass(idsB, classesB);
                for (int c = 0; c < 3; c++) {
                    expected.put("C" + c, new long[4]);
                }
                for (int o = 0; o < idsB.length; o++) {
                    if (!inA.getOrDefault(classesB[o], Set.of()).contains(idsB[o])) {
                        expected.get("C" + classesB[o])[0]++;
                        expected.get("C" + classesB[o])[2] += sizeOf(idsB[o]);
                    }
                }
                for (int o = 0; o < idsA.length; o++) {
                    if (!inB.getOrDefault(classesA[o], Set.of()).contains(idsA[o])) {
                        expected.get("C" + classesA[o])[1]++;
                        expected.get("C" + classesA[o])[3] += sizeOf(idsA[o]);
                    }
                }
                for (String key : expected.keySet()) {
                    NodeIdMatching.Changes changes = actual.getOrDefault(key, NodeIdMatching.Changes.NONE);
                    long[] want = expected.get(key);
                    assertEquals(want[0], changes.newObjects(), "seed " + seed + " new " + key);
                    assertEquals(want[1], changes.deletedObjects(), "seed " + seed + " deleted " + key);
                    assertEquals(want[2], changes.newBytes(), "seed " + seed + " new bytes " + key);
                    assertEquals(want[3], changes.freedBytes(), "seed " + seed + " freed bytes " + key);
                }
            }
        }
    }

    @Test
    void aSnapshotAgainstItselfHasNothingNewOrDeletedAsAgainstAnIdenticalCopyOfIt() {
        for (long seed = 0; seed < 50; seed++) {
            Random random = new Random(seed);
            long[] ids = ids(random, 1 + random.nextInt(300), seed % 2 == 0);
            int[] classes = classes(random, ids.length);
            try (Snapshot only = snapshot(ids, classes); Snapshot copy = snapshot(ids, classes)) {
                Map<String, NodeIdMatching.Changes> walked = NodeIdMatching.byKey(only, copy);
                Map<String, NodeIdMatching.Changes> itself = NodeIdMatching.byKey(only, only);
                for (int c = 0; c < 3; c++) {
                    assertEquals(NodeIdMatching.Changes.NONE, walked.getOrDefault("C" + c, NodeIdMatching.Changes.NONE),
                            "seed " + seed + " C" + c);
                    assertEquals(NodeIdMatching.Changes.NONE, itself.getOrDefault("C" + c, NodeIdMatching.Changes.NONE),
                            "seed " + seed + " C" + c);
                }
            }
        }
    }

    private static Map<Integer, Set<Long>> idsByClass(long[] ids, int[] classes) {
        Map<Integer, Set<Long>> byClass = new HashMap<>();
        for (int o = 0; o < ids.length; o++) {
            byClass.computeIfAbsent(classes[o], c -> new HashSet<>()).add(ids[o]);
        }
        return byClass;
    }

    /** A size that depends on the id only, so that an object has the same size in both snapshots. */
    private static long sizeOf(long id) {
        return 16 + 8 * Math.floorMod(id, 5);
    }

    /** Distinct ids, ascending when {@code sorted} (the usual V8 numbering), shuffled otherwise. */
    private static long[] ids(Random random, int count, boolean sorted) {
        Set<Long> distinct = new HashSet<>();
        while (distinct.size() < count) {
            long id = 2L * random.nextInt(400);
            distinct.add(random.nextInt(10) == 0 ? id | Long.MIN_VALUE : id);
        }
        long[] ids = distinct.stream().mapToLong(Long::longValue).toArray();
        if (sorted) {
            java.util.Arrays.sort(ids);
            // Unsigned ascending: the ids with the top bit set go last.
            ids = java.util.stream.LongStream.of(ids).boxed()
                    .sorted(Long::compareUnsigned).mapToLong(Long::longValue).toArray();
        }
        return ids;
    }

    private static int[] classes(Random random, int count) {
        int[] classes = new int[count];
        for (int o = 0; o < count; o++) {
            classes[o] = random.nextInt(3);
        }
        return classes;
    }

    private static Snapshot snapshot(long[] ids, int[] classes) {
        HeapGraphBuilder builder = new HeapGraphBuilder(HeapFormat.HPROF, ids.length, false, false, false);
        for (int c = 0; c < 3; c++) {
            builder.addClass(new HeapClass("C" + c, "K" + c, -1, -1, 16));
        }
        for (int o = 0; o < ids.length; o++) {
            builder.setObject(o, ids[o], classes[o], sizeOf(ids[o]), ObjectKind.INSTANCE);
            // Every object a root, so that all are reachable: only instances the histogram counts are compared.
            builder.addRoot(o, RootKind.STICKY_CLASS, -1);
            builder.addEntry(o);
        }
        return SnapshotLoader.analyse(builder.build(PlainDetails::new, RandomGraphs.info(HeapFormat.HPROF)), "test",
                AnalysisOptions.defaults(), CancelSignal.NEVER, ProgressListener.NONE);
    }
}
