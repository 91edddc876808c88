package dev.heapdelta.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.heapdelta.app.codesites.LeakingShop;
import dev.heapdelta.app.pdf.PdfText;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code diff --classpath --sources}: the card says where the leak is filled, the JSON lists the sites. */
class CodeSitesCliTest {
    @TempDir
    static Path directory;

    static LeakingShop shop;

    @BeforeAll
    static void buildAndRunTheShop() throws Exception {
        shop = LeakingShop.build(directory);
    }

    @Test
    void cardSaysWhereTheMapIsFilledWithTheSourceLine() {
        CliRun run = CliRun.of("diff", dump(0), dump(1), dump(2), "--classpath", shop.classes.toString(),
                "--sources", shop.sources.toString());
        assertEquals(0, run.exitCode(), run.err());
        String frame = "OrderCache.remember(" + LeakingShop.fileOf("static-map") + ":"
                + LeakingShop.lineOf("static-map") + ")";
        assertTrue(run.out().contains("Filled at " + frame + ": Map.put"), run.out());
        assertTrue(run.out().contains(LeakingShop.lineOf("static-map") + " | " + LeakingShop.textOf("static-map")),
                run.out());
        assertTrue(run.out().contains("Inserted at 1 site, removed at 1"), run.out());
    }

    @Test
    void jsonCarriesTheCodeSitesOfEachSuspect() throws IOException {
        CliRun run = CliRun.of("diff", dump(0), dump(1), dump(2), "--classpath", shop.classes.toString(),
                "--json", "-");
        assertEquals(0, run.exitCode(), run.err());
        List<Map<String, String>> sites = codeSites(run.out());
        Map<String, String> expected = Map.of("className", "shop.Users", "method", "load",
                "file", LeakingShop.fileOf("guava"), "line", String.valueOf(LeakingShop.lineOf("guava")),
                "call", "Cache.put", "kind", "insert", "indirect", "false");
        assertTrue(sites.contains(expected), sites.toString());
    }

    @Test
    void summaryOfOneDumpWithSuspectsNamesTheCodeSitesToo() throws IOException {
        CliRun run = CliRun.of("summary", dump(2), "--suspects", "--classpath", shop.classes.toString(), "--json", "-");
        assertEquals(0, run.exitCode(), run.err());
        List<Map<String, String>> sites = codeSites(run.out());
        assertTrue(sites.stream().anyMatch(site -> site.get("file").equals(LeakingShop.fileOf("static-map"))
                && site.get("line").equals(String.valueOf(LeakingShop.lineOf("static-map")))), sites.toString());
    }

    @Test
    void classPathWithoutSuspectsIsAUsageError() {
        CliRun run = CliRun.of("summary", dump(2), "--classpath", shop.classes.toString());
        assertEquals(ExitCode.USAGE, run.exitCode());
        assertTrue(run.err().contains("add --suspects"), run.err());
    }

    @Test
    void pdfSuspectPageSaysWhereTheMapIsFilled() throws IOException {
        Path pdf = directory.resolve("report.pdf");
        CliRun run = CliRun.of("diff", dump(0), dump(1), dump(2), "--classpath", shop.classes.toString(),
                "--sources", shop.sources.toString(), "--pdf", pdf.toString());
        assertEquals(0, run.exitCode(), run.err());
        PdfText text = PdfText.of(pdf);
        String frame = "OrderCache.remember(" + LeakingShop.fileOf("static-map") + ":"
                + LeakingShop.lineOf("static-map") + ")";
        assertTrue(text.containsIgnoringWrapping("Filled at " + frame + ": Map.put"), text.text());
        assertTrue(text.containsIgnoringWrapping("Inserted at 2 sites, never removed"), text.text());
    }

    @Test
    void pdfSuspectPageShowsTheSchedulersWorkerThreadPathBesideItsStaticOne() throws IOException {
        Path pdf = directory.resolve("report-paths.pdf");
        CliRun run = CliRun.of("diff", dump(0), dump(1), dump(2), "--pdf", pdf.toString());
        assertEquals(0, run.exitCode(), run.err());
        PdfText text = PdfText.of(pdf);
        String page = PdfText.compact(text.pageWith("Also reached from"));
        assertTrue(page.contains(PdfText.compact("static Jobs.SCHEDULER")), page);
        assertTrue(page.contains("java.lang.Thread") && page.contains("DelayedWorkQueue"), page);
    }

    @Test
    void missingClassPathEntryIsAUsageErrorBeforeAnyDumpIsRead() {
        CliRun run = CliRun.of("diff", dump(0), dump(1), "--classpath", directory.resolve("nowhere.jar").toString());
        assertEquals(ExitCode.USAGE, run.exitCode());
        assertTrue(run.err().contains("nowhere.jar: no such file or directory"), run.err());
    }

    private static String dump(int index) {
        return shop.dumps.get(index).toString();
    }

    /** Every object of every {@code codeSites} array, its fields as text. */
    private static List<Map<String, String>> codeSites(String json) throws IOException {
        List<Map<String, String>> sites = new ArrayList<>();
        try (JsonParser parser = new JsonFactory().createParser(json)) {
            while (parser.nextToken() != null) {
                if (parser.currentToken() == JsonToken.FIELD_NAME && "codeSites".equals(parser.currentName())) {
                    parser.nextToken();
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        Map<String, String> site = new LinkedHashMap<>();
                        while (parser.nextToken() == JsonToken.FIELD_NAME) {
                            String name = parser.currentName();
                            parser.nextToken();
                            site.put(name, parser.getText());
                        }
                        sites.add(site);
                    }
                }
            }
        }
        return sites;
    }
}
