package dev.heapdelta.app.pdf;

import static dev.heapdelta.app.capture.testing.FileModes.assertOwnerOnly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.format.ByteSizes;
import dev.heapdelta.analyzer.leaks.Suspect;
import dev.heapdelta.analyzer.report.DiffReport;
import dev.heapdelta.analyzer.source.AnalysisCancelledException;
import dev.heapdelta.analyzer.source.CancelSignal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeakReportPdfTest {
    private static final ReportOptions OPTIONS = new ReportOptions("9.8.7-test",
            ZonedDateTime.of(2024, 6, 1, 9, 0, 0, 0, ZoneOffset.UTC), 50, 25);

    @TempDir
    Path dir;

    @Test
    void everySuspectsTitleCountsAndPathKeyAreInTheReport() throws IOException {
        DiffReport report = SampleReports.threeDumps(false);
        PdfText pdf = write(report, OPTIONS);
        for (Suspect suspect : report.suspects()) {
            assertTrue(pdf.containsIgnoringWrapping(suspect.title()), "title: " + suspect.title());
            assertTrue(pdf.containsIgnoringWrapping(suspect.pathKey()), "path key: " + suspect.pathKey());
            for (Long count : suspect.elements()) {
                assertTrue(pdf.containsIgnoringWrapping(String.format(Locale.ROOT, "%,d", count)), "count " + count);
            }
        }
        // The per-dump table of the first suspect shows 500, 3,250 and 6,000 entries with their changes.
        assertTrue(pdf.containsIgnoringWrapping("#1 service-t0.hprof.gz 500"), pdf.text());
        assertTrue(pdf.containsIgnoringWrapping("3,250 +2,750"));
        assertTrue(pdf.containsIgnoringWrapping("6,000 +2,750"));
    }

    @Test
    void titlePageNamesTheDumpsTheirSizesCaptureTimesRuntimeAndToolVersion() throws IOException {
        PdfText pdf = write(SampleReports.threeDumps(false), OPTIONS);
        String firstPage = pdf.text().substring(0, pdf.text().indexOf("Executive summary"));
        assertTrue(firstPage.contains("/var/dumps/service-t0.hprof.gz"), firstPage);
        assertTrue(firstPage.contains("/var/dumps/service-t2.hprof.gz"));
        assertTrue(firstPage.contains("1.1 MB"), "file size of the first dump");
        assertTrue(firstPage.contains("2024-06-01 08:20:00 +00:00"), "capture time of the first dump");
        assertTrue(firstPage.contains("JVM (HPROF heap dump)"));
        assertTrue(firstPage.contains("HeapDelta 9.8.7-test"));
    }

    @Test
    void executiveSummaryGivesTheTopThreeSuspectsWithAFixEach() throws IOException {
        PdfText pdf = write(SampleReports.threeDumps(false), OPTIONS);
        String summary = pdf.text().substring(pdf.text().indexOf("Executive summary"),
                pdf.text().indexOf("Retained growth by class"));
        String compact = PdfText.compact(summary);
        assertTrue(compact.contains("1.HashMapatstaticSessionStore.CACHEgrewfrom500to6,000entries(+3.1MBretained)."),
                summary);
        assertTrue(summary.contains("Bound the cache by size and give entries a time to live"));
        assertTrue(summary.contains("Remove listeners on close, or register them with once"));
        assertTrue(summary.contains("clearInterval"));
    }

    @Test
    void aDictionaryKeyFromTheDumpIsRedactedByDefault() throws IOException {
        PdfText pdf = write(SampleReports.threeDumps(false), OPTIONS);
        assertFalse(pdf.compact().contains("SECRET-TOKEN"), "the planted key must not appear");
        assertFalse(pdf.compact().contains("planted-4f2a"));
        assertTrue(pdf.containsIgnoringWrapping("‹string, 25 chars, #"), "the key shows as its length and a hash");
    }

    @Test
    void includeStringsShowsTheDictionaryKey() throws IOException {
        PdfText pdf = write(SampleReports.threeDumps(true), OPTIONS);
        assertTrue(pdf.containsIgnoringWrapping(SampleReports.SECRET));
        assertTrue(pdf.text().contains("may contain data from the dumps"));
    }

    @Test
    void pageCountIsTitleSummaryChartsOnePageOrSoPerSuspectClassesAndAppendix() throws IOException {
        DiffReport report = SampleReports.threeDumps(false);
        PdfText pdf = write(report, OPTIONS);
        int suspects = report.suspects().size();
        // Title, summary, charts, a page per suspect, 50 classes on one or two pages, two appendix pages at most.
        assertTrue(pdf.pages() >= 3 + suspects + 2, "pages: " + pdf.pages());
        assertTrue(pdf.pages() <= 3 + 2 * suspects + 2 + 2, "pages: " + pdf.pages());
        assertTrue(pdf.text().contains("page " + pdf.pages() + " of " + pdf.pages()), "footer counts pages");
    }

    @Test
    void classTableStopsAtTheTopFifty() throws IOException {
        PdfText pdf = write(SampleReports.threeDumps(false), OPTIONS);
        assertTrue(pdf.text().contains("Class diff (top 50 by retained growth)"));
        assertTrue(pdf.text().contains("com.example.generated.Class49"));
        assertFalse(pdf.text().contains("com.example.generated.Class50"), "row 51 must not be listed");
        assertTrue(pdf.containsIgnoringWrapping("com.google.common.cache.LocalCache$StrongAccessEntryWithAVeryLongNameToWrap"),
                "a long class name wraps at its dots, whole");
    }

    @Test
    void chartsAreVectorTextNotPictures() throws IOException {
        PdfText pdf = write(SampleReports.threeDumps(false), OPTIONS);
        // Chart text is PDF text (in the order the chart draws it), so it can be found at all.
        assertTrue(pdf.text().contains("retained growth, first to last dump (KB)"), pdf.text());
        assertTrue(pdf.text().contains("c.g.c.c.LocalCache$StrongAccessEntryWithAVer"), "bar label of the top class");
        assertTrue(pdf.text().contains(ByteSizes.human(800_000)), "value label of the top bar, in its own unit");
        assertTrue(pdf.text().contains("1. static SessionStore.CACHE"), "trend legend");
        assertTrue(pdf.text().contains("3. Module(timers.js) › registry › []"), "trend legend, third line");
    }

    @Test
    void twoDumpsGetNoTrendChartAndSaySo() throws IOException {
        PdfText pdf = write(SampleReports.twoDumps(), OPTIONS);
        assertTrue(pdf.text().contains("A trend chart needs three or more dumps"));
        assertTrue(pdf.containsIgnoringWrapping("two dumps only: a plateau cannot be told apart"));
    }

    @Test
    void aPartialDumpIsMarkedOnTheTitlePageOnEveryPageAndInTheTables() throws IOException {
        PdfText pdf = write(SampleReports.withPartialDump(), OPTIONS);
        assertTrue(pdf.containsIgnoringWrapping("Partial analysis: dump #3 service-t2.hprof.gz (120.6 KB unread) is "
                + "truncated or damaged."), pdf.text());
        int headers = pdf.text().split("PARTIAL ANALYSIS", -1).length - 1;
        assertEquals(pdf.pages(), headers, "one header line per page");
        assertTrue(pdf.text().contains("#3 service-t2.hprof.gz (PARTIAL)"));
    }

    @Test
    void aReportWithoutSuspectsSaysNothingGrew() throws IOException {
        PdfText pdf = write(SampleReports.withoutSuspects(), OPTIONS);
        assertTrue(pdf.text().contains("No leak suspects"));
        assertTrue(pdf.pages() >= 5);
    }

    @Test
    void theExportedReportIsOwnerOnlyEvenWhenItReplacesAWorldReadableFile() throws IOException {
        Path out = Files.writeString(dir.resolve("exported.pdf"), "previous report");
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-r--r--"));

        LeakReportPdf.write(SampleReports.threeDumps(false), out, OPTIONS, ReportProgress.NONE, CancelSignal.NEVER);

        assertOwnerOnly(out);
        assertTrue(PdfText.of(out).pages() >= 1, "the report replaced the old file");
    }

    @Test
    void progressRisesFromZeroToOne() throws IOException {
        List<Double> seen = new ArrayList<>();
        LeakReportPdf.write(SampleReports.threeDumps(false), dir.resolve("p.pdf"), OPTIONS,
                (done, step) -> seen.add(done), CancelSignal.NEVER);
        assertEquals(0.0, seen.get(0));
        assertEquals(1.0, seen.get(seen.size() - 1));
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i) >= seen.get(i - 1), "progress never goes back: " + seen);
        }
    }

    @Test
    void aCancelledExportLeavesNoFileBehindAndKeepsTheOldOne() throws IOException {
        Path out = dir.resolve("report.pdf");
        Files.writeString(out, "previous report");
        CancelSignal cancel = new CancelSignal();
        assertThrows(AnalysisCancelledException.class, () -> LeakReportPdf.write(SampleReports.threeDumps(false), out,
                OPTIONS, (done, step) -> {
                    if (step.startsWith("Suspect 2")) {
                        cancel.cancel();
                    }
                }, cancel));
        assertEquals("previous report", Files.readString(out));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(out), files.toList(), "no temporary file is left");
        }
    }

    private PdfText write(DiffReport report, ReportOptions options) throws IOException {
        Path out = dir.resolve("report-" + System.nanoTime() + ".pdf");
        int pages = LeakReportPdf.write(report, out, options, ReportProgress.NONE, CancelSignal.NEVER);
        PdfText pdf = PdfText.of(out);
        assertEquals(pdf.pages(), pages, "the writer reports the page count it wrote");
        return pdf;
    }
}
