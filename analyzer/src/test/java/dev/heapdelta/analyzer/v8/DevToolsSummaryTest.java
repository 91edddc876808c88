package dev.heapdelta.analyzer.v8;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.dominators.DominatorTree;
import dev.heapdelta.analyzer.dominators.RetentionRule;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.query.ClassHistogram;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.ProgressListener;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DevToolsSummaryTest {

    @ParameterizedTest
    @ValueSource(strings = {"t0", "t2"})
    void everyClassOfTheDevToolsSummaryMatchesExactly(String moment) throws Exception {
        HeapGraph graph = ReferenceSnapshots.read(ReferenceSnapshots.reference("node/node-all-" + moment + ".heapsnapshot.gz"));
        Map<String, Object> reference = ReferenceSnapshots.json(
                ReferenceSnapshots.reference("node/devtools-summary-node-all-" + moment + ".json"));
        DominatorTree tree = DominatorTree.compute(graph, RetentionRule.devTools(graph), graph.syntheticRoot(),
                CancelSignal.NEVER, ProgressListener.NONE);
        ClassHistogram histogram = ClassHistogram.of(tree);
        Map<String, Integer> classByKey = new HashMap<>();
        for (int c = 0; c < graph.classCount(); c++) {
            classByKey.put(graph.heapClass(c).key(), c);
        }
        List<String> differences = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> classes = (List<Map<String, Object>>) reference.get("allClasses");
        for (Map<String, Object> expected : classes) {
            String key = (String) expected.get("key");
            Integer c = classByKey.get(key);
            long count = c == null ? 0 : histogram.count(c);
            long self = c == null ? 0 : histogram.shallowBytes(c);
            long retained = c == null ? 0 : histogram.retainedBytes(c);
            if (count != (Long) expected.get("count") || self != (Long) expected.get("self")
                    || retained != ((Number) expected.get("retained")).longValue()) {
                differences.add(key + ": ours " + count + "/" + self + "/" + retained + " devtools "
                        + expected.get("count") + "/" + expected.get("self") + "/" + expected.get("retained"));
            }
        }
        assertEquals(List.of(), differences);
        assertTrue(classes.size() > 100, "the reference lists every class");
        @SuppressWarnings("unchecked")
        Map<String, Object> statistics = (Map<String, Object>) reference.get("statistics");
        @SuppressWarnings("unchecked")
        Map<String, Object> nativeStatistics = (Map<String, Object>) statistics.get("native");
        @SuppressWarnings("unchecked")
        Map<String, Object> heapStatistics = (Map<String, Object>) statistics.get("v8heap");
        Map<String, Long> ours = graph.info().statistics();
        assertEquals(statistics.get("total"), ours.get("total"));
        assertEquals(nativeStatistics.get("total"), ours.get("native"));
        assertEquals(nativeStatistics.get("typedArrays"), ours.get("typedArrays"));
        for (String key : List.of("code", "jsArrays", "strings", "system")) {
            assertEquals(heapStatistics.get(key), ours.get(key), key);
        }
        assertEquals(heapStatistics.get("total"), ours.get("v8heap"));
        assertEquals(0, tree.unreachableCount());
    }

    /** The README's table: nodes, edges, total and the five leak classes, as literal figures. */
    @ParameterizedTest
    @ValueSource(strings = {"t0", "t2"})
    void nodeEdgeTotalAndLeakClassFiguresMatchTheReadme(String moment) throws Exception {
        HeapGraph graph = ReferenceSnapshots.read(ReferenceSnapshots.reference("node/node-all-" + moment + ".heapsnapshot.gz"));
        boolean t0 = moment.equals("t0");
        assertEquals(t0 ? 87_905 : 327_563, graph.objectCount());
        assertEquals(t0 ? 346_388 : 1_165_033, graph.edgeCount());
        long total = 0;
        for (int o = 0; o < graph.objectCount(); o++) {
            total += graph.shallowSizeOf(o);
        }
        assertEquals(t0 ? 11_339_862L : 52_900_927L, total);
        assertEquals(total, graph.info().statistics().get("total"));
        DominatorTree tree = DominatorTree.compute(graph, RetentionRule.devTools(graph), graph.syntheticRoot(),
                CancelSignal.NEVER, ProgressListener.NONE);
        ClassHistogram histogram = ClassHistogram.of(tree);
        int n = t0 ? 1_000 : 6_000;
        long[] selfEach = {64, 56, 56, 56, 48};
        String[] names = {"UserProfile", "StreamContext", "IncomingRequest", "LargeObject", "JobPayload"};
        long[] retainedT0 = {1_200_000, 1_199_920, 1_408_000, 1_144_000, 1_184_000};
        long[] retainedT2 = {7_200_000, 7_199_920, 8_448_000, 6_864_000, 7_104_000};
        for (int i = 0; i < names.length; i++) {
            int c = onlyClassNamed(graph, names[i]);
            assertEquals(n, histogram.count(c), names[i] + " count");
            assertEquals(n * selfEach[i], histogram.shallowBytes(c), names[i] + " self");
            assertEquals(t0 ? retainedT0[i] : retainedT2[i], histogram.retainedBytes(c), names[i] + " retained");
        }
    }

    private static int onlyClassNamed(HeapGraph graph, String name) {
        int found = -1;
        for (int c = 0; c < graph.classCount(); c++) {
            if (graph.heapClass(c).name().equals(name)) {
                assertEquals(-1, found, "one class named " + name);
                found = c;
            }
        }
        return found;
    }
}
