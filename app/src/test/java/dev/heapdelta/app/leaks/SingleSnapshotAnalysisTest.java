package dev.heapdelta.app.leaks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.analysis.AnalysisOptions;
import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.analysis.SnapshotLoader;
import dev.heapdelta.analyzer.leaks.Evidence;
import dev.heapdelta.analyzer.leaks.Suspect;
import dev.heapdelta.analyzer.leaks.SuspectKind;
import dev.heapdelta.analyzer.report.DiffReport;
import dev.heapdelta.analyzer.report.DiffReports;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.ProgressListener;
import dev.heapdelta.app.cli.CliRun;
import dev.heapdelta.app.cli.ExitCode;
import dev.heapdelta.app.cli.JsonDocuments;
import dev.heapdelta.app.pdf.PdfText;
import dev.heapdelta.app.testing.DumpingProgram;
import dev.heapdelta.samples.Examples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One dump analysed on its own, as MAT's Leak Suspects report does: on the last dump of the bundled
 * Java example, the sample service's own leaks are the largest retainers, each with the container
 * it sits on and that container's exact entry count (the generator's rules: sample-dumps/java), and
 * an accumulation point on a container's table is that container with those entries, as in a series;
 * the CLI's JSON, {@code summary --suspects} and the PDF carry them in the suspect shape of a series.
 * And on a real JVM that redeployed a plugin through URLClassLoaders, its classes are duplicates.
 */
@SuppressWarnings("unchecked")
class SingleSnapshotAnalysisTest {
    /** Fields a suspect has only when they apply: a second path, a cache's bounds, code sites, a baseline. */
    private static final Set<String> OPTIONAL_FIELDS = Set.of("otherPaths", "cacheMaximum", "cacheWeight", "note",
            "codeSites", "objectIds", "inBaseline");

    @TempDir
    static Path dir;
    static List<Path> dumps;
    static Snapshot last;
    static DiffReport report;

    @BeforeAll
    static void analyseTheExamplesLastDumpAlone() throws Exception {
        dumps = Examples.copyTo(Examples.Platform.JAVA, dir.resolve("example"));
        last = load(dumps.get(dumps.size() - 1));
        report = DiffReports.of(List.of(last), false);
    }

    @AfterAll
    static void close() throws Exception {
        last.close();
    }

    @Test
    void largestRetainersOfTheExamplesLastDumpNameTheirContainerAndItsEntries() {
        assertEquals("single-snapshot", report.trendBasis());
        assertTrue(report.largeRetainers().isEmpty());
        List<Suspect> suspects = report.suspects();
        assertEquals(List.of("static SessionStore.CACHE", "static UserCache.CACHE › []", "static WorkQueue.PENDING"),
                suspects.stream().filter(s -> s.kind() == SuspectKind.LARGE_RETAINER).map(Suspect::pathKey)
                        .toList());
        assertContainer(suspects.get(0), "HashMap at static SessionStore.CACHE", 6_000);
        assertContainer(suspects.get(1), "Guava Cache at static UserCache.CACHE", 2_400);
        assertContainer(suspects.get(2), "ArrayDeque at static WorkQueue.PENDING", 3_000);
        assertEquals("java.util.HashMap at static SessionStore.CACHE retains 46% of the heap (4.3 MB) in 6,000 entries",
                suspects.get(0).title());
        Suspect listeners = suspects.get(3);
        assertEquals(SuspectKind.LARGE_COLLECTION, listeners.kind());
        assertEquals("static EventBus.LISTENERS", listeners.pathKey());
        assertEquals(1_500L, listeners.elements()[0]);
        for (Suspect suspect : suspects) {
            assertEquals("single-snapshot", suspect.trendBasis(), suspect.title());
            assertTrue(!suspect.pathKey().startsWith("JNI Global"), "a class loader's list is no finding: "
                    + suspect.title());
        }
        assertEquals(0, suspects.stream().filter(s -> s.kind() == SuspectKind.DUPLICATE_CLASS).count(),
                "the sample service loads each class once");
    }

    @Test
    void anAccumulationPointOnAMapsTableIsTheMapCountingItsEntriesNotTheObjectsItDominates() {
        Suspect sessions = report.suspects().get(0);
        Evidence point = sessions.evidence().get(0);
        assertEquals("accumulation point: java.util.HashMap at static SessionStore.CACHE", point.name(),
                sessions.evidence().toString());
        assertEquals(6_000L, point.count()[0], "the map's entries, as its container line says");
        assertEquals(sessions.retainedBytes()[0], point.retainedBytes()[0], "the map itself");
        for (Suspect retainer : report.suspects()) {
            if (retainer.kind() == SuspectKind.LARGE_RETAINER) {
                assertFalse(retainer.evidence().get(0).name().contains("$Node[]"),
                        "no table is a point: " + retainer.evidence());
            }
        }
    }

    @Test
    void diffOfOneDumpWritesTheSuspectShapeOfASeriesWithTheSingleSnapshotBasis() throws Exception {
        String lastDump = dumps.get(dumps.size() - 1).toString();
        Map<String, Object> one = json("diff", lastDump, "--json", "-", "--no-index-cache");
        Map<String, Object> series = json("diff", dumps.get(0).toString(), dumps.get(1).toString(), lastDump, "--json",
                "-", "--no-index-cache");
        assertEquals("single-snapshot", one.get("trendBasis"));
        assertEquals(series.keySet(), one.keySet(), "the same document");
        List<Map<String, Object>> suspects = (List<Map<String, Object>>) one.get("suspects");
        assertEquals(report.suspects().stream().map(Suspect::pathKey).toList(),
                suspects.stream().map(s -> s.get("pathKey")).toList());
        Set<String> seriesShape = shape(((List<Map<String, Object>>) series.get("suspects")).get(0));
        for (Map<String, Object> suspect : suspects) {
            assertEquals(seriesShape, shape(suspect), (String) suspect.get("title"));
            assertEquals("single-snapshot", suspect.get("trendBasis"), (String) suspect.get("title"));
            assertEquals(1, ((List<Object>) suspect.get("elements")).size(), (String) suspect.get("title"));
            assertEquals(1, ((List<Object>) suspect.get("retainedBytes")).size(), (String) suspect.get("title"));
        }
        Map<String, Object> point = ((List<Map<String, Object>>) suspects.get(0).get("evidence")).get(0);
        assertEquals("accumulation point: java.util.HashMap at static SessionStore.CACHE", point.get("name"));
        assertEquals(6_000L, ((Number) ((List<Object>) point.get("count")).get(0)).longValue());

        Map<String, Object> summary = json("summary", lastDump, "--suspects", "--json", "-", "--no-index-cache");
        assertEquals(suspects, summary.get("suspects"), "summary --suspects: the same suspects");
    }

    @Test
    void thePdfOfOneDumpHasASuspectSectionPerFindingWithItsContainerAndNoTrend() throws Exception {
        Path pdf = dir.resolve("one.pdf");
        CliRun run = CliRun.of("diff", dumps.get(dumps.size() - 1).toString(), "--pdf", pdf.toString(),
                "--no-index-cache");
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        PdfText text = PdfText.of(pdf);
        String first = PdfText.compact(text.pageWith("Suspect 1:"));
        for (String expected : new String[] {report.suspects().get(0).title(), "static SessionStore.CACHE",
            "one dump: sizes only, no trend", "accumulation point: java.util.HashMap at static SessionStore.CACHE",
            "HashMap at static SessionStore.CACHE: entries", "6,000"}) {
            assertTrue(first.contains(PdfText.compact(expected)), expected + " not in\n" + first);
        }
        assertFalse(first.contains(PdfText.compact("$Node[]")), first);
        String collection = PdfText.compact(text.pageWith("Suspect 4:"));
        assertTrue(collection.contains(PdfText.compact("static EventBus.LISTENERS")), collection);
    }

    @Test
    void pluginRedeployedTwelveTimesIsOneDuplicateClassFindingWithTwelveLoaders() throws Exception {
        Path plugins = dir.resolve("plugins");
        Files.createDirectories(plugins);
        DumpingProgram.run(RedeployedPlugins.class.getName(), "64m", 60, plugins, plugins.resolve("host.log"));
        try (Snapshot snapshot = load(plugins.resolve(RedeployedPlugins.DUMP))) {
            List<Suspect> duplicates = DiffReports.of(List.of(snapshot), false).suspects().stream()
                    .filter(s -> s.kind() == SuspectKind.DUPLICATE_CLASS).toList();
            assertEquals(1, duplicates.size(), duplicates.toString());
            Suspect plugin = duplicates.get(0);
            assertEquals(RedeployedPlugins.COPIES + " copies of dev.heapdelta.app.leaks.plugin.MetricsFormat and of 1"
                    + " more classes under " + RedeployedPlugins.COPIES + " URLClassLoader loaders", plugin.title());
            assertEquals((long) RedeployedPlugins.COPIES, plugin.elements()[0]);
            assertEquals(List.of("dev.heapdelta.app.leaks.plugin.MetricsFormat",
                    "dev.heapdelta.app.leaks.plugin.MetricsHandler"),
                    plugin.evidence().stream().map(Evidence::name).toList());
            assertTrue(plugin.pathKey().startsWith("static RedeployedPlugins.REGISTRY"), plugin.pathKey());
        }
    }

    private static Map<String, Object> json(String... args) throws Exception {
        CliRun run = CliRun.of(args);
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        return JsonDocuments.parse(run.out());
    }

    private static Set<String> shape(Map<String, Object> suspect) {
        Set<String> fields = new HashSet<>(suspect.keySet());
        fields.removeAll(OPTIONAL_FIELDS);
        return fields;
    }

    private static void assertContainer(Suspect retainer, String container, long entries) {
        Evidence found = retainer.evidence().stream().filter(e -> e.name().startsWith(container + ":")).findFirst()
                .orElseThrow(() -> new AssertionError(container + " not in " + retainer.evidence()));
        assertEquals(entries, found.count()[0], container);
    }

    private static Snapshot load(Path file) throws Exception {
        return SnapshotLoader.load(file, file.getFileName().toString(), AnalysisOptions.defaults(), CancelSignal.NEVER,
                ProgressListener.NONE);
    }
}
