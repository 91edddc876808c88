package dev.heapdelta.app.cli;

import dev.heapdelta.analyzer.analysis.AnalysisOptions;
import dev.heapdelta.analyzer.analysis.PhaseTimings;
import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.analysis.SnapshotLoader;
import dev.heapdelta.analyzer.format.ByteSizes;
import dev.heapdelta.analyzer.report.DiffReports;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.DumpKind;
import dev.heapdelta.analyzer.source.FormatDetector;
import dev.heapdelta.analyzer.source.ProgressListener;
import dev.heapdelta.analyzer.store.StoragePolicy;
import dev.heapdelta.samples.LargeHprofShape;
import dev.heapdelta.samples.LargeV8Shape;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code heapdelta bench}: analyses dumps (given, or generated in the benchmark's shape) and prints
 * per-phase wall times, peak heap and RSS, and the ratio to a plain sequential read of the same file
 * in the same run: the floor. Figures are ratios to that floor because these machines are noisy.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measures analysis speed and memory on dumps, against a plain read of the same file.",
        footerHeading = "%nExamples:%n",
        footer = {"  heapdelta bench --generate hprof --scale 0.01 --out /tmp/bench   (or --generate v8; --storage mapped)",
            "  heapdelta bench --commands --memlab ~/memlab a.hprof b.hprof",
            "  heapdelta bench --commands --baseline-jar old/heapdelta.jar a.hprof"})
final class BenchCommand implements Callable<Integer> {
    private static final int READ_BUFFER = 8 << 20;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "FILE")
    List<String> files = new ArrayList<>();

    @Option(names = "--generate", paramLabel = "hprof|v8", description = "Generate a dump of the benchmark shape first.")
    String generate;

    @Option(names = "--scale", paramLabel = "X", defaultValue = "1.0",
            description = "Size of the generated dump; 1.0 is the reference shape (~1.9 GB HPROF, ~490 MB V8).")
    double scale = 1.0;

    @Option(names = "--storage", paramLabel = "auto|heap|mapped", defaultValue = "auto",
            converter = SnapshotOptions.StorageConverter.class,
            description = "auto (default): out of core when the dump would not fit in the heap; heap; mapped.")
    StoragePolicy storage = StoragePolicy.AUTO;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "bench-out", description = "Where generated dumps go.")
    Path out = Path.of("bench-out");

    @Option(names = "--commands", description = "Also time summary, diff and reopening as a user runs them: child"
            + " processes with default JVM flags, an empty cache directory, then its entry, then none; OS figures.")
    boolean commands;

    @Option(names = "--memlab", paramLabel = "DIR", defaultValue = ".",
            description = "With --commands, run memlab's loader on V8 files beside HeapDelta when DIR/node_modules"
                    + " holds @memlab/heap-analysis (default: the current directory).")
    Path memlab = Path.of(".");

    @Option(names = "--baseline-jar", paramLabel = "JAR",
            description = "With --commands, also run each command with this other build's heapdelta.jar, just before"
                    + " this build's, and print the ratios: a before/after in one run on a drifting machine.")
    Path baselineJar;

    @Option(names = "--monocle", paramLabel = "JAR",
            description = "With --commands, the openjfx-monocle jar that starts the app headless to time it until"
                    + " the overview (default: the newest in ~/.m2; without one the app is not timed).")
    Path monocle;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
            description = "With --generate hprof: another dump of the same service, N per cent more events and"
                    + " history and its references placed otherwise; two seeds make two dumps to diff (default 0).")
    int seed;

    @Option(names = "--classpath", paramLabel = "PATH[:PATH…]",
            description = "Also time the code-site scan of these jars, class directories or fat jar.")
    String classPath;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        if (baselineJar != null && !commands) {
            throw new UsageException("--baseline-jar times the commands: add --commands");
        }
        if (baselineJar != null && !Files.isRegularFile(baselineJar)) {
            throw new UsageException("--baseline-jar: file not found: " + baselineJar);
        }
        if (monocle != null && !commands) {
            throw new UsageException("--monocle times the app among the commands: add --commands");
        }
        if (seed != 0 && !"hprof".equals(generate)) {
            throw new UsageException("--seed varies the generated HPROF dump: add --generate hprof");
        }
        if (seed < 0 || seed > 100) {
            throw new UsageException("--seed must be in 0..100, got " + seed);
        }
        List<String> targets = new ArrayList<>(files);
        if (generate != null) {
            targets.add(generated(stdout).toString());
        }
        if (classPath != null) {
            ClassPathBench.run(classPath, stdout);
            if (targets.isEmpty()) {
                stdout.flush();
                return ExitCode.OK;
            }
        }
        if (targets.isEmpty()) {
            throw new UsageException("give dump files, --generate hprof|v8, or --classpath");
        }
        List<Snapshot> snapshots = new ArrayList<>();
        long analysisMillis = 0;
        try {
            for (String file : targets) {
                Snapshot snapshot = measure(file, stdout);
                analysisMillis += snapshot.timings().totalMillis();
                snapshots.add(snapshot);
            }
            if (snapshots.size() >= 2) {
                long started = System.nanoTime();
                int suspects = DiffReports.of(snapshots, false).suspects().size();
                long diffMillis = (System.nanoTime() - started) / 1_000_000;
                stdout.printf(Locale.ROOT, "diff of %d snapshots: %d ms after the analyses (%d ms), %d suspects; "
                        + "diff / analyses = %.2f%n", snapshots.size(), diffMillis, analysisMillis, suspects,
                        (double) diffMillis / Math.max(1, analysisMillis));
            }
        } finally {
            SnapshotSeriesLoader.closeAll(snapshots);
        }
        if (commands) {
            snapshots.clear();
            System.gc();
            timeCommands(targets, stdout);
        }
        stdout.flush();
        return ExitCode.OK;
    }

    private void timeCommands(List<String> targets, PrintWriter stdout) throws IOException, InterruptedException {
        List<Long> floors = new ArrayList<>();
        List<Boolean> v8 = new ArrayList<>();
        for (String file : targets) {
            floors.add(plainReadMillis(Path.of(file)));
            v8.add(FormatDetector.detect(Path.of(file)).kind() == DumpKind.V8_SNAPSHOT);
        }
        Files.createDirectories(out);
        Path scratch = Files.createTempDirectory(out, "bench-commands-");
        try {
            new CommandBench(stdout, scratch, MemlabLoader.in(memlab), baselineJar, HeadlessApp.find(monocle))
                    .run(targets, floors, v8);
        } finally {
            CommandBench.deleteTree(scratch);
        }
    }

    private Snapshot measure(String file, PrintWriter stdout) throws IOException {
        Path path = Path.of(file);
        long floorMillis = plainReadMillis(path);
        System.gc();
        ProcessMemory.resetPeaks();
        // The benchmark measures the analysis itself, never a reopening from the index cache.
        AnalysisOptions options = AnalysisOptions.defaults().withIndexCache(false).withStorage(storage);
        Snapshot snapshot = SnapshotLoader.load(path, file, options, CancelSignal.NEVER, ProgressListener.NONE);
        long peakHeap = ProcessMemory.peakHeapBytes();
        long peakRss = ProcessMemory.peakRssBytes();
        PhaseTimings t = snapshot.timings();
        stdout.printf(Locale.ROOT, "%s: %s, %s%n", file, snapshot.format().jsonName(), ByteSizes.human(Files.size(path)));
        stdout.printf(Locale.ROOT, "  objects %,d (reachable %,d)   edges %,d   classes %,d%n",
                snapshot.graph().objectCount(), snapshot.objectCount(), snapshot.graph().edgeCount(),
                snapshot.graph().classCount());
        stdout.printf(Locale.ROOT, "  read %,d ms   graph %,d ms   dominators %,d ms   histogram %,d ms   total %,d ms%n",
                t.readMillis(), t.graphMillis(), t.dominatorsMillis(), t.histogramMillis(), t.totalMillis());
        stdout.printf(Locale.ROOT, "  %,.0f objects/s   plain sequential read %,d ms   total / read = %.1f%n",
                snapshot.graph().objectCount() * 1000.0 / Math.max(1, t.totalMillis()), floorMillis,
                (double) t.totalMillis() / Math.max(1, floorMillis));
        stdout.printf(Locale.ROOT, "  peak heap %s   peak RSS %s%n", ByteSizes.human(peakHeap),
                peakRss < 0 ? "unknown" : ByteSizes.human(peakRss));
        if (snapshot.graph().store().isMapped()) {
            stdout.printf(Locale.ROOT, "  out of core: %s of index files mapped (Java heap %s)%n",
                    ByteSizes.human(snapshot.graph().store().mappedBytes()),
                    ByteSizes.human(Runtime.getRuntime().maxMemory()));
        }
        stdout.flush();
        return snapshot;
    }

    /** The floor: reading (and, for gzip, inflating) the whole file once, doing nothing with it. */
    private static long plainReadMillis(Path path) throws IOException {
        long started = System.nanoTime();
        byte[] buffer = new byte[READ_BUFFER];
        try (InputStream raw = Files.newInputStream(path)) {
            InputStream in = isGzip(path) ? new GZIPInputStream(raw, 1 << 16) : raw;
            while (in.read(buffer) >= 0) {
                // Only the reading is measured.
            }
        }
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static boolean isGzip(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    private Path generated(PrintWriter stdout) throws IOException, InterruptedException {
        if (scale <= 0 || scale > 4) {
            throw new UsageException("--scale must be in (0, 4], got " + scale);
        }
        Files.createDirectories(out);
        List<String> command = switch (generate) {
            case "hprof" -> LargeHprofShape.childJvmCommand(scale, seed, out);
            case "v8" -> LargeV8Shape.nodeCommand(scale, out);
            default -> throw new UsageException("--generate takes hprof or v8, got " + generate);
        };
        Path target = generate.equals("hprof") ? LargeHprofShape.outputFile(scale, seed, out)
                : LargeV8Shape.outputFile(scale, out);
        stdout.println("generating: " + String.join(" ", command));
        stdout.flush();
        long started = System.nanoTime();
        Process process;
        try {
            process = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException e) {
            throw new CaptureFailedException("could not start " + command.get(0) + ": " + e.getMessage(), e);
        }
        int status = process.waitFor();
        if (status != 0 || !Files.isRegularFile(target)) {
            throw new CaptureFailedException("the generator exited with " + status + " and wrote no " + target);
        }
        stdout.printf(Locale.ROOT, "generated %s (%s) in %,d ms%n", target, ByteSizes.human(Files.size(target)),
                (System.nanoTime() - started) / 1_000_000);
        return target;
    }
}
