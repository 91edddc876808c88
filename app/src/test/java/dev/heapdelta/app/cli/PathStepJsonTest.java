package dev.heapdelta.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.testing.TestEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Path steps in the JSON carry {@code id}, {@code className}, {@code label} and {@code edge}, a class object
 * is labelled with the class whose static it holds, array steps keep their index while path keys keep
 * {@code []}; the text of {@code paths} names the declaring class, on the bundled Java example.
 */
class PathStepJsonTest {
    private static final Path T0 = TestEnvironment.repositoryRoot().resolve("sample-dumps/java/leaks-t0.hprof.gz");
    private static final Path T2 = TestEnvironment.repositoryRoot().resolve("sample-dumps/java/leaks-t2.hprof.gz");

    @Test
    @SuppressWarnings("unchecked")
    void suspectPathStepsNameTheClassThatDeclaresTheStatic() throws IOException {
        CliRun run = CliRun.of("diff", T0.toString(), T2.toString(), "--json", "-");
        assertEquals(0, run.exitCode(), run.err());
        Map<String, Object> first = (Map<String, Object>) ((List<Object>) JsonTrees.parse(run.out()).get("suspects"))
                .get(0);
        assertEquals("static SessionStore.CACHE", first.get("pathKey"));
        List<Map<String, Object>> steps = (List<Map<String, Object>>) first.get("pathToRoot");
        for (Map<String, Object> step : steps) {
            assertEquals(List.of("id", "className", "label", "edge"), List.copyOf(step.keySet()));
            assertTrue(((String) step.get("id")).startsWith("0x"), step.toString());
        }
        Map<String, Object> holder = steps.get(steps.size() - 2);
        assertEquals("java.lang.Class", holder.get("className"));
        assertEquals("class dev.heapdelta.samples.service.SessionStore", holder.get("label"));
        assertEquals("CACHE", holder.get("edge"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void arrayStepsKeepTheirIndexAndPathKeysTheirBrackets() throws IOException {
        CliRun run = CliRun.of("paths", T2.toString(), "--class", "dev.heapdelta.samples.service.Session", "--json",
                "-");
        assertEquals(0, run.exitCode(), run.err());
        Map<String, Object> path = (Map<String, Object>) ((List<Object>) JsonTrees.parse(run.out()).get("paths")).get(0);
        List<Map<String, Object>> steps = (List<Map<String, Object>>) path.get("steps");
        assertTrue(steps.stream().anyMatch(step -> ((String) step.get("edge")).matches("\\[\\d+\\]")),
                "an index step: " + steps);
        assertFalse(((String) path.get("pathKey")).matches(".*\\[\\d+\\].*"), (String) path.get("pathKey"));

        CliRun text = CliRun.of("paths", T2.toString(), "--class", "dev.heapdelta.samples.service.Session");
        assertTrue(text.out().contains("class dev.heapdelta.samples.service.SessionStore 0x"), text.out());
        assertFalse(text.out().contains("java.lang.Class 0x"), text.out());
    }

    @Test
    @SuppressWarnings("unchecked")
    void classPathsThatPrintAlikeAreMergedIntoOneWithTheCountTheSampleManifestGives() throws IOException {
        Map<String, Object> manifest = JsonTrees.parse(Files.readString(T2.resolveSibling("manifest.json")));
        Map<String, Object> sessions = ((List<Map<String, Object>>) manifest.get("patterns")).stream()
                .filter(p -> "session-cache".equals(p.get("pattern"))).findFirst().orElseThrow();
        long expected = ((Number) ((List<Object>) sessions.get("elements")).get(2)).longValue();

        CliRun run = CliRun.of("paths", T2.toString(), "--class", "dev.heapdelta.samples.service.Session", "--json",
                "-");
        assertEquals(0, run.exitCode(), run.err());
        List<Map<String, Object>> paths = (List<Map<String, Object>>) JsonTrees.parse(run.out()).get("paths");
        List<Object> keys = paths.stream().map(p -> p.get("pathKey")).toList();
        assertEquals(keys.size(), new java.util.HashSet<>(keys).size(), "each path once: " + keys);
        Map<String, Object> cache = paths.stream()
                .filter(p -> ((String) p.get("pathKey")).startsWith((String) sessions.get("pathKey"))).findFirst()
                .orElseThrow();
        assertEquals(expected, ((Number) cache.get("count")).longValue());

        CliRun text = CliRun.of("paths", T2.toString(), "--class", "dev.heapdelta.samples.service.Session");
        String header = cache.get("pathKey") + "  (" + String.format(java.util.Locale.ROOT, "%,d", expected) + " objects)";
        assertEquals(1, text.out().lines().filter(header::equals).count(), text.out());
    }
}
