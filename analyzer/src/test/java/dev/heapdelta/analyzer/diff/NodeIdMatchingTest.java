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
    void newAndDeletedCountsAreTheSetDifferencesOfIdsInAnyOrder() {
        for (long seed = 0; seed < 200; seed++) {
            Random random = new Random(seed);
            // Ids from a small range so that the snapshots share many; some above 2^63 (unsigned order).
            long[] idsA = ids(random, 1 + random.nextInt(300), seed % 2 == 0);
            long[] idsB = ids(random, 1 + random.nextInt(300), seed % 3 == 0);
            int[] classesA = classes(random, idsA.length);
            int[] classesB = classes(random, idsB.length);
            try (Snapshot a = snapshot(idsA, classesA); Snapshot b = snapshot(idsB, classesB)) {
                Map<String, long[]> actual = NodeIdMatching.newAndDeletedByKey(a, b);
                Map<String, long[]> expected = new HashMap<>();
                Set<Long> inA = new HashSet<>();
                Set<Long> inB = new HashSet<>();
                for (long id : idsA) {
                    inA.add(id);
                }
                for (long id : idsB) {
                    inB.add(id);
                }
                for (int o = 0; o < idsB.length; o++) {
                    if (!inA.contains(idsB[o])) {
                        expected.computeIfAbsent("K" + classesB[o], k -> new long[2])[0]++;
                    }
                }
                for (int o = 0; o < idsA.length; o++) {
                    if (!inB.contains(idsA[o])) {
                        expected.computeIfAbsent("K" + classesA[o], k -> new long[2])[1]++;
                    }
                }
                assertEquals(expected.keySet(), actual.keySet(), "seed " + seed);
                for (String key : expected.keySet()) {
                    assertEquals(expected.get(key)[0], actual.get(key)[0], "seed " + seed + " new " + key);
                    assertEquals(expected.get(key)[1], actual.get(key)[1], "seed " + seed + " deleted " + key);
                }
            }
        }
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
            builder.setObject(o, ids[o], classes[o], 16, ObjectKind.INSTANCE);
        }
        builder.addRoot(0, RootKind.STICKY_CLASS, -1);
        builder.addEntry(0);
        return SnapshotLoader.analyse(builder.build(PlainDetails::new, RandomGraphs.info(HeapFormat.HPROF)), "test",
                AnalysisOptions.defaults(), CancelSignal.NEVER, ProgressListener.NONE);
    }
}
