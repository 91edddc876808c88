package dev.heapdelta.app.leaks.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.heapdelta.analyzer.analysis.AnalysisOptions;
import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.leaks.Suspect;
import dev.heapdelta.analyzer.report.DiffReport;
import dev.heapdelta.analyzer.report.DiffReports;
import dev.heapdelta.analyzer.report.SuspectText;
import dev.heapdelta.app.cli.HeapDeltaCommand;
import dev.heapdelta.app.pdf.PdfText;
import dev.heapdelta.app.testing.DumpingProgram;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A Guava and a Caffeine cache filling to 95% of their {@code maximumSize} while a map beside them leaks
 * ({@link NearlyFullCaches}, in a child JVM): the map is the one suspect, and each cache is listed apart
 * with its maximum and its weight as the dump holds them, in the report, the text, the JSON and the PDF.
 */
class NearlyFullCachesTest {
    private static final String NOTE = "A cache with a configured maximum of 1,000, at 950 (95%): close to it.";

    @TempDir
    static Path dumps;

    static List<Snapshot> snapshots = new ArrayList<>();
    static DiffReport report;

    @BeforeAll
    static void fillTheCachesInAChildJvmAndDiffItsThreeDumps() throws Exception {
        DumpingProgram.run(NearlyFullCaches.class.getName(), "64m", 120, dumps, dumps.resolve("caches.log"));
        for (int moment = 0; moment < NearlyFullCaches.CACHED.length; moment++) {
            snapshots.addAll(DumpingProgram.load(List.of(dump(moment)), AnalysisOptions.defaults().withIndexCache(false)));
        }
        report = DiffReports.of(snapshots, false);
    }

    @AfterAll
    static void close() throws Exception {
        DumpingProgram.closeAll(snapshots);
    }

    @Test
    void theLeakingMapIsTheOneSuspectAndCarriesNoCacheNote() {
        assertEquals(1, report.suspects().size(), report.suspects().stream().map(Suspect::title).toList().toString());
        Suspect map = report.suspects().get(0);
        assertEquals("static NearlyFullCaches.ORDER_LOG", map.pathKey());
        assertEquals(List.of(200L, 600L, 1_000L), List.of(map.elements()));
        assertNull(SuspectText.cacheNote(map));
    }

    @Test
    void bothCachesAreListedApartWithTheirMaximumAndWeightFromTheDump() {
        List<String> keys = report.boundedCaches().stream().map(Suspect::pathKey).sorted().toList();
        assertEquals(List.of("static NearlyFullCaches.PRICES", "static NearlyFullCaches.TOKENS"), keys);
        for (Suspect cache : report.boundedCaches()) {
            assertEquals(NearlyFullCaches.MAXIMUM, cache.cacheBounds().maximum(), cache.pathKey());
            assertEquals(950, cache.cacheBounds().weight(), cache.pathKey());
            assertEquals(List.of(300L, 650L, 950L), List.of(cache.elements()), cache.pathKey());
            assertTrue(SuspectText.cacheNote(cache).startsWith(NOTE), SuspectText.cacheNote(cache));
        }
    }

    @Test
    void textCardSaysTheCacheIsCloseToItsMaximumUnderItsOwnHeading() {
        String out = cli("diff", dump(0).toString(), dump(1).toString(), dump(2).toString());
        int heading = out.indexOf("Caches that grew close to their configured maximum (not leak suspects):");
        assertTrue(heading > out.indexOf("Leak suspects, most likely first:"), out);
        String apart = out.substring(heading, out.indexOf("Snapshots:"));
        assertTrue(apart.contains("where: static NearlyFullCaches.PRICES"), apart);
        assertTrue(apart.contains("where: static NearlyFullCaches.TOKENS"), apart);
        assertEquals(2, apart.split("note: " + java.util.regex.Pattern.quote(NOTE), -1).length - 1, apart);
    }

    @Test
    void jsonListsTheCachesApartWithTheirMaximumWeightAndNote() throws Exception {
        Map<String, List<Map<String, String>>> json = topLevelArrays(cli("diff", dump(0).toString(),
                dump(1).toString(), dump(2).toString(), "--json", "-"));
        assertEquals(1, json.get("suspects").size());
        assertNull(json.get("suspects").get(0).get("note"));
        List<Map<String, String>> caches = json.get("boundedCaches");
        assertEquals(2, caches.size());
        for (Map<String, String> cache : caches) {
            assertEquals("1000", cache.get("cacheMaximum"), cache.toString());
            assertEquals("950", cache.get("cacheWeight"), cache.toString());
            assertTrue(cache.get("note").startsWith(NOTE), cache.toString());
        }
    }

    @Test
    void pdfHasASectionForTheCachesCloseToTheirMaximum() throws Exception {
        Path pdf = dumps.resolve("report.pdf");
        cli("diff", dump(0).toString(), dump(1).toString(), dump(2).toString(), "--pdf", pdf.toString());
        PdfText text = PdfText.of(pdf);
        String page = text.pageWith("Caches close to their maximum");
        assertTrue(PdfText.compact(page).contains(PdfText.compact("static NearlyFullCaches.PRICES")), page);
        assertTrue(PdfText.compact(page).contains(PdfText.compact("static NearlyFullCaches.TOKENS")), page);
        assertTrue(PdfText.compact(page).contains(PdfText.compact("950 (95%)")), page);
    }

    @Test
    void oneDumpShowsTheNoteOnTheCacheAmongItsLargestCollections() {
        DiffReport single = DiffReports.of(List.of(snapshots.get(2)), false);
        Suspect prices = single.suspects().stream()
                .filter(s -> "static NearlyFullCaches.PRICES".equals(s.pathKey())).findFirst().orElse(null);
        assertNotNull(prices, single.suspects().stream().map(Suspect::title).toList().toString());
        assertTrue(SuspectText.details(prices).stream().anyMatch(line -> line.startsWith("note: " + NOTE)),
                SuspectText.details(prices).toString());
    }

    /** Each top-level array of objects, its objects' scalar fields as text (nested values skipped). */
    private static Map<String, List<Map<String, String>>> topLevelArrays(String text) throws Exception {
        Map<String, List<Map<String, String>>> arrays = new LinkedHashMap<>();
        try (JsonParser parser = new JsonFactory().createParser(text)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                if (parser.nextToken() != JsonToken.START_ARRAY) {
                    parser.skipChildren();
                    continue;
                }
                List<Map<String, String>> objects = new ArrayList<>();
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    Map<String, String> fields = new LinkedHashMap<>();
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String field = parser.currentName();
                        JsonToken value = parser.nextToken();
                        if (value.isScalarValue()) {
                            fields.put(field, parser.getText());
                        } else {
                            parser.skipChildren();
                        }
                    }
                    objects.add(fields);
                }
                arrays.put(name, objects);
            }
        }
        return arrays;
    }

    private static Path dump(int moment) {
        return dumps.resolve("caches-t" + moment + ".hprof");
    }

    private static String cli(String... args) {
        StringWriter out = new StringWriter();
        CommandLine command = HeapDeltaCommand.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(new StringWriter(), true));
        int code = command.execute(args);
        assertEquals(0, code, out.toString());
        return out.toString();
    }
}
