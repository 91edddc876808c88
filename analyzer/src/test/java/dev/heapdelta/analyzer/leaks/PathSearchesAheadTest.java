package dev.heapdelta.analyzer.leaks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.heapdelta.analyzer.analysis.AnalysisOptions;
import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.analysis.SnapshotLoader;
import dev.heapdelta.analyzer.diff.ClassDiffs;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.query.ShortestPaths;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.ProgressListener;
import dev.heapdelta.analyzer.testing.TestEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The earlier snapshots' searches for shortest paths, run on a second thread while the detectors ask the
 * same snapshots their own questions, give every object the parent edge of a search run alone to its end.
 */
class PathSearchesAheadTest {
    private static final List<String> SERIES = List.of("mat_sun_jdk6_30_x64_compressedOops.hprof",
            "mat_sun_jdk5_64bit.hprof", "d8_heap-2.heapsnapshot");

    @TempDir
    Path cache;

    @Test
    void questionsAskedMeanwhileAndAfterwardsGetTheParentsOfTheWholeSearch() throws IOException {
        List<Snapshot> snapshots = load();
        try {
            SeriesContext series = new SeriesContext(snapshots, ClassDiffs.of(snapshots.subList(0, 1)), false);
            List<int[]> asked = new ArrayList<>();
            try (PathSearchesAhead ahead = PathSearchesAhead.start(series)) {
                // The detectors' thread asks the earlier snapshots too, in reverse, while the searches run ahead.
                for (int s = snapshots.size() - 1; s >= 0; s--) {
                    asked.add(parents(snapshots.get(s)));
                }
            }
            for (int s = 0; s < snapshots.size(); s++) {
                Snapshot snapshot = snapshots.get(s);
                int[] whole = wholeSearchParents(snapshot.graph());
                assertArrayEqualsByObject(whole, asked.get(snapshots.size() - 1 - s), SERIES.get(s) + " meanwhile");
                assertArrayEqualsByObject(whole, parents(snapshot), SERIES.get(s) + " afterwards");
            }
        } finally {
            snapshots.forEach(Snapshot::close);
        }
    }

    @Test
    void aCancelledSearchForSuspectsStopsTheSearchesAheadAndLaterQuestionsResumeThem() throws IOException {
        List<Snapshot> snapshots = load();
        try {
            CancelSignal cancel = new CancelSignal();
            cancel.cancel();
            SeriesContext series = new SeriesContext(snapshots, ClassDiffs.of(snapshots.subList(0, 1)), false, cancel,
                    SuspectSearchProgress.NONE);
            try (PathSearchesAhead ahead = PathSearchesAhead.start(series)) {
                // Closing waits for the stopped searches and reports no failure.
            }
            for (int s = 0; s < snapshots.size(); s++) {
                Snapshot snapshot = snapshots.get(s);
                assertArrayEqualsByObject(wholeSearchParents(snapshot.graph()), parents(snapshot), SERIES.get(s));
            }
        } finally {
            snapshots.forEach(Snapshot::close);
        }
    }

    @Test
    void aSingleSnapshotHasNoEarlierSearchesToRunAhead() throws IOException {
        List<Snapshot> snapshots = load();
        try {
            List<Snapshot> one = snapshots.subList(0, 1);
            assertNull(PathSearchesAhead.start(new SeriesContext(one, ClassDiffs.of(one), false)));
        } finally {
            snapshots.forEach(Snapshot::close);
        }
    }

    private List<Snapshot> load() throws IOException {
        List<Snapshot> snapshots = new ArrayList<>();
        for (String name : SERIES) {
            Path file = TestEnvironment.sharedReference("zoo/" + name);
            snapshots.add(SnapshotLoader.load(file, name,
                    AnalysisOptions.defaults().withIndexCache(false).withCacheDirectory(cache), CancelSignal.NEVER,
                    ProgressListener.NONE));
        }
        return snapshots;
    }

    private static int[] parents(Snapshot snapshot) {
        int[] parents = new int[snapshot.graph().objectCount()];
        for (int o = 0; o < parents.length; o++) {
            parents[o] = snapshot.shortestPaths().parentEdgeOf(o);
        }
        return parents;
    }

    /** The oracle: a search of its own, run to its end before any question. */
    private static int[] wholeSearchParents(HeapGraph graph) {
        ShortestPaths whole = ShortestPaths.of(graph);
        whole.finish(CancelSignal.NEVER);
        int[] parents = new int[graph.objectCount()];
        for (int o = 0; o < parents.length; o++) {
            parents[o] = whole.parentEdgeOf(o);
        }
        return parents;
    }

    private static void assertArrayEqualsByObject(int[] expected, int[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int o = 0; o < expected.length; o++) {
            assertEquals(expected[o], actual[o], what + ": parent edge of object " + o);
        }
    }
}
