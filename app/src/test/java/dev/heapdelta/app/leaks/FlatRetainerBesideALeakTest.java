package dev.heapdelta.app.leaks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.analysis.AnalysisOptions;
import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.format.ObjectIds;
import dev.heapdelta.analyzer.format.PathStepRows;
import dev.heapdelta.analyzer.leaks.Suspect;
import dev.heapdelta.analyzer.leaks.SuspectKind;
import dev.heapdelta.analyzer.report.DiffReport;
import dev.heapdelta.analyzer.report.DiffReports;
import dev.heapdelta.app.cli.CliRun;
import dev.heapdelta.app.cli.ExitCode;
import dev.heapdelta.app.cli.JsonDocuments;
import dev.heapdelta.app.pdf.PdfText;
import dev.heapdelta.app.testing.DumpingProgram;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With several dumps, a large retainer that did not grow is no leak suspect, and a growing class that
 * no collection explains is placed where its new instances are: {@link FlatCatalogBesideALeak} runs in
 * a child JVM and dumps itself three times. Its flat price list retains more than a tenth of each heap
 * and is listed apart (in the report, the JSON, the text and the PDF); its session cache, the leak, is
 * rank 1; its archived tickets gain follow-ups, a growing class whose key, path and samples are the
 * follow-ups', not the archive where most tickets have always been.
 */
@SuppressWarnings("unchecked")
class FlatRetainerBesideALeakTest {
    private static final String PROGRAM = "FlatCatalogBesideALeak";
    private static final String CATALOG = "static " + PROGRAM + ".CATALOG";
    private static final String SESSIONS = "static " + PROGRAM + ".SESSIONS";
    private static final String FOLLOW_UPS = "static " + PROGRAM + ".ARCHIVE › [] › followUp";
    private static final Pattern SAMPLE_ID = Pattern.compile(" (0x[0-9a-f]+),");

    @TempDir
    static Path dumps;

    static List<Path> files;
    static List<Snapshot> snapshots = new ArrayList<>();
    static DiffReport report;

    @BeforeAll
    static void runTheServiceInAChildJvmAndDiffItsThreeDumps() throws Exception {
        DumpingProgram.run(FlatCatalogBesideALeak.class.getName(), "64m", 120, dumps, dumps.resolve("service.log"));
        files = DumpingProgram.series(dumps, "flat-catalog", FlatCatalogBesideALeak.FOLLOW_UPS.length);
        snapshots.addAll(DumpingProgram.load(files, AnalysisOptions.defaults().withIndexCache(false)));
        report = DiffReports.of(snapshots, false);
    }

    @AfterAll
    static void close() throws Exception {
        DumpingProgram.closeAll(snapshots);
    }

    @Test
    void theLeakIsRankOneAndTheFlatPriceListIsNoSuspectButIsListedApart() {
        assertEquals(List.of(SESSIONS, FOLLOW_UPS), report.suspects().stream().map(Suspect::pathKey).toList(), titles());
        Suspect sessions = report.suspects().get(0);
        assertEquals(SuspectKind.GROWING_COLLECTION, sessions.kind(), sessions.title());
        assertArrayEquals(perStep(FlatCatalogBesideALeak.SESSIONS_PER_STEP), sessions.elements(), sessions.title());
        assertEquals(1, report.largeRetainers().size(), report.largeRetainers().toString());
        Suspect catalog = report.largeRetainers().get(0);
        assertEquals(SuspectKind.LARGE_RETAINER, catalog.kind());
        assertEquals(CATALOG, catalog.pathKey());
        assertEquals("flat", catalog.trend().jsonName());
        long entries = FlatCatalogBesideALeak.CATALOG_ENTRIES;
        assertArrayEquals(new Long[] {entries, entries, entries}, catalog.elements(), "the map's entries");
        for (int s = 0; s < snapshots.size(); s++) {
            Snapshot snapshot = snapshots.get(s);
            double share = (double) catalog.retainedBytes()[s] / snapshot.totalShallowBytes();
            assertTrue(share > 0.10, "more than a tenth of dump " + s + ": " + share);
        }
    }

    @Test
    void theJsonTheTextAndThePdfListTheFlatPriceListApartFromTheSuspects() throws Exception {
        Path pdf = dumps.resolve("report.pdf");
        String[] series = files.stream().map(Path::toString).toArray(String[]::new);
        CliRun json = CliRun.of(Stream.concat(Stream.of("diff"), Stream.concat(Arrays.stream(series),
                Stream.of("--json", "-", "--no-index-cache"))).toArray(String[]::new));
        assertEquals(ExitCode.OK, json.exitCode(), json.err());
        Map<String, Object> document = JsonDocuments.parse(json.out());
        List<Map<String, Object>> suspects = (List<Map<String, Object>>) document.get("suspects");
        List<Map<String, Object>> apart = (List<Map<String, Object>>) document.get("largeRetainers");
        assertEquals(List.of(SESSIONS, FOLLOW_UPS), suspects.stream().map(s -> s.get("pathKey")).toList());
        assertEquals(List.of(CATALOG), apart.stream().map(s -> s.get("pathKey")).toList());
        assertEquals("large-retainer", apart.get(0).get("kind"));
        assertEquals("flat", apart.get(0).get("trend"));

        CliRun text = CliRun.of(Stream.concat(Stream.of("diff"), Stream.concat(Arrays.stream(series),
                Stream.of("--pdf", pdf.toString(), "--no-index-cache"))).toArray(String[]::new));
        assertEquals(ExitCode.OK, text.exitCode(), text.err());
        String out = text.out();
        int suspectsAt = out.indexOf("Leak suspects, most likely first:");
        int apartAt = out.indexOf("Large retainers that did not grow (not leak suspects):");
        assertTrue(suspectsAt >= 0 && apartAt > suspectsAt, out);
        assertTrue(out.indexOf(" 1. [growing-collection] Caffeine Cache at " + SESSIONS, suspectsAt) < apartAt, out);
        assertTrue(out.indexOf(CATALOG) > apartAt, "the price list only below its heading:\n" + out);

        PdfText pages = PdfText.of(pdf);
        String section = pages.pageWith("Large retainers that did not grow");
        assertTrue(PdfText.compact(section).contains(PdfText.compact(CATALOG)), section);
        assertTrue(PdfText.compact(pages.pageWith("Suspect 1:")).contains(PdfText.compact(SESSIONS)), pages.text());
        for (String page : pages.pageTexts()) {
            if (PdfText.compact(page).contains(PdfText.compact(CATALOG))) {
                assertTrue(page.contains("did not grow") && !page.contains("Suspect "), "apart only:\n" + page);
            }
        }
    }

    @Test
    void theGrowingTicketsArePlacedAtTheirFollowUpsWithTheirPathAndSamplesThere() {
        Suspect tickets = report.suspects().get(1);
        assertEquals(SuspectKind.GROWING_CLASS, tickets.kind(), tickets.title());
        assertEquals(FlatCatalogBesideALeak.Ticket.class.getName(), tickets.className());
        Long[] counts = Arrays.stream(FlatCatalogBesideALeak.FOLLOW_UPS)
                .mapToObj(followUps -> (long) FlatCatalogBesideALeak.ARCHIVED + followUps).toArray(Long[]::new);
        assertArrayEquals(counts, tickets.elements(), tickets.title());
        // Counted alone, most tickets are the archived ones: the key comes from where the count grew.
        Snapshot last = snapshots.get(snapshots.size() - 1);
        assertEquals(FOLLOW_UPS, tickets.pathKey(), tickets.title());
        assertFalse(tickets.samples().isEmpty(), tickets.title());
        for (String sample : tickets.samples()) {
            int instance = sampledObject(last, sample);
            assertEquals(tickets.className(), last.graph().classNameOf(instance), sample);
            assertEquals(FOLLOW_UPS, last.pathKeyOf(instance), sample);
        }
        int shown = sampledObject(last, tickets.samples().get(0));
        assertEquals(PathStepRows.of(last, last.pathToRoot(shown)), tickets.pathToRoot(), "the path is the sample's");
        assertEquals("followUp", tickets.pathToRoot().get(tickets.pathToRoot().size() - 2).edge(),
                tickets.pathToRoot().toString());
    }

    private static int sampledObject(Snapshot snapshot, String sample) {
        Matcher id = SAMPLE_ID.matcher(sample);
        assertTrue(id.find(), "no object id in sample " + sample);
        return snapshot.graph().findObjectById(ObjectIds.parse(id.group(1)));
    }

    private static Long[] perStep(int perStep) {
        return new Long[] {(long) perStep, 2L * perStep, 3L * perStep};
    }

    private static String titles() {
        return String.join("\n", report.suspects().stream().map(Suspect::title).toList()) + "\napart: "
                + report.largeRetainers().stream().map(Suspect::title).toList();
    }
}
