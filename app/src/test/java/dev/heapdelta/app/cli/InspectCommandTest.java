package dev.heapdelta.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.inspections.InspectionsProgram;
import dev.heapdelta.analyzer.inspections.V8PlantedSnapshots;
import dev.heapdelta.analyzer.testing.TestEnvironment;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code heapdelta inspect} over two JVM dumps with planted waste: JSON shapes, growth and redaction. */
class InspectCommandTest {
    @TempDir
    static Path directory;
    static Path few;
    static Path many;

    @BeforeAll
    static void dumpTwoMoments() throws Exception {
        few = directory.resolve("few.hprof");
        many = directory.resolve("many.hprof");
        InspectionsProgram.dumpTo(few, 1500);
        InspectionsProgram.dumpTo(many, 4000);
    }

    private static CliRun run(String... arguments) {
        List<String> args = new java.util.ArrayList<>(List.of("inspect"));
        args.addAll(List.of(arguments));
        args.addAll(List.of("--cache-dir", directory.resolve("cache").toString()));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static Map<String, Object> planted(List<Map<String, Object>> strings, boolean shown) {
        return strings.stream().filter(s -> shown ? s.get("value").equals(InspectionsProgram.DUPLICATE_VALUE)
                : ((String) s.get("value")).startsWith("‹string, " + InspectionsProgram.DUPLICATE_VALUE.length()
                        + " chars")).findFirst().orElseThrow(() -> new AssertionError(strings.toString()));
    }

    @Test
    void duplicateStringsShowTheirGrowthAndStayRedactedUnlessAskedFor() throws Exception {
        CliRun run = run(few.toString(), many.toString(), "strings", "--json", "-", "--top", "5");
        assertEquals(0, run.exitCode(), run.err());
        assertFalse(run.out().contains(InspectionsProgram.DUPLICATE_VALUE), "redacted by default");
        Map<String, Object> json = JsonDocuments.parse(run.out());
        assertEquals(List.of(few.toString(), many.toString()), json.get("snapshots"));
        Map<String, Object> row = planted(JsonDocuments.list(json, "strings"), false);
        assertEquals(4001L, row.get("count"));
        @SuppressWarnings("unchecked")
        Map<String, Object> series = (Map<String, Object>) row.get("series");
        assertEquals(List.of(1501L, 4001L), series.get("count"));
        for (String field : new String[] {"value", "count", "shallowBytes", "wastedBytes"}) {
            assertTrue(row.containsKey(field), field);
        }

        CliRun shown = run(many.toString(), "strings", "--json", "-", "--include-strings", "--top", "5");
        Map<String, Object> one = planted(JsonDocuments.list(JsonDocuments.parse(shown.out()), "strings"), true);
        assertEquals(4001L, one.get("count"));
        assertFalse(one.containsKey("series"), "one dump, no growth");
    }

    @Test
    void theTextSaysHowManyCopiesEachDumpHeld() {
        CliRun run = run(few.toString(), many.toString(), "strings", "--top", "1");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("1,501 → 4,001 count"), run.out());
    }

    @Test
    void everyKindWritesItsTables() throws Exception {
        Map<String, List<String>> tables = Map.of("collections", List.of("empty", "fillRatio"),
                "arrays", List.of("duplicates", "zeroFilled"), "classloaders", List.of("loaders", "duplicateClasses"),
                "packages", List.of("packages", "byLoader"));
        for (Map.Entry<String, List<String>> kind : tables.entrySet()) {
            CliRun run = run(few.toString(), kind.getKey(), "--json", "-");
            assertEquals(0, run.exitCode(), run.err());
            Map<String, Object> json = JsonDocuments.parse(run.out());
            for (String table : kind.getValue()) {
                assertFalse(JsonDocuments.list(json, table).isEmpty(), kind.getKey() + " " + table);
            }
        }
        Map<String, Object> empty = JsonDocuments.list(JsonDocuments.parse(run(few.toString(), "collections",
                "--json", "-", "--top", "1000").out()), "empty").stream().filter(e -> e.get("className")
                .equals(InspectionsProgram.PlantedEmptyList.class.getName())).findFirst().orElseThrow();
        assertEquals((long) InspectionsProgram.EMPTY_LISTS, empty.get("count"));
        assertEquals(InspectionsProgram.EMPTY_LISTS * InspectionsProgram.matShallowSize(java.util.ArrayList.class),
                empty.get("shallowBytes"));
    }

    @Test
    void anUnknownKindIsABadUsage() {
        CliRun run = run(few.toString(), "sockets");
        assertEquals(ExitCode.USAGE, run.exitCode());
        assertTrue(run.err().contains("unknown inspection 'sockets'"), run.err());
    }

    @Test
    void onV8SnapshotsStringsAndPackagesRunAndClassLoadersSayThereAreNone(@TempDir Path v8) throws Exception {
        TestEnvironment.requireNode();
        V8PlantedSnapshots.write(v8);
        String before = v8.resolve("before.heapsnapshot").toString();
        String after = v8.resolve("after.heapsnapshot").toString();
        CliRun strings = run(before, after, "strings", "--json", "-", "--include-strings", "--top", "100000");
        assertEquals(0, strings.exitCode(), strings.err());
        Map<String, Object> copies = JsonDocuments.list(JsonDocuments.parse(strings.out()), "strings").stream()
                .filter(s -> s.get("value").equals("planted-duplicate-value")).findFirst()
                .orElseThrow(() -> new AssertionError(strings.out()));
        @SuppressWarnings("unchecked")
        Map<String, Object> series = (Map<String, Object>) copies.get("series");
        assertEquals(java.util.Arrays.asList(null, (long) V8PlantedSnapshots.DUPLICATES), series.get("count"));

        CliRun packages = run(after, "packages", "--json", "-", "--top", "100000");
        assertEquals(0, packages.exitCode(), packages.err());
        assertTrue(JsonDocuments.list(JsonDocuments.parse(packages.out()), "packages").stream()
                .anyMatch(p -> p.get("name").equals("@planted/gadgets")), packages.out());

        for (String kind : new String[] {"classloaders", "arrays"}) {
            CliRun none = run(after, kind);
            assertEquals(1, none.exitCode(), none.err());
            assertTrue(none.err().contains("V8 heap snapshots have no class loaders")
                    || none.err().contains("V8 heap snapshots keep no array contents"), none.err());
            assertEquals(1, none.err().strip().lines().count(), none.err());
        }
    }
}
