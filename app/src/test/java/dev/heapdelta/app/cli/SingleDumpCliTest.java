package dev.heapdelta.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.app.pdf.PdfText;
import dev.heapdelta.samples.Examples;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code diff} given one dump, and {@code summary --suspects}, analyse it on its own: the same
 * suspects, in the suspect shape of a diff, with {@code "trendBasis":"single-snapshot"}, in the JSON,
 * the text and the PDF. The bundled example's last dump holds 6,000 sessions (its generator's rule).
 */
@SuppressWarnings("unchecked")
class SingleDumpCliTest {
    @TempDir
    static Path dir;
    static String lastDump;

    @BeforeAll
    static void copyTheExample() throws Exception {
        List<Path> dumps = Examples.copyTo(Examples.Platform.JAVA, dir.resolve("dumps"));
        lastDump = dumps.get(dumps.size() - 1).toString();
    }

    @Test
    void diffOfOneDumpListsItsLargestRetainersAsSingleSnapshotSuspects() throws Exception {
        CliRun run = CliRun.of("diff", lastDump, "--json", "-");
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        Map<String, Object> json = JsonDocuments.parse(run.out());
        assertEquals("single-snapshot", json.get("trendBasis"));
        assertEquals(1, ((List<Object>) json.get("snapshots")).size());
        assertEquals(List.of(), json.get("largeRetainers"));
        List<Map<String, Object>> suspects = (List<Map<String, Object>>) json.get("suspects");
        Map<String, Object> first = suspects.get(0);
        assertEquals("large-retainer", first.get("kind"));
        assertEquals("static SessionStore.CACHE", first.get("pathKey"));
        assertEquals(1, ((List<Object>) first.get("retainedBytes")).size());
        assertTrue(((String) first.get("title")).endsWith("in 6,000 entries"), (String) first.get("title"));
        for (Map<String, Object> suspect : suspects) {
            assertEquals("single-snapshot", suspect.get("trendBasis"), (String) suspect.get("title"));
        }
    }

    @Test
    void summaryWithSuspectsCarriesTheSameSuspectsAsDiffOfOneDump() throws Exception {
        CliRun summary = CliRun.of("summary", lastDump, "--suspects", "--json", "-");
        CliRun diff = CliRun.of("diff", lastDump, "--json", "-");
        assertEquals(ExitCode.OK, summary.exitCode(), summary.err());
        Map<String, Object> fromSummary = JsonDocuments.parse(summary.out());
        assertEquals(JsonDocuments.parse(diff.out()).get("suspects"), fromSummary.get("suspects"));
        assertTrue(fromSummary.containsKey("topDominators"), "the summary's own fields stay");
        assertFalse(JsonDocuments.parse(CliRun.of("summary", lastDump, "--json", "-").out()).containsKey("suspects"),
                "without --suspects the summary is as before");
    }

    @Test
    void textAndPdfOfOneDumpSayItIsOneDumpAndNameTheLargestRetainer() throws Exception {
        Path pdf = dir.resolve("one.pdf");
        CliRun run = CliRun.of("diff", lastDump, "--pdf", pdf.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("One snapshot: its largest retainers, collections and duplicate classes"),
                run.out());
        assertTrue(run.out().contains(" 1. [large-retainer] java.util.HashMap at static SessionStore.CACHE retains"),
                run.out());
        PdfText text = PdfText.of(pdf);
        assertTrue(text.containsIgnoringWrapping("HeapDelta analysed one heap dump"), text.text());
        assertTrue(text.containsIgnoringWrapping("static SessionStore.CACHE"), text.text());
    }
}
