package dev.heapdelta.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.query.PathExclusionsProgram;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code heapdelta paths --exclude}, text and JSON, on a dump of {@link PathExclusionsProgram} (a child
 * JVM): objects held both through a weak or soft reference or a field and through a longer strong chain.
 */
class PathsExcludeCliTest {
    private static final String PROGRAM = PathExclusionsProgram.class.getName();

    @TempDir
    static Path directory;
    static String dump;

    @BeforeAll
    static void dump() throws Exception {
        Path file = directory.resolve("exclusions.hprof");
        PathExclusionsProgram.dumpTo(file);
        dump = file.toString();
    }

    @Test
    void byDefaultThePathAvoidsTheWeakReferenceAndWithNoneItGoesThroughIt() {
        CliRun defaults = CliRun.of("paths", dump, "--class", PROGRAM + "$WeakTarget", "--no-index-cache");
        assertEquals(0, defaults.exitCode(), defaults.err());
        assertFalse(defaults.out().contains("java.lang.ref.WeakReference"), defaults.out());
        assertTrue(defaults.out().contains(PROGRAM + "$Link"), defaults.out());
        assertFalse(defaults.out().contains("Excluded:"), "the default prints as before: " + defaults.out());

        CliRun none = CliRun.of("paths", dump, "--class", PROGRAM + "$WeakTarget", "--exclude", "none",
                "--no-index-cache");
        assertEquals(0, none.exitCode(), none.err());
        assertTrue(none.out().startsWith("Excluded: no referents\n"), none.out());
        assertTrue(none.out().contains("java.lang.ref.WeakReference 0x"), none.out());
        assertTrue(none.out().contains(".referent"), none.out());
        assertFalse(none.out().contains(PROGRAM + "$Link"), none.out());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theJsonEchoesTheExclusionsAndItsPathsAvoidExactlyThem() throws IOException {
        CliRun soft = CliRun.of("paths", dump, "--class", PROGRAM + "$SoftTarget", "--exclude", "weak", "--exclude",
                "java.lang.Thread:<locals>", "--exclude", "root:JNI Global", "--json", "-", "--no-index-cache");
        assertEquals(0, soft.exitCode(), soft.err());
        Map<String, Object> json = JsonTrees.parse(soft.out());
        assertEquals(Map.of("references", List.of("weak"), "fields", List.of("java.lang.Thread:<locals>"),
                "roots", List.of("JNI Global")), json.get("excluded"));
        List<String> softClasses = classesOfFirstPath(json);
        assertEquals(List.of("java.lang.ref.SoftReference", PROGRAM + "$SoftTarget"),
                softClasses.subList(softClasses.size() - 2, softClasses.size()), "soft references are followed");

        CliRun weak = CliRun.of("paths", dump, "--class", PROGRAM + "$WeakTarget", "--exclude", "weak", "--json", "-",
                "--no-index-cache");
        List<String> weakClasses = classesOfFirstPath(JsonTrees.parse(weak.out()));
        assertFalse(weakClasses.contains("java.lang.ref.WeakReference"), weakClasses.toString());
        assertEquals(PROGRAM + "$Link", weakClasses.get(weakClasses.size() - 2));

        CliRun defaults = CliRun.of("paths", dump, "--class", PROGRAM + "$WeakTarget", "--json", "-",
                "--no-index-cache");
        assertEquals(Map.of("references", List.of("weak", "soft", "phantom", "finalizer"), "fields", List.of(),
                "roots", List.of()), JsonTrees.parse(defaults.out()).get("excluded"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anExcludedFieldIsGoneAround() throws IOException {
        CliRun direct = CliRun.of("paths", dump, "--class", PROGRAM + "$FieldTarget", "--json", "-", "--no-index-cache");
        List<Map<String, Object>> directSteps = stepsOfFirstPath(JsonTrees.parse(direct.out()));
        assertEquals("direct", directSteps.get(directSteps.size() - 2).get("edge"));

        CliRun around = CliRun.of("paths", dump, "--class", PROGRAM + "$FieldTarget", "--exclude",
                PROGRAM + "$Shortcut:direct", "--json", "-", "--no-index-cache");
        assertEquals(0, around.exitCode(), around.err());
        List<Map<String, Object>> steps = stepsOfFirstPath(JsonTrees.parse(around.out()));
        assertTrue(steps.stream().noneMatch(step -> "direct".equals(step.get("edge"))), steps.toString());
        assertEquals("aroundShortcut", steps.get(steps.size() - 2 - PathExclusionsProgram.CHAIN).get("edge"));
    }

    @Test
    void aRootKindExcludedLeavesTheFrameLocalWithoutAPath() {
        CliRun run = CliRun.of("paths", dump, "--class", PROGRAM + "$LocalTarget", "--exclude", "root:java local",
                "--no-index-cache");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("Excluded: weak, soft, phantom, finalizer referents; roots Java Local\n" + PROGRAM
                + "$LocalTarget is not reachable from a GC root without the excluded references.\n", run.out());
    }

    @Test
    void aWrongExclusionIsABadUsageInOneLineAndTheHelpShowsExamples() {
        CliRun run = CliRun.of("paths", dump, "--class", PROGRAM + "$LocalTarget", "--exclude", "root:Android Binder");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("heapdelta: --exclude: no GC root kind 'Android Binder'; the kinds are Unknown, JNI Global"),
                run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        CliRun help = CliRun.of("paths", "--help");
        assertTrue(help.out().contains("--exclude 'java.lang.Thread:<locals>' --exclude 'root:JNI Global'"), help.out());
        assertTrue(help.out().contains("--exclude none"), help.out());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> stepsOfFirstPath(Map<String, Object> json) {
        List<Map<String, Object>> paths = (List<Map<String, Object>>) json.get("paths");
        assertEquals(1, paths.size(), paths.toString());
        return (List<Map<String, Object>>) paths.get(0).get("steps");
    }

    private static List<String> classesOfFirstPath(Map<String, Object> json) {
        return stepsOfFirstPath(json).stream().map(step -> (String) step.get("className")).toList();
    }
}
