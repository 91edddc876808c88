package dev.heapdelta.app.cli;

import dev.heapdelta.analyzer.format.ByteSizes;
import dev.heapdelta.analyzer.source.DecompressedInput;
import dev.heapdelta.analyzer.source.FormatDetector;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.JarFile;

/**
 * {@code bench --commands}: times the commands a user runs, each as a child process with default JVM
 * flags, as the operating system measures them (wall, CPU, peak RSS): {@code summary} into an empty
 * cache directory (the index-cache entry is written inside the run), reopened from that entry, and
 * without the cache; {@code diff} of all the files alike, and against the summaries; memlab's loader on V8
 * files where it is installed. Each figure is also given as a ratio to a plain sequential read of the same files in the
 * same run, and with a baseline jar, to the same command of that build run just before it, because
 * these machines' speed drifts.
 */
final class CommandBench {
    private static final String MAIN_CLASS = "dev.heapdelta.app.Main";

    private final PrintWriter out;
    private final ChildProcessTimer timer;
    private final Path scratch;
    private final MemlabLoader memlab;
    private final HeadlessApp app;
    private final List<Build> builds = new ArrayList<>();

    /** A build of HeapDelta to run the commands with: this one, or a baseline jar; its class path, for the app. */
    private record Build(String label, List<String> command, String classPath) {
        /** The app of this build, started headless, its cache directory the one given. */
        List<String> app(HeadlessApp app, Path cacheDirectory) {
            List<String> command = new ArrayList<>(List.of(javaBinary()));
            command.addAll(app.jvmFlags());
            // The app's cache directory is the default one, under the temporary directory; its recent files go
            // there too, not into the user's preferences.
            command.add("-Djava.io.tmpdir=" + cacheDirectory);
            command.add("-Djava.util.prefs.userRoot=" + cacheDirectory.resolve("preferences"));
            command.addAll(List.of("-cp", classPath + java.io.File.pathSeparator + app.monocleJar(), MAIN_CLASS));
            return command;
        }
    }

    /**
     * @param baselineJar another build's {@code heapdelta.jar} to run each command with too, or null
     * @param app how to start the app headless, or null when it cannot be timed here
     */
    CommandBench(PrintWriter out, Path scratch, MemlabLoader memlab, Path baselineJar, HeadlessApp app)
            throws IOException {
        this.out = out;
        this.scratch = scratch;
        this.timer = new ChildProcessTimer(scratch);
        this.memlab = memlab;
        this.app = app;
        if (baselineJar != null) {
            String jar = baselineJar.toAbsolutePath().toString();
            builds.add(new Build("baseline", List.of(javaBinary(), "-jar", jar), jar));
        }
        builds.add(new Build("", heapdeltaCommand(), System.getProperty("java.class.path")));
    }

    /** @param floorMillis the plain sequential read of each file, measured in this run */
    void run(List<String> files, List<Long> floorMillis, List<Boolean> v8) throws IOException, InterruptedException {
        out.println("commands as a user runs them (child processes, default JVM flags; wall, CPU and peak RSS "
                + "from the OS):");
        if (builds.size() > 1) {
            out.println("  each row of this build follows the same command of the baseline build, run just before it");
        }
        long summaries = 0;
        for (int i = 0; i < files.size(); i++) {
            String file = files.get(i);
            long floor = floorMillis.get(i);
            out.printf(Locale.ROOT, "  %s (plain sequential read %,d ms)%n", file, floor);
            List<Path> caches = cacheDirectories();
            ChildMeasurement first = scenario("summary, empty cache dir", caches,
                    cache -> List.of("summary", file, "--cache-dir", cache.toString()), floor);
            summaries += first.wallMillis();
            scenario("summary, reopened from the index cache", caches,
                    cache -> List.of("summary", file, "--cache-dir", cache.toString()), floor);
            List<Path> uncached = cacheDirectories();
            scenario("summary --no-index-cache", uncached,
                    cache -> List.of("summary", file, "--no-index-cache", "--cache-dir", cache.toString()), floor);
            deleteAll(caches);
            deleteAll(uncached);
            if (v8.get(i)) {
                compareWithMemlab(file, floor, first);
            }
        }
        // What the command line takes for all the files, which the app is compared with: summary of one, diff of more.
        long commandLine = summaries;
        if (files.size() >= 2) {
            long floor = floorMillis.stream().mapToLong(Long::longValue).sum();
            out.printf(Locale.ROOT, "  diff of %d files (plain sequential read %,d ms)%n", files.size(), floor);
            List<Path> caches = cacheDirectories();
            Arguments diff = cache -> {
                List<String> arguments = new ArrayList<>(List.of("diff"));
                arguments.addAll(files);
                arguments.addAll(List.of("--cache-dir", cache.toString()));
                return arguments;
            };
            ChildMeasurement fresh = scenario("diff, empty cache dir", caches, diff, floor);
            out.printf(Locale.ROOT, "    diff / the summaries (empty cache dir, %,d ms) = %.2f%n", summaries,
                    (double) fresh.wallMillis() / Math.max(1, summaries));
            out.printf(Locale.ROOT, "    diff - (%s) = %+.0f %%%n", summaryNames(files.size()),
                    100.0 * (fresh.wallMillis() - summaries) / Math.max(1, summaries));
            scenario("diff, reopened from the index cache", caches, diff, floor);
            deleteAll(caches);
            // What the index-cache entries' writes cost the diff, as summary --no-index-cache tells for one file.
            List<Path> uncached = cacheDirectories();
            scenario("diff --no-index-cache", uncached, cache -> {
                List<String> arguments = diff.with(cache);
                arguments.add("--no-index-cache");
                return arguments;
            }, floor);
            deleteAll(uncached);
            commandLine = fresh.wallMillis();
        }
        timeApp(files, floorMillis.stream().mapToLong(Long::longValue).sum(), commandLine);
        out.flush();
    }

    /** "summary A + summary B" for two files, and so on: what the diff is compared with. */
    private static String summaryNames(int files) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < files; i++) {
            names.add("summary " + (i < 26 ? String.valueOf((char) ('A' + i)) : String.valueOf(i + 1)));
        }
        return String.join(" + ", names);
    }

    /**
     * The app opening the files until their overview is shown (headless), with an empty cache directory and
     * then its entry; against what the command line takes for the same files (summary of one, diff of more).
     */
    private void timeApp(List<String> files, long floor, long commandMillis) throws IOException, InterruptedException {
        if (app == null) {
            out.println("  app: not timed: it runs headless on Monocle, whose jar was not found (bench --monocle JAR,"
                    + " the org.testfx:openjfx-monocle jar the app's tests use)");
            return;
        }
        out.printf(Locale.ROOT, "  app opening %s until the overview is shown (headless, Monocle)%n",
                files.size() == 1 ? files.get(0) : files.size() + " files");
        List<Path> caches = cacheDirectories();
        Launch gui = (build, cache) -> {
            List<String> command = build.app(app, cache);
            command.add("gui");
            command.addAll(files);
            command.add("--exit-when-shown");
            return command;
        };
        ChildMeasurement fresh = scenario("app, empty cache dir", caches, gui, floor);
        if (fresh.succeeded()) {
            out.printf(Locale.ROOT, "    app - %s (empty cache dir, %,d ms) = %+,d ms%s%n", files.size() == 1 ? "summary"
                    : "diff", commandMillis, fresh.wallMillis() - commandMillis, fresh.overviewShownMillis() < 0 ? ""
                    : String.format(Locale.ROOT, "; its overview shown at %+,d ms, then it waits for its index-cache"
                            + " entry as the command does", fresh.overviewShownMillis() - commandMillis));
        }
        scenario("app, reopened from the index cache", caches, gui, floor);
        deleteAll(caches);
    }

    @FunctionalInterface
    private interface Arguments {
        List<String> with(Path cacheDirectory);
    }

    /** The whole command line of one build, given its cache directory. */
    @FunctionalInterface
    private interface Launch {
        List<String> command(Build build, Path cacheDirectory);
    }

    /** One command, run by each build with its own cache directory; returns this build's figures. */
    private ChildMeasurement scenario(String what, List<Path> caches, Arguments arguments, long floor)
            throws IOException, InterruptedException {
        return scenario(what, caches, (Launch) (build, cache) -> {
            List<String> command = new ArrayList<>(build.command());
            command.addAll(arguments.with(cache));
            return command;
        }, floor);
    }

    private ChildMeasurement scenario(String what, List<Path> caches, Launch launch, long floor)
            throws IOException, InterruptedException {
        ChildMeasurement baseline = null;
        ChildMeasurement current = null;
        for (int b = 0; b < builds.size(); b++) {
            Build build = builds.get(b);
            List<String> command = launch.command(build, caches.get(b));
            ChildMeasurement run = timer.run(command, Map.of());
            print(build.label().isEmpty() ? what : what + " (" + build.label() + ")", run, floor);
            if (build.label().isEmpty()) {
                current = run;
            } else {
                baseline = run;
            }
        }
        if (baseline != null && baseline.succeeded() && current.succeeded()) {
            out.printf(Locale.ROOT, "    this build / baseline: wall %.2f   CPU %.2f   peak RSS %.2f%s%n",
                    ratio(current.wallMillis(), baseline.wallMillis()), ratio(current.cpuMillis(), baseline.cpuMillis()),
                    ratio(current.peakRssBytes(), baseline.peakRssBytes()),
                    current.overviewShownMillis() < 0 || baseline.overviewShownMillis() < 0 ? ""
                            : String.format(Locale.ROOT, "   overview shown %.2f",
                                    ratio(current.overviewShownMillis(), baseline.overviewShownMillis())));
        }
        return current;
    }

    private static double ratio(long value, long baseline) {
        return value < 0 || baseline <= 0 ? Double.NaN : (double) value / baseline;
    }

    private List<Path> cacheDirectories() throws IOException {
        List<Path> caches = new ArrayList<>();
        for (int b = 0; b < builds.size(); b++) {
            caches.add(Files.createTempDirectory(scratch, "cache-"));
        }
        return caches;
    }

    private static void deleteAll(List<Path> directories) throws IOException {
        for (Path directory : directories) {
            deleteTree(directory);
        }
    }

    private void compareWithMemlab(String file, long floor, ChildMeasurement summary)
            throws IOException, InterruptedException {
        if (memlab == null) {
            out.println("    memlab: not installed (bench --memlab DIR, where DIR holds node_modules/@memlab/heap-analysis)");
            return;
        }
        Path plain = plainSnapshot(Path.of(file));
        ChildMeasurement loaded = timer.run(memlab.command(plain.toString()), Map.of());
        if (!plain.equals(Path.of(file))) {
            Files.deleteIfExists(plain);
        }
        print("memlab " + memlab.version() + " getFullHeapFromFile", loaded, floor);
        if (loaded.succeeded() && summary.succeeded()) {
            out.printf(Locale.ROOT, "    summary (empty cache dir) against memlab: %.1f× faster, %.2f of its peak RSS%n",
                    ratio(loaded.wallMillis(), summary.wallMillis()), ratio(summary.peakRssBytes(), loaded.peakRssBytes()));
        }
    }

    /** memlab reads only plain snapshots: a compressed one is decompressed into the scratch directory first. */
    private Path plainSnapshot(Path file) throws IOException {
        FormatDetector.Detected detected = FormatDetector.detect(file);
        if (!detected.compressed()) {
            return file;
        }
        Path plain = Files.createTempFile(scratch, "memlab-", ".heapsnapshot");
        try (InputStream in = DecompressedInput.open(file, detected.compression())) {
            Files.copy(in, plain, StandardCopyOption.REPLACE_EXISTING);
        }
        return plain;
    }

    private void print(String what, ChildMeasurement run, long floorMillis) {
        out.printf(Locale.ROOT, "    %-40s wall %,8d ms   CPU %,8d ms   peak RSS %10s   wall / read = %.1f%s%s%n", what,
                run.wallMillis(), run.cpuMillis(), run.peakRssBytes() < 0 ? "unknown" : ByteSizes.human(run.peakRssBytes()),
                (double) run.wallMillis() / Math.max(1, floorMillis),
                run.overviewShownMillis() < 0 ? "" : String.format(Locale.ROOT, "   overview shown at %,d ms",
                        run.overviewShownMillis()),
                run.succeeded() ? "" : "   FAILED (exit " + run.exitCode() + "): " + run.errorTail());
        out.flush();
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * How a user starts this very build: {@code java -jar heapdelta.jar} when it runs from its jar,
     * else the same class path, with no JVM flags.
     */
    static List<String> heapdeltaCommand() throws IOException {
        String classPath = System.getProperty("java.class.path");
        if (!classPath.contains(java.io.File.pathSeparator) && classPath.endsWith(".jar") && isAppJar(Path.of(classPath))) {
            return List.of(javaBinary(), "-jar", classPath);
        }
        return List.of(javaBinary(), "-cp", classPath, MAIN_CLASS);
    }

    private static boolean isAppJar(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest() != null
                    && MAIN_CLASS.equals(file.getManifest().getMainAttributes().getValue("Main-Class"));
        }
    }

    static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
