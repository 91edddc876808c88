package dev.heapdelta.analyzer.hprof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.dominators.DominatorTree;
import dev.heapdelta.analyzer.dominators.RetentionRule;
import dev.heapdelta.analyzer.graph.DumpInfo;
import dev.heapdelta.analyzer.graph.FieldValue;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.graph.ObjectKind;
import dev.heapdelta.analyzer.query.ClassHistogram;
import dev.heapdelta.analyzer.testing.TestEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The figures Eclipse MAT 1.17 computed on java-small-a and -b ({@code *.mat.tsv}), met exactly or within 0.1%. */
class MatAgreementTest {
    @TempDir
    Path cache;

    private record Mat(Map<String, Long> summary, List<String[]> hist, List<String[]> dom, List<String[]> big,
            List<String[]> statics) {
        static Mat read(Path tsv) throws IOException {
            Map<String, Long> summary = new HashMap<>();
            Map<String, List<String[]>> rows = new HashMap<>();
            for (String line : Files.readAllLines(tsv)) {
                String[] cells = line.split("\t", -1);
                if (cells[0].equals("summary")) {
                    summary.put(cells[1], Long.parseLong(cells[2]));
                } else if (!cells[0].startsWith("#")) {
                    rows.computeIfAbsent(cells[0], k -> new ArrayList<>()).add(cells);
                }
            }
            return new Mat(summary, rows.get("hist"), rows.get("dom"), rows.get("big"), rows.get("static"));
        }
    }

    private static long address(String hex) {
        return Long.parseUnsignedLong(hex.substring(2), 16);
    }

    private static void assertWithinTenthOfAPercent(long expected, long actual, String what) {
        assertTrue(Math.abs(expected - actual) <= expected / 1000, what + ": MAT " + expected + ", ours " + actual);
    }

    @ParameterizedTest
    @ValueSource(strings = {"java-small-a", "java-small-b"})
    void summaryMatchesMatExactly(String name) throws IOException {
        Mat mat = Mat.read(TestEnvironment.sharedReference("java/" + name + ".mat.tsv"));
        HeapGraph graph = Graphs.readReference("java/" + name + ".hprof.gz", 0, cache);
        DominatorTree tree = Graphs.dominators(graph, RetentionRule.matDefault());
        long reachableClasses = 0;
        long reachableBytes = 0;
        long unreachable = 0;
        long unreachableBytes = 0;
        for (int o = 0; o < graph.objectCount(); o++) {
            if (tree.isReachable(o)) {
                reachableBytes += graph.shallowSizeOf(o);
                reachableClasses += graph.kindOf(o) == ObjectKind.CLASS ? 1 : 0;
            } else {
                unreachable++;
                unreachableBytes += graph.shallowSizeOf(o);
            }
        }
        assertEquals(mat.summary().get("objects") - 1, tree.reachableCount(), "MAT counts its boot-loader pseudo object");
        assertEquals(mat.summary().get("classes"), reachableClasses);
        assertEquals(mat.summary().get("gc_roots"), graph.entryCount());
        assertEquals(mat.summary().get("unreachable_objects_discarded"), unreachable);
        assertEquals(mat.summary().get("unreachable_bytes_discarded"), unreachableBytes);
        long pseudo = graph.info().statistics().get(DumpInfo.MAT_BOOTSTRAP_LOADER_BYTES);
        assertEquals(72, pseudo, "a java.lang.ClassLoader instance with compressed oops");
        assertEquals(mat.summary().get("heap_bytes"), reachableBytes + pseudo);
        assertEquals(mat.summary().get("dominator_root_children") - 1, tree.childCount(tree.virtualRoot()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"java-small-a", "java-small-b"})
    void histogramDominatorsAndStaticsMatchMat(String name) throws IOException {
        Mat mat = Mat.read(TestEnvironment.sharedReference("java/" + name + ".mat.tsv"));
        HeapGraph graph = Graphs.readReference("java/" + name + ".hprof.gz", 0, cache);
        DominatorTree tree = Graphs.dominators(graph, RetentionRule.matDefault());
        ClassHistogram histogram = ClassHistogram.of(tree);
        Map<Long, Integer> classByAddress = new HashMap<>();
        for (int c = 0; c < graph.classCount(); c++) {
            if (graph.heapClass(c).classObject() >= 0) {
                classByAddress.put(graph.idOf(graph.heapClass(c).classObject()), c);
            }
        }
        int compared = 0;
        for (String[] row : mat.hist()) {
            long count = Long.parseLong(row[4]);
            if (count == 0 || compared == 20) {
                continue;
            }
            int c = classByAddress.get(address(row[3]));
            assertEquals(row[2], graph.className(c));
            assertEquals(count, histogram.count(c), row[2]);
            assertEquals(Long.parseLong(row[5]), histogram.shallowBytes(c), row[2]);
            assertWithinTenthOfAPercent(Long.parseLong(row[7]), histogram.retainedBytes(c), row[2]);
            compared++;
        }
        assertEquals(20, compared);

        int[] top = tree.childrenByRetainedSize(tree.virtualRoot());
        for (int i = 0; i < 10; i++) {
            assertObjectRow(mat.dom().get(i), graph, tree, top[i]);
        }
        int[] biggest = biggestRetained(tree, 10);
        for (int i = 0; i < 10; i++) {
            assertObjectRow(mat.big().get(i), graph, tree, biggest[i]);
        }

        Map<String, FieldValue> heapGenStatics = new HashMap<>();
        for (FieldValue field : graph.details().fields(Graphs.classObject(graph, "HeapGen"))) {
            heapGenStatics.put("HeapGen." + field.name(), field);
        }
        for (String[] row : mat.statics()) {
            int value = heapGenStatics.get(row[1]).target();
            assertEquals(address(row[2]), graph.idOf(value), row[1]);
            assertEquals(row[3], graph.classNameOf(value), row[1]);
            assertEquals(Long.parseLong(row[4]), graph.shallowSizeOf(value), row[1]);
            assertWithinTenthOfAPercent(Long.parseLong(row[5]), tree.retainedSizeOf(value), row[1]);
        }
    }

    private static void assertObjectRow(String[] row, HeapGraph graph, DominatorTree tree, int object) {
        String what = String.join(" ", row);
        assertEquals(address(row[2]), graph.idOf(object), what);
        assertEquals(row[3], graph.classNameOf(object), what);
        if (graph.kindOf(object) == ObjectKind.CLASS) {
            assertEquals(row[4], graph.details().label(object), what);
        }
        assertEquals(Long.parseLong(row[5]), graph.shallowSizeOf(object), what);
        assertWithinTenthOfAPercent(Long.parseLong(row[6]), tree.retainedSizeOf(object), what);
    }

    private static int[] biggestRetained(DominatorTree tree, int count) {
        Integer[] reached = new Integer[tree.reachableCount()];
        for (int i = 0; i < reached.length; i++) {
            reached[i] = tree.objectInPreorder(i);
        }
        Arrays.sort(reached, (a, b) -> Long.compare(tree.retainedSizeOf(b), tree.retainedSizeOf(a)));
        return Arrays.stream(reached, 0, count).mapToInt(Integer::intValue).toArray();
    }
}
