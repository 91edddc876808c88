package dev.heapdelta.app.leaks.library;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin redeployed through real URLClassLoaders, five times between dumps, each deploy's handler
 * kept in a static list: one classloader-leak row with the live loaders per snapshot and the path
 * that keeps the oldest alive; the loaders' own lock maps and class lists are no rows.
 */
class PluginRedeploysTest {
    @TempDir
    static Path dumps;

    static List<Snapshot> snapshots = new ArrayList<>();
    static DiffReport report;

    @BeforeAll
    static void redeployInAChildJvmAndDiffItsDumps() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx64m", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), PluginRedeploys.class.getName(), dumps.toString())
                .redirectErrorStream(true).redirectOutput(dumps.resolve("host.log").toFile()).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the plugin host did not finish");
        assertEquals(0, process.exitValue(), "the plugin host failed; see " + dumps.resolve("host.log"));
        for (int round = 0; round < PluginRedeploys.ROUNDS; round++) {
            Path file = dumps.resolve("plugins-t" + round + ".hprof");
            snapshots.add(SnapshotLoader.load(file, file.toString(), AnalysisOptions.defaults().withIndexCache(false),
                    CancelSignal.NEVER, ProgressListener.NONE));
        }
        report = DiffReports.of(snapshots, false);
    }

    @AfterAll
    static void close() throws Exception {
        for (Snapshot snapshot : snapshots) {
            snapshot.close();
        }
    }

    @Test
    void redeployedPluginIsOneClassLoaderLeakWithTheLiveLoadersPerSnapshot() {
        List<Suspect> leaks = report.suspects().stream().filter(s -> s.kind() == SuspectKind.CLASSLOADER_LEAK).toList();
        assertEquals(1, leaks.size(), titles());
        Suspect leak = leaks.get(0);
        assertEquals(0, report.suspects().indexOf(leak), "the first row: " + titles());
        assertEquals("15 copies of dev.heapdelta.app.leaks.plugin.MetricsFormat and of 1 more classes under 15 "
                + "URLClassLoader loaders, +5 per snapshot", leak.title());
        assertArrayEquals(new Long[] {5L, 10L, 15L}, leak.elements());
        assertEquals(List.of("dev.heapdelta.app.leaks.plugin.MetricsFormat", "dev.heapdelta.app.leaks.plugin.MetricsHandler",
                "held by static PluginRedeploys.HANDLERS"),
                leak.evidence().stream().map(Evidence::name).toList());
        assertTrue(leak.pathKey().startsWith("static PluginRedeploys.HANDLERS"), leak.pathKey());
        assertEquals("java.net.URLClassLoader", leak.pathToRoot().get(leak.pathToRoot().size() - 1).className());
    }

    @Test
    void theLoadersOwnMapsAndListsAreNoRows() {
        for (Suspect suspect : report.suspects()) {
            assertTrue(!suspect.pathKey().contains("parallelLockMap") && !suspect.pathKey().contains("package2certs")
                    && !suspect.pathKey().contains("classes"), suspect.title());
        }
    }

    private static String titles() {
        return String.join("\n", report.suspects().stream().map(Suspect::title).toList());
    }
}
