package dev.heapdelta.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.testing.TestEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON contract of DESIGN.md §6, as scripts read it: field names, types and exit codes. */
class JsonContractTest {
    @TempDir
    Path dir;

    private static Path nodeSample(String moment) {
        return TestEnvironment.repositoryRoot().resolve("sample-dumps/node/leaks-" + moment + ".heapsnapshot.gz");
    }

    @Test
    void summaryJsonHasTheContractFields() throws IOException {
        Path out = dir.resolve("summary.json");
        CliRun run = CliRun.of("summary", nodeSample("t2").toString(), "--json", out.toString(), "--top", "5");
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        Map<String, Object> json = parse(out);
        for (String field : List.of("format", "file", "partial", "objects", "unreachableObjects", "classes", "gcRoots",
                "totalShallowBytes", "topClasses", "topDominators", "biggestObjects", "timingsMs")) {
            assertTrue(json.containsKey(field), "missing " + field + " in " + json.keySet());
        }
        assertEquals("v8", json.get("format"));
        assertEquals(nodeSample("t2").toString(), json.get("file"));
        assertFalse(json.containsKey("idSize"), "idSize is omitted for V8");
        List<?> classes = (List<?>) json.get("topClasses");
        assertEquals(5, classes.size());
        Map<?, ?> first = (Map<?, ?>) classes.get(0);
        for (String field : List.of("name", "key", "count", "shallowBytes", "retainedBytes")) {
            assertTrue(first.containsKey(field), field);
        }
        Map<?, ?> dominator = (Map<?, ?>) ((List<?>) json.get("topDominators")).get(0);
        assertTrue(((String) dominator.get("id")).startsWith("@"), dominator.toString());
        assertTrue(dominator.containsKey("pathToRoot"));
    }

    @Test
    void diffJsonHasSnapshotsClassesAndSuspectsInCommandLineOrder() throws IOException {
        CliRun run = CliRun.of("diff", nodeSample("t0").toString(), nodeSample("t2").toString(), "--json", "-");
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        Map<String, Object> json = parse(run.out());
        List<?> snapshots = (List<?>) json.get("snapshots");
        assertEquals(nodeSample("t0").toString(), ((Map<?, ?>) snapshots.get(0)).get("file"));
        Map<?, ?> suspect = (Map<?, ?>) ((List<?>) json.get("suspects")).get(0);
        for (String field : List.of("kind", "title", "className", "pathKey", "elements", "retainedBytes", "trend",
                "trendBasis", "pathToRoot", "samples", "locations", "evidence")) {
            assertTrue(suspect.containsKey(field), "missing " + field);
        }
        assertEquals("two-snapshots", suspect.get("trendBasis"));
        assertEquals(2, ((List<?>) suspect.get("elements")).size());
        Map<?, ?> someClass = (Map<?, ?>) ((List<?>) json.get("classes")).get(0);
        assertTrue(someClass.containsKey("new") && someClass.containsKey("deleted"), "V8 diffs count new and deleted");
    }

    @Test
    void growthBeyondTheThresholdExitsWithThree() {
        CliRun run = CliRun.of("diff", nodeSample("t0").toString(), nodeSample("t2").toString(), "--fail-on-growth",
                "100KB");
        assertEquals(ExitCode.GROWTH_THRESHOLD_EXCEEDED, run.exitCode(), run.err());
        assertTrue(run.err().contains("exceeds --fail-on-growth"), run.err());
    }

    @Test
    void growthWithinTheThresholdExitsWithZero() {
        CliRun run = CliRun.of("diff", nodeSample("t0").toString(), nodeSample("t2").toString(), "--fail-on-growth",
                "1GB");
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("Leak suspects"), run.out());
    }

    @Test
    void pathsForAClassMergesItsInstancesPaths() throws IOException {
        CliRun run = CliRun.of("paths", nodeSample("t2").toString(), "--class", "UserProfile", "--json", "-");
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        List<?> paths = (List<?>) parse(run.out()).get("paths");
        Map<?, ?> first = (Map<?, ?>) paths.get(0);
        assertEquals("Module(map-cache.js) › userCache › []", first.get("pathKey"));
        long total = 0;
        for (Object path : paths) {
            total += ((Number) ((Map<?, ?>) path).get("count")).longValue();
        }
        assertEquals(1700, total, "every UserProfile is on one of the merged paths");
    }

    @Test
    void unknownObjectIdIsAUsageError() {
        CliRun run = CliRun.of("paths", nodeSample("t0").toString(), "--object", "@999999999");
        assertEquals(ExitCode.USAGE, run.exitCode());
    }

    private static Map<String, Object> parse(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    private static Map<String, Object> parse(String text) throws IOException {
        return JsonDocuments.parse(text);
    }
}
