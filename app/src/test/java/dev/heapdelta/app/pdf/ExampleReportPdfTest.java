package dev.heapdelta.app.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.analysis.AnalysisOptions;
import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.analysis.SnapshotLoader;
import dev.heapdelta.analyzer.leaks.Suspect;
import dev.heapdelta.analyzer.report.DiffReport;
import dev.heapdelta.analyzer.report.DiffReports;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.ProgressListener;
import dev.heapdelta.samples.Examples;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of the bundled Java example (three dumps of the leaking sample service), written and read
 * back: every leak of the sample is there with its counts per dump, and no session token leaks into it.
 */
class ExampleReportPdfTest {
    /** The sample service's leaks: static field and entries per dump, by its rules (sample-dumps/java/README.md). */
    private static final Object[][] LEAKS = {
        {"static SessionStore.CACHE", new long[] {500, 3_000, 6_000}},
        {"static EventBus.LISTENERS", new long[] {125, 750, 1_500}},
        {"static WorkQueue.PENDING", new long[] {250, 1_500, 3_000}},
        {"static UserCache.CACHE", new long[] {200, 1_200, 2_400}},
    };
    private static final String SECRET_MARKER = "SECRET-TOKEN-";

    @TempDir
    static Path dir;

    static List<Snapshot> snapshots = new ArrayList<>();
    static DiffReport report;
    static PdfText pdf;
    static int pagesWritten;

    @BeforeAll
    static void writeTheReportOfTheBundledExample() throws Exception {
        for (Path file : Examples.copyTo(Examples.Platform.JAVA, dir.resolve("dumps"))) {
            snapshots.add(SnapshotLoader.load(file, file.getFileName().toString(), AnalysisOptions.defaults(),
                    CancelSignal.NEVER, ProgressListener.NONE));
        }
        assertEquals(3, snapshots.size(), "the bundled Java example is three dumps");
        report = DiffReports.of(snapshots, false);
        Path out = dir.resolve("example.pdf");
        pagesWritten = LeakReportPdf.write(report, out, ReportOptions.defaults("test"), ReportProgress.NONE,
                CancelSignal.NEVER);
        pdf = PdfText.of(out);
    }

    @AfterAll
    static void close() throws Exception {
        for (Snapshot snapshot : snapshots) {
            snapshot.close();
        }
    }

    @Test
    void everyLeakOfTheSampleHasASectionWithItsPathKeyAndEntriesPerDump() {
        for (Object[] leak : LEAKS) {
            String pathKey = (String) leak[0];
            long[] entries = (long[]) leak[1];
            Suspect suspect = report.suspects().stream().filter(s -> s.pathKey().equals(pathKey)).findFirst()
                    .orElseThrow(() -> new AssertionError("no suspect at " + pathKey));
            int rank = report.suspects().indexOf(suspect) + 1;
            String page = PdfText.compact(pdf.pageWith("Suspect " + rank + ":"));
            assertTrue(page.contains(PdfText.compact(suspect.title())), "title on its page: " + suspect.title());
            assertTrue(page.contains(PdfText.compact("Where " + pathKey)), "path key on its page: " + pathKey);
            for (int s = 0; s < entries.length; s++) {
                String row = "#" + (s + 1) + "leaks-t" + s + ".hprof.gz" + String.format(Locale.ROOT, "%,d", entries[s]);
                assertTrue(page.contains(row), pathKey + ": row " + row + " in\n" + page);
            }
        }
    }

    @Test
    void theExecutiveSummaryLeadsWithTheTopThreeSuspects() {
        String summary = PdfText.compact(pdf.pageWith("Executive summary"));
        for (int i = 0; i < 3; i++) {
            assertTrue(summary.contains(PdfText.compact((i + 1) + ". " + report.suspects().get(i).title())),
                    "suspect " + (i + 1));
        }
    }

    @Test
    void noSessionTokenAppearsWhenStringsAreRedacted() {
        assertFalse(pdf.compact().contains(SECRET_MARKER), "a session token leaked into the report");
    }

    @Test
    void pageCountIsTitleSummaryChartsAPageOrTwoPerSuspectClassesAndAppendix() {
        int suspects = report.suspects().size();
        assertEquals(pdf.pages(), pagesWritten);
        assertTrue(pdf.pages() >= 3 + suspects + 1 + 1, "pages: " + pdf.pages());
        assertTrue(pdf.pages() <= 3 + 2 * suspects + 3 + 2, "pages: " + pdf.pages());
    }
}
