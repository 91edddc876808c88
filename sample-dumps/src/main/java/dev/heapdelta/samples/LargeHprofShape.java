package dev.heapdelta.samples;

import dev.heapdelta.samples.large.LargeHeap;
import dev.heapdelta.samples.large.ShapeCounts;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Generates the benchmark HPROF of reference/README.md ("Large dumps"), scaled: at scale 1 about 1.9 GB
 * and 38 M objects. It builds the structures in its own JVM and dumps itself, so the caller runs it as a child
 * process: {@link #childJvmCommand} gives the command line and {@link #outputFile} where the dump lands.
 */
public final class LargeHprofShape {
    /** Heap per unit of scale: the structures need about 1.4 GB live at scale 1, plus room for the collector. */
    private static final long HEAP_MEGABYTES_PER_SCALE = 2600;
    private static final long MINIMUM_HEAP_MEGABYTES = 256;

    private LargeHprofShape() {
    }

    /**
     * The command that generates the dump at {@code scale} into {@code outputDirectory}: the running JVM's
     * {@code java}, its class path, a heap sized for the scale and the parallel collector.
     */
    public static List<String> childJvmCommand(double scale, Path outputDirectory) {
        return childJvmCommand(scale, 0, outputDirectory);
    }

    /**
     * The same for the dump of {@code seed}: the same service later, {@code seed} per cent more events and
     * history, its events and boxes pointing at other customers and events; seed 0 is the reference shape.
     */
    public static List<String> childJvmCommand(double scale, int seed, Path outputDirectory) {
        ShapeCounts.atScale(scale).grownBy(seed);
        List<String> command = new ArrayList<>();
        command.add(javaLauncher().toString());
        command.add("-Xmx" + heapMegabytes(scale * (1 + seed / 100.0)) + "m");
        command.add("-XX:+UseParallelGC");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(LargeHprofShape.class.getName());
        command.add(scaleText(scale));
        command.add(outputDirectory.toAbsolutePath().toString());
        if (seed != 0) {
            command.add(Integer.toString(seed));
        }
        return command;
    }

    /** Where the child JVM of {@link #childJvmCommand} writes the dump: {@code large-scale-<scale>.hprof}. */
    public static Path outputFile(double scale, Path outputDirectory) {
        return outputFile(scale, 0, outputDirectory);
    }

    /** Where the dump of {@code seed} goes: {@code large-scale-<scale>-seed-<seed>.hprof}, seed 0 as above. */
    public static Path outputFile(double scale, int seed, Path outputDirectory) {
        String suffix = seed == 0 ? "" : "-seed-" + seed;
        return outputDirectory.resolve("large-scale-" + scaleText(scale) + suffix + ".hprof");
    }

    static long heapMegabytes(double scale) {
        return Math.max(MINIMUM_HEAP_MEGABYTES, (long) Math.ceil(HEAP_MEGABYTES_PER_SCALE * scale));
    }

    /**
     * Arguments: SCALE OUTPUT_DIRECTORY [SEED]. Prints one line with the file, its size, the object count and
     * the time.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2 && args.length != 3) {
            System.err.println("usage: java -Xmx<heap> -XX:+UseParallelGC -cp CLASSPATH "
                    + LargeHprofShape.class.getName() + " SCALE OUTPUT_DIRECTORY [SEED]");
            System.exit(1);
        }
        double scale = Double.parseDouble(args[0]);
        int seed = args.length == 3 ? Integer.parseInt(args[2]) : 0;
        Path hprof = outputFile(scale, seed, Path.of(args[1]));
        ShapeCounts counts = ShapeCounts.atScale(scale).grownBy(seed);
        long start = System.nanoTime();
        LargeHeap.build(counts, seed);
        long built = System.nanoTime();
        SelfHeapDump.write(hprof, true);
        long dumped = System.nanoTime();
        System.out.printf(Locale.ROOT, "%s: %d bytes, about %d objects of the shape; build %.1f s, dump %.1f s%n",
                hprof, Files.size(hprof), counts.objects(), (built - start) / 1e9, (dumped - built) / 1e9);
    }

    /** The running JVM's launcher when it is {@code java}; otherwise (a jpackage launcher) the runtime's own. */
    private static Path javaLauncher() {
        Optional<Path> current = ProcessHandle.current().info().command().map(Path::of)
                .filter(path -> path.getFileName().toString().matches("java(\\.exe)?"));
        if (current.isPresent()) {
            return current.get();
        }
        Path bin = Path.of(System.getProperty("java.home"), "bin");
        for (String name : List.of("java", "java.exe")) {
            if (Files.isExecutable(bin.resolve(name))) {
                return bin.resolve(name);
            }
        }
        throw new IllegalStateException("no java launcher: the process is not java and " + bin + " has none");
    }

    private static String scaleText(double scale) {
        return BigDecimal.valueOf(scale).stripTrailingZeros().toPlainString();
    }
}
