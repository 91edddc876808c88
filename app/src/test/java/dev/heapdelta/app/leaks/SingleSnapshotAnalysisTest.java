package dev.heapdelta.app.leaks;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import dev.heapdelta.samples.Examples;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One dump analysed on its own, as MAT's Leak Suspects report does: on the last dump of the bundled
 * Java example, the sample service's own leaks are the largest retainers, each with the container
 * it sits on and that container's exact entry count (the generator's rules: sample-dumps/java);
 * and on a real JVM that redeployed a plugin through URLClassLoaders, its classes are duplicates.
 */
class SingleSnapshotAnalysisTest {
    @TempDir
    Path dir;

    @Test
    void largestRetainersOfTheExamplesLastDumpNameTheirContainerAndItsEntries() throws Exception {
        List<Path> dumps = Examples.copyTo(Examples.Platform.JAVA, dir);
        try (Snapshot last = load(dumps.get(dumps.size() - 1))) {
            DiffReport report = DiffReports.of(List.of(last), false);
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
            assertTrue(suspects.get(0).evidence().get(0).name()
                    .equals("accumulation point: java.util.HashMap$Node[] at static SessionStore.CACHE › []"),
                    suspects.get(0).evidence().toString());
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
    }

    @Test
    void pluginRedeployedTwelveTimesIsOneDuplicateClassFindingWithTwelveLoaders() throws Exception {
        Path dump = dir.resolve("plugins.hprof");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx64m", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), RedeployedPlugins.class.getName(), dump.toString(), "12")
                .redirectErrorStream(true).redirectOutput(dir.resolve("plugins.log").toFile()).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the plugin host did not finish");
        assertEquals(0, process.exitValue(), "the plugin host failed; see " + dir.resolve("plugins.log"));
        try (Snapshot snapshot = load(dump)) {
            List<Suspect> duplicates = DiffReports.of(List.of(snapshot), false).suspects().stream()
                    .filter(s -> s.kind() == SuspectKind.DUPLICATE_CLASS).toList();
            assertEquals(1, duplicates.size(), duplicates.toString());
            Suspect plugin = duplicates.get(0);
            assertEquals("12 copies of dev.heapdelta.app.leaks.plugin.MetricsFormat and of 1 more classes under 12"
                    + " URLClassLoader loaders", plugin.title());
            assertEquals(12L, plugin.elements()[0]);
            assertEquals(List.of("dev.heapdelta.app.leaks.plugin.MetricsFormat",
                    "dev.heapdelta.app.leaks.plugin.MetricsHandler"),
                    plugin.evidence().stream().map(Evidence::name).toList());
            assertTrue(plugin.pathKey().startsWith("static RedeployedPlugins.REGISTRY"), plugin.pathKey());
        }
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
