package dev.heapdelta.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.testing.TestEnvironment;
import dev.heapdelta.app.pdf.PdfText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** {@code diff --write-baseline} and {@code --baseline} on the bundled Java example (three dumps of a leaking service). */
class BaselineCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static Path baseline;
    static JsonNode report;

    private static String[] dumps() {
        Path samples = TestEnvironment.repositoryRoot().resolve("sample-dumps/java");
        return new String[] {samples.resolve("leaks-t0.hprof.gz").toString(),
            samples.resolve("leaks-t1.hprof.gz").toString(), samples.resolve("leaks-t2.hprof.gz").toString()};
    }

    private static CliRun diff(String... options) {
        List<String> args = new ArrayList<>(List.of("diff"));
        args.addAll(List.of(dumps()));
        args.addAll(List.of(options));
        return CliRun.of(args.toArray(String[]::new));
    }

    @BeforeAll
    static void writeTheBaselineOfTheExample() throws IOException {
        baseline = dir.resolve("heapdelta-baseline.json");
        Path json = dir.resolve("report.json");
        CliRun run = diff("--write-baseline", baseline.toString(), "--json", json.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        report = JSON.readTree(json.toFile());
    }

    @Test
    void theBaselineHoldsEachSuspectsKindAndPathKeyAndNothingElseReadableByItsOwnerOnly() throws IOException {
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(baseline)));
        JsonNode file = JSON.readTree(baseline.toFile());
        assertEquals(1, file.get("heapdeltaBaseline").asInt());
        Set<String> written = new TreeSet<>();
        for (JsonNode entry : file.get("suspects")) {
            assertEquals(Set.of("kind", "pathKey"), fieldNames(entry), entry.toString());
            written.add(entry.get("kind").asString() + " " + entry.get("pathKey").asString());
        }
        assertEquals(identities(report), written);
        assertFalse(written.isEmpty(), "the example leaks");
        String text = Files.readString(baseline);
        assertFalse(text.contains("retained") || text.contains("elements") || text.contains("samples"), text);
    }

    @Test
    void withoutABaselineSuspectsSayNothingAboutOne() {
        for (JsonNode suspect : report.get("suspects")) {
            assertFalse(suspect.has("inBaseline"), suspect.get("pathKey").toString());
        }
    }

    @Test
    void knownSuspectsAreMarkedAndDoNotTripTheGrowthThreshold() throws IOException {
        Path json = dir.resolve("known.json");
        Path pdf = dir.resolve("known.pdf");
        CliRun run = diff("--baseline", baseline.toString(), "--fail-on-growth", "1KB", "--json", json.toString(),
                "--pdf", pdf.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        for (JsonNode suspect : JSON.readTree(json.toFile()).get("suspects")) {
            assertTrue(suspect.get("inBaseline").asBoolean(), suspect.toString());
        }
        String text = PdfText.of(pdf).text();
        assertTrue(text.contains("in the baseline: a known suspect"), "the PDF says so");
        assertFalse(text.contains("not in the baseline"));

        CliRun table = diff("--baseline", baseline.toString());
        assertTrue(table.out().lines().filter(line -> line.matches(" ?\\d+\\. .*")).allMatch(
                line -> line.endsWith("(in baseline)")), table.out());
    }

    @Test
    void aSuspectMissingFromTheBaselineStillFailsWithExitCode3() throws IOException {
        JsonNode first = report.get("suspects").get(0);
        String firstIdentity = first.get("kind").asString() + " " + first.get("pathKey").asString();
        Path partial = dir.resolve("partial-baseline.json");
        StringBuilder kept = new StringBuilder("{\"heapdeltaBaseline\":1,\"suspects\":[");
        String separator = "";
        for (JsonNode entry : JSON.readTree(baseline.toFile()).get("suspects")) {
            if (!(entry.get("kind").asString() + " " + entry.get("pathKey").asString()).equals(firstIdentity)) {
                kept.append(separator).append(entry);
                separator = ",";
            }
        }
        Files.writeString(partial, kept.append("]}"));
        Path json = dir.resolve("new.json");
        CliRun run = diff("--baseline", partial.toString(), "--fail-on-growth", "1KB", "--json", json.toString());
        assertEquals(ExitCode.GROWTH_THRESHOLD_EXCEEDED, run.exitCode(), run.err());
        assertTrue(run.err().contains(first.get("title").asString()), run.err());
        JsonNode suspects = JSON.readTree(json.toFile()).get("suspects");
        assertFalse(suspects.get(0).get("inBaseline").asBoolean());
        for (int i = 1; i < suspects.size(); i++) {
            assertTrue(suspects.get(i).get("inBaseline").asBoolean(), suspects.get(i).toString());
        }
    }

    @Test
    void aFileThatIsNotABaselineIsABadUsageInOneLine() throws IOException {
        Path notBaseline = dir.resolve("not-a-baseline.json");
        Files.writeString(notBaseline, "{\"suspects\":[]}");
        CliRun run = diff("--baseline", notBaseline.toString());
        assertEquals(ExitCode.USAGE, run.exitCode());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("not a baseline file"), run.err());
    }

    static Set<String> identities(JsonNode diffReport) {
        Set<String> identities = new TreeSet<>();
        for (JsonNode suspect : diffReport.get("suspects")) {
            identities.add(suspect.get("kind").asString() + " " + suspect.get("pathKey").asString());
        }
        return identities;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
