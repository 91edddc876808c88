package dev.heapdelta.app.leaks.library;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.leaks.Evidence;
import dev.heapdelta.analyzer.leaks.Suspect;
import dev.heapdelta.analyzer.leaks.SuspectKind;
import dev.heapdelta.analyzer.report.DiffReport;
import dev.heapdelta.analyzer.report.DiffReports;
import dev.heapdelta.app.testing.DumpingProgram;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        DumpingProgram.run(PluginRedeploys.class.getName(), "64m", 120, dumps, dumps.resolve("host.log"));
        snapshots.addAll(DumpingProgram.loadSeries(dumps, "plugins", PluginRedeploys.ROUNDS));
        report = DiffReports.of(snapshots, false);
    }

    @AfterAll
    static void close() throws Exception {
        DumpingProgram.closeAll(snapshots);
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
