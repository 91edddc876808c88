package dev.heapdelta.app.cli;

import dev.heapdelta.analyzer.codesites.ApplicationClassPath;
import dev.heapdelta.analyzer.codesites.CodeSite;
import dev.heapdelta.analyzer.codesites.CodeSiteFinder;
import dev.heapdelta.analyzer.codesites.HolderField;
import dev.heapdelta.analyzer.format.ByteSizes;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code heapdelta bench --classpath PATH}: the wall time of the code-site scan, as {@code diff --classpath}
 * does it: every class file read once, those naming a holder parsed and followed. The holders asked for are
 * the root logger's handlers: a library container, so every class that calls {@code addHandler} is parsed
 * and followed.
 */
final class ClassPathBench {
    private static final HolderField LOGGER_HANDLERS =
            new HolderField("java.util.logging.Logger$ConfigurationData", "handlers", false);

    private ClassPathBench() {
    }

    static void run(String pathList, PrintWriter out) throws IOException {
        ApplicationClassPath classPath;
        try {
            classPath = ApplicationClassPath.parse(pathList);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        long bytes = 0;
        for (Path entry : classPath.entries()) {
            bytes += Files.isDirectory(entry) ? 0 : Files.size(entry);
        }
        long cpuBefore = processCpuMillis();
        long started = System.nanoTime();
        CodeSiteFinder finder = CodeSiteFinder.scan(classPath, List.of(LOGGER_HANDLERS));
        long scanned = System.nanoTime();
        List<CodeSite> sites = finder.sitesOf(List.of(LOGGER_HANDLERS));
        long done = System.nanoTime();
        long cpu = processCpuMillis() - cpuBefore;
        out.printf(Locale.ROOT, "class path %s (%s): %,d classes, %,d parsed%n", pathList, ByteSizes.human(bytes),
                finder.scannedClassCount(), finder.parsedClassCount());
        out.printf(Locale.ROOT, "  scan %,d ms   sites %,d ms   total %,d ms wall, %,d ms CPU on %d cores   "
                + "%d Logger.addHandler/removeHandler sites%n", (scanned - started) / 1_000_000,
                (done - scanned) / 1_000_000, (done - started) / 1_000_000, cpu,
                Runtime.getRuntime().availableProcessors(), sites.size());
    }

    /** The CPU time of the whole process: on a shared machine the wall time alone says little. */
    private static long processCpuMillis() {
        return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toMillis()).orElse(-1L);
    }
}
