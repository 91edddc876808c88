package dev.heapdelta.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.testing.TestEnvironment;
import dev.heapdelta.app.cli.HeapDeltaCommand;
import dev.heapdelta.app.cli.HeapSizing;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code java dev.heapdelta.app.Main} with no heap flag runs the command once more in a JVM whose heap is
 * the dumps' estimate, with the same output and exit code; each JVM started is seen in its own GC log.
 */
class SizedRelaunchTest {
    private static final Pattern MAX_HEAP = Pattern.compile("Heap Max Capacity: (\\d+)([MG])");
    /** A -Xlog:jit+compilation=debug line of a method compiled at tier 4 (id, attribute flags, level, method). */
    private static final Pattern COMPILED_AT_LEVEL_4 = Pattern.compile("\\[jit,compilation\\]\\s+\\d+\\s+[%sbn! ]*4\\s+\\S");
    private static final Pattern LARGE_PAGES = Pattern.compile("Large Page Support: (.*)");
    /** A machine of 4 GB: the JVM starts with 64 MB of heap and may grow it to 1 GB. */
    private static final String MACHINE = "-XX:MaxRAM=4g";

    @TempDir
    static Path dumps;

    @TempDir
    Path logs;

    private static Path dump;

    @BeforeAll
    static void inflateSampleDump() throws Exception {
        dump = dumps.resolve("leaks-t1.hprof");
        Path sample = TestEnvironment.repositoryRoot().resolve("sample-dumps/java/leaks-t1.hprof.gz");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(sample))) {
            Files.copy(in, dump);
        }
    }

    /** {@code largePages}: each JVM's "Large Page Support" line, in the order of {@code maxHeapsMegabytes}. */
    private record Run(int exitCode, String out, String err, List<Long> maxHeapsMegabytes, List<String> largePages) {
    }

    private Run main(List<String> jvmFlags, Map<String, String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmFlags);
        // One GC log per JVM (%p is its process id): how many JVMs ran, and with which heap.
        command.add("-Xlog:gc+init:file=" + logs.resolve("gc-%p.log"));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(logs.resolve("out.txt").toFile())
                .redirectError(logs.resolve("err.txt").toFile());
        builder.environment().remove(SizedRelaunch.SWITCH);
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "Main did not finish");
        List<Long> heaps = new ArrayList<>();
        List<String> largePages = new ArrayList<>();
        try (Stream<Path> files = Files.list(logs)) {
            for (Path log : files.filter(f -> f.getFileName().toString().startsWith("gc-")).sorted().toList()) {
                Matcher m = MAX_HEAP.matcher(Files.readString(log));
                assertTrue(m.find(), "no heap size in " + Files.readString(log));
                heaps.add(Long.parseLong(m.group(1)) * (m.group(2).equals("G") ? 1024 : 1));
                Matcher pages = LARGE_PAGES.matcher(Files.readString(log));
                largePages.add(pages.find() ? pages.group(1).strip() : "");
            }
        }
        return new Run(process.exitValue(), Files.readString(logs.resolve("out.txt")),
                Files.readString(logs.resolve("err.txt")), heaps, largePages);
    }

    private static String inProcess(String... args) {
        StringWriter out = new StringWriter();
        CommandLine command = HeapDeltaCommand.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(new StringWriter(), true));
        command.execute(args);
        return out.toString();
    }

    /**
     * The heap the sized JVM reports: the estimate in whole megabytes, which a heap on 2 MB huge pages rounds
     * up to a whole page.
     */
    private static long sizedHeapMegabytes(String[] args) throws Exception {
        long megabytes = (HeapSizing.neededBytes(args).getAsLong() + (1 << 20) - 1) >> 20;
        return TransparentHugePages.flagsFor(List.of()).isEmpty() ? megabytes : (megabytes + 1) / 2 * 2;
    }

    private static String withoutTimings(String table) {
        return table.replaceAll("(?m)^timings: .*$", "");
    }

    @Test
    void aSummaryRunsOnceMoreInAJvmWhoseHeapIsTheDumpsEstimateAndPrintsTheSameReport() throws Exception {
        String[] summary = {"summary", dump.toString(), "--no-index-cache"};
        Run run = main(List.of(MACHINE), Map.of(), summary);
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(2, run.maxHeapsMegabytes().size());
        assertTrue(run.maxHeapsMegabytes().contains(1024L), run.maxHeapsMegabytes().toString());
        assertEquals(sizedHeapMegabytes(summary), run.maxHeapsMegabytes().stream().filter(heap -> heap != 1024).findFirst().get());
        assertEquals(withoutTimings(inProcess(summary)), withoutTimings(run.out()));
        // The estimate leaves the readers room to keep the graph in memory.
        assertFalse(run.err().contains("out of core"), run.err());
    }

    @Test
    void theSizedJvmsHeapTakesTransparentHugePagesWhereLinuxOffersThemAndTheFirstJvmsDoesNot() throws Exception {
        Path setting = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
        boolean offered = System.getProperty("os.name").startsWith("Linux") && Files.isReadable(setting)
                && TransparentHugePages.offered(Files.readString(setting));
        String[] summary = {"summary", dump.toString(), "--no-index-cache"};
        Run run = main(List.of(MACHINE), Map.of(), summary);
        assertEquals(0, run.exitCode(), run.err());
        String sized = run.largePages().get(run.maxHeapsMegabytes().indexOf(sizedHeapMegabytes(summary)));
        String first = run.largePages().get(run.maxHeapsMegabytes().indexOf(1024L));
        assertEquals(offered ? "Enabled (Transparent)" : "Disabled", sized, run.err());
        assertEquals("Disabled", first);
        assertFalse(run.out().contains("warning") || run.err().contains("warning"), run.err());
    }

    @Test
    void theAppOpeningADumpRunsInASizedJvmWithHugePagesAndLateMarkingAsACommandDoes() throws Exception {
        Path setting = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
        boolean offered = System.getProperty("os.name").startsWith("Linux") && Files.isReadable(setting)
                && TransparentHugePages.offered(Files.readString(setting));
        // Headless, as bench times it; the empty temporary directory is the index cache, so the dump is read.
        List<String> headless = List.of(MACHINE, "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                "-Dprism.order=sw", "-Djava.awt.headless=true", "-Djava.io.tmpdir=" + logs,
                "-Djava.util.prefs.userRoot=" + logs.resolve("preferences"), "-XX:+PrintFlagsFinal");
        String[] app = {"gui", dump.toString(), "--exit-when-shown"};
        Run run = main(headless, Map.of(), app);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("overview shown after"), run.out());
        assertEquals(2, run.maxHeapsMegabytes().size(), "the app ran in a sized JVM");
        String sized = run.largePages().get(run.maxHeapsMegabytes().indexOf(sizedHeapMegabytes(app)));
        assertEquals(offered ? "Enabled (Transparent)" : "Disabled", sized, run.err());
        assertEquals("Disabled", run.largePages().get(run.maxHeapsMegabytes().indexOf(1024L)));
        // Each JVM prints its flags: the first G1's defaults, the sized one the late threshold.
        assertEquals(List.of("45", "95"), flagValues(run.out(), "InitiatingHeapOccupancyPercent"));
        assertEquals(List.of("true", "false"), flagValues(run.out(), "G1UseAdaptiveIHOP"));
    }

    /** The values {@code -XX:+PrintFlagsFinal} printed for {@code flag}, in the order the JVMs printed them. */
    private static List<String> flagValues(String out, String flag) {
        Matcher values = Pattern.compile("\\s" + flag + "\\s+= (\\S+)").matcher(out);
        List<String> found = new ArrayList<>();
        while (values.find()) {
            found.add(values.group(1));
        }
        return found;
    }

    @Test
    void theKernelOffersHugePagesWhenItsSettingChoosesMadviseOrAlways() {
        assertTrue(TransparentHugePages.offered("always [madvise] never\n"));
        assertTrue(TransparentHugePages.offered("[always] madvise never\n"));
        assertFalse(TransparentHugePages.offered("always madvise [never]\n"));
    }

    @Test
    void aV8SnapshotsSummaryRunsSizedWithTheClientCompilerOnlyAndPrintsTheSameReport() throws Exception {
        Path snapshot = dumps.resolve("leaks-t0.heapsnapshot");
        if (!Files.exists(snapshot)) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(TestEnvironment.repositoryRoot()
                    .resolve("sample-dumps/node/leaks-t0.heapsnapshot.gz")))) {
                Files.copy(in, snapshot);
            }
        }
        String[] summary = {"summary", snapshot.toString(), "--no-index-cache"};
        Run run = main(List.of(MACHINE, "-Xlog:jit+compilation=debug:file=" + logs.resolve("jit-%p.log")), Map.of(),
                summary);
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(2, run.maxHeapsMegabytes().size(), "the summary ran in a sized JVM");
        assertEquals(withoutTimings(inProcess(summary)), withoutTimings(run.out()));
        // The sized JVM (the one that compiled most) never compiled at the server compiler's level 4.
        List<String> childCompilations = List.of();
        try (Stream<Path> files = Files.list(logs)) {
            for (Path log : files.filter(f -> f.getFileName().toString().startsWith("jit-")).toList()) {
                List<String> lines = Files.readAllLines(log).stream().filter(line -> line.contains("[jit,compilation]"))
                        .toList();
                if (lines.size() > childCompilations.size()) {
                    childCompilations = lines;
                }
            }
        }
        assertTrue(childCompilations.size() > 100, childCompilations.size() + " compilations");
        assertEquals(List.of(), childCompilations.stream().filter(line -> COMPILED_AT_LEVEL_4.matcher(line).find())
                .limit(3).toList());
    }

    @Test
    void theSizedJvmsExitCodeIsTheCommandsExitCode() throws Exception {
        Run run = main(List.of(MACHINE), Map.of(), "paths", dump.toString(), "--object", "0x1", "--no-index-cache");
        assertEquals(2, run.maxHeapsMegabytes().size(), "the paths command ran in a sized JVM");
        assertEquals(dev.heapdelta.app.cli.ExitCode.USAGE, run.exitCode(), run.err());
        assertTrue(run.err().contains("0x1"), run.err());
    }

    @Test
    void aHeapTheUserChoseOrTheSwitchTurnedOffKeepsTheCommandInItsOwnJvm() throws Exception {
        String[] summary = {"summary", dump.toString(), "--no-index-cache"};
        Run chosen = main(List.of("-Xmx700m"), Map.of(), summary);
        assertEquals(0, chosen.exitCode(), chosen.err());
        assertEquals(List.of(700L), chosen.maxHeapsMegabytes());
        Files.delete(Files.list(logs).filter(f -> f.getFileName().toString().startsWith("gc-")).findFirst().orElseThrow());

        Run off = main(List.of(MACHINE), Map.of(SizedRelaunch.SWITCH, "off"), summary);
        assertEquals(0, off.exitCode(), off.err());
        assertEquals(List.of(1024L), off.maxHeapsMegabytes());
        assertEquals(withoutTimings(chosen.out()), withoutTimings(off.out()));
    }

    @Test
    void aSizedHeapTooSmallForTheDumpRunsTheCommandAgainInTheFirstJvmWithTheSameReport() throws Exception {
        // 24 MB, where the estimate would give the dump room: the sized JVM runs out of heap in its analysis
        // (on the heap: --storage=heap keeps the readers from going out of core instead).
        String[] summary = {"summary", dump.toString(), "--no-index-cache", "--storage=heap"};
        Run run = main(List.of(MACHINE), Map.of(SizedRelaunch.SWITCH, "24m"), summary);
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(2, run.maxHeapsMegabytes().size(), "a sized JVM ran first");
        assertTrue(run.maxHeapsMegabytes().contains(24L), run.maxHeapsMegabytes().toString());
        assertTrue(run.err().contains("the heap sized to the dumps (24 MB) was too small"), run.err());
        assertFalse(run.err().contains("not enough memory"), run.err());
        assertEquals(withoutTimings(inProcess(summary)), withoutTimings(run.out()));
    }

    @Test
    void aHeapSizingSettingNamesTheSizedHeapAndOnlyASizeIsOne() {
        assertEquals(600L << 20, SizedRelaunch.chosenHeap("600m").getAsLong());
        assertEquals(2L << 30, SizedRelaunch.chosenHeap(" 2G ").getAsLong());
        assertTrue(SizedRelaunch.chosenHeap("off").isEmpty());
        assertTrue(SizedRelaunch.chosenHeap("600").isEmpty());
        assertTrue(SizedRelaunch.chosenHeap(null).isEmpty());
    }

    @Test
    void aDumpThatNeedsLessThanTheJvmStartsWithIsAnalysedInIt() throws Exception {
        // A 24 GB machine starts the JVM with 384 MB, more than this small dump needs.
        Run run = main(List.of("-XX:MaxRAM=24g"), Map.of(), "summary", dump.toString(), "--no-index-cache");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(1, run.maxHeapsMegabytes().size());
    }
}
