package dev.heapdelta.app.leaks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.analysis.AnalysisOptions;
import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.analysis.SnapshotLoader;
import dev.heapdelta.analyzer.leaks.SuspectSearchProgress;
import dev.heapdelta.analyzer.report.DiffReport;
import dev.heapdelta.analyzer.report.DiffReports;
import dev.heapdelta.analyzer.source.AnalysisCancelledException;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.ProgressListener;
import dev.heapdelta.app.cli.DiffJson;
import dev.heapdelta.samples.Examples;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report in two steps, as the app shows it (the class diff first, the findings once the detectors have
 * run): on the bundled Java example's series and its last dump alone, the first step has the class diff of
 * {@link DiffReports#of} and no findings; the search tells its progress in rising steps, and cancelled at any
 * step it ends with {@link AnalysisCancelledException} before the next one.
 */
class FindingsSearchTest {
    @TempDir
    static Path dir;
    static List<Snapshot> series = new ArrayList<>();

    @BeforeAll
    static void loadTheExample() throws Exception {
        for (Path file : Examples.copyTo(Examples.Platform.JAVA, dir.resolve("example"))) {
            series.add(SnapshotLoader.load(file, file.getFileName().toString(), AnalysisOptions.defaults(),
                    CancelSignal.NEVER, ProgressListener.NONE));
        }
    }

    @AfterAll
    static void close() throws Exception {
        for (Snapshot snapshot : series) {
            snapshot.close();
        }
    }

    @Test
    void theFirstStepHasTheClassDiffAndNoFindingsAndTheSecondTheReportOfDiffReports() {
        for (List<Snapshot> snapshots : List.of(series, series.subList(2, 3))) {
            DiffReport whole = DiffReports.of(snapshots, false);
            DiffReport first = DiffReports.withoutFindings(snapshots, false);
            assertTrue(first.suspects().isEmpty() && first.largeRetainers().isEmpty() && first.boundedCaches().isEmpty());
            assertTrue(!whole.suspects().isEmpty(), "the example has findings");
            DiffReport wholeWithoutFindings = new DiffReport(whole.snapshots(), whole.classes(), List.of(), List.of(),
                    whole.trendBasis(), whole.retention(), whole.includeStrings(), whole.baseline(), List.of());
            assertEquals(DiffJson.toJson(wholeWithoutFindings), DiffJson.toJson(first), snapshots.size() + " snapshots");
            List<int[]> steps = new ArrayList<>();
            DiffReport found = DiffReports.withFindings(first, snapshots, new CancelSignal(),
                    (done, total) -> steps.add(new int[] {done, total}));
            assertEquals(DiffJson.toJson(whole), DiffJson.toJson(found));
            assertTrue(steps.size() >= 3, "steps: " + steps.size());
            for (int i = 0; i < steps.size(); i++) {
                assertTrue(steps.get(i)[0] < steps.get(i)[1], "a step short of the total");
                if (i > 0) {
                    assertTrue(steps.get(i)[0] > steps.get(i - 1)[0], "rising");
                }
            }
        }
    }

    @Test
    void cancelledAtAnyStepTheSearchEndsBeforeTheNext() {
        for (List<Snapshot> snapshots : List.of(series, series.subList(2, 3))) {
            DiffReport first = DiffReports.withoutFindings(snapshots, false);
            List<Integer> all = new ArrayList<>();
            DiffReports.withFindings(first, snapshots, CancelSignal.NEVER, (done, total) -> all.add(done));
            for (int step : all) {
                CancelSignal cancel = new CancelSignal();
                List<Integer> reached = new ArrayList<>();
                SuspectSearchProgress cancelAtStep = (done, total) -> {
                    reached.add(done);
                    if (done == step) {
                        cancel.cancel();
                    }
                };
                assertThrows(AnalysisCancelledException.class,
                        () -> DiffReports.withFindings(first, snapshots, cancel, cancelAtStep));
                assertEquals(step, reached.get(reached.size() - 1), "no step after the cancel at " + step);
            }
        }
    }
}
