package dev.heapdelta.analyzer.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.analysis.AnalysisOptions;
import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.analysis.SnapshotLoader;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.graph.RootKind;
import dev.heapdelta.analyzer.source.AnalysisCancelledException;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.ProgressListener;
import dev.heapdelta.analyzer.testing.TestEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The search stops once it has reached the object asked about and resumes for the next: on the zoo's HPROF
 * and V8 files, whatever is asked first (the summary's objects, the thread objects held back in the first
 * round, the object with the longest path, an object without a path, random objects, with or without path
 * exclusions), every path and parent edge is the one of the search run to its end before any question.
 */
class ResumedShortestPathsTest {
    @TempDir
    Path cache;

    @ParameterizedTest
    @ValueSource(strings = {"mat_sun_jdk6_30_x64_compressedOops.hprof", "mat_openjdk_jdk11_04_x64.hprof.gz",
        "mat_sun_jdk5_64bit.hprof", "hprofslurp_hprof-32.hprof", "d8_heap-2.heapsnapshot", "devtoolx_test.heapsnapshot"})
    void theObjectsAskedAboutFirstGetThePathsOfTheWholeSearch(String name) throws IOException {
        try (Snapshot snapshot = load(name)) {
            HeapGraph graph = snapshot.graph();
            ShortestPaths whole = ShortestPaths.of(graph);
            whole.finish();
            for (int[] firstAsked : firstQuestions(snapshot, whole)) {
                ShortestPaths resumed = ShortestPaths.of(graph);
                for (int object : firstAsked) {
                    assertEquals(whole.pathTo(object), resumed.pathTo(object), name + ": object " + object);
                }
                assertSameParents(graph, whole, resumed, name);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mat_sun_jdk6_30_x64_compressedOops.hprof", "mat_sun_jdk5_64bit.hprof"})
    void pathsAvoidingExclusionsResumeAsTheDefaultOnesDo(String name) throws IOException {
        try (Snapshot snapshot = load(name)) {
            HeapGraph graph = snapshot.graph();
            PathExclusions exclusions = PathExclusions.parse(List.of("java.lang.Thread"));
            ShortestPaths whole = ShortestPaths.of(graph, exclusions);
            whole.finish();
            ShortestPaths resumed = ShortestPaths.of(graph, exclusions);
            for (int object : snapshot.topDominators(30)) {
                assertEquals(whole.pathTo(object), resumed.pathTo(object), name + ": object " + object);
            }
            assertSameParents(graph, whole, resumed, name);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mat_sun_jdk6_30_x64_compressedOops.hprof", "d8_heap-2.heapsnapshot"})
    void aCancelledSearchStopsShortOfTheObjectAndResumesWithTheSameAnswers(String name) throws IOException {
        try (Snapshot snapshot = load(name)) {
            HeapGraph graph = snapshot.graph();
            ShortestPaths whole = ShortestPaths.of(graph);
            whole.finish();
            int deepest = 0;
            for (int o = 0; o < graph.objectCount(); o++) {
                if (whole.pathTo(o).size() > whole.pathTo(deepest).size()) {
                    deepest = o;
                }
            }
            // The entry the deepest path starts from is reached when its round is seeded, long before the object.
            int near = whole.pathTo(deepest).get(0).object();
            ShortestPaths resumed = ShortestPaths.of(graph);
            resumed.reach(near, CancelSignal.NEVER);
            CancelSignal cancelled = new CancelSignal();
            cancelled.cancel();
            int far = deepest;
            assertThrows(AnalysisCancelledException.class, () -> resumed.reach(far, cancelled));
            assertFalse(resumed.hasReached(far), name + ": the cancelled search went on to " + far);
            assertThrows(AnalysisCancelledException.class, () -> resumed.reach(far, cancelled));
            assertFalse(resumed.hasReached(far));
            assertEquals(whole.pathTo(deepest), resumed.pathTo(deepest), name + ": object " + deepest);
            assertSameParents(graph, whole, resumed, name);
        }
    }

    /** Every object's parent edge, asked in index order of a search that has answered other questions first. */
    private static void assertSameParents(HeapGraph graph, ShortestPaths whole, ShortestPaths resumed, String name) {
        for (int o = 0; o < graph.objectCount(); o++) {
            assertEquals(whole.parentEdgeOf(o), resumed.parentEdgeOf(o), name + ": parent edge of " + o);
        }
    }

    private Snapshot load(String name) throws IOException {
        Path file = TestEnvironment.sharedReference("zoo/" + name);
        return SnapshotLoader.load(file, name, AnalysisOptions.defaults().withIndexCache(false).withCacheDirectory(cache),
                CancelSignal.NEVER, ProgressListener.NONE);
    }

    /** Sets of objects to ask about first, each stopping the search at another point or not at all. */
    private static List<int[]> firstQuestions(Snapshot snapshot, ShortestPaths whole) {
        HeapGraph graph = snapshot.graph();
        int n = graph.objectCount();
        List<int[]> questions = new ArrayList<>();
        int[] summary = IntStream.concat(IntStream.of(snapshot.topDominators(50)),
                IntStream.of(snapshot.biggestObjects(50))).toArray();
        assertTrue(summary.length > 0);
        questions.add(summary);
        questions.add(IntStream.range(0, graph.rootRecordCount())
                .filter(r -> graph.rootKind(r) == RootKind.THREAD_OBJECT).map(graph::rootObject).toArray());
        int deepest = 0;
        int pathless = -1;
        for (int o = 0; o < n; o++) {
            if (whole.pathTo(o).size() > whole.pathTo(deepest).size()) {
                deepest = o;
            }
            if (pathless < 0 && !whole.hasPath(o)) {
                pathless = o;
            }
        }
        assertTrue(whole.pathTo(deepest).size() > 3, "the longest path has " + whole.pathTo(deepest).size() + " steps");
        questions.add(new int[] {deepest, deepest, summary[0]});
        if (pathless >= 0) {
            questions.add(new int[] {summary[0], pathless, summary[summary.length - 1]});
        }
        Random random = new Random(17);
        for (int s = 0; s < 4; s++) {
            questions.add(random.ints(1 + random.nextInt(40), 0, n).toArray());
        }
        questions.add(new int[0]);
        return questions;
    }
}
