package dev.heapdelta.app;

import dev.heapdelta.analyzer.format.ByteSizes;
import dev.heapdelta.app.cli.ExitCode;
import dev.heapdelta.app.cli.HeapSizing;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Runs the command in a JVM whose heap is sized to the dumps it names ({@link HeapSizing}), when the
 * JVM was started without a heap size: {@code java -jar heapdelta.jar}, the installed launcher and the
 * app opened on files all get it without flags, never a larger heap than this JVM could grow to. The child
 * inherits stdin, stdout and stderr, and its exit code is this process's. It runs at most once: the child is
 * marked, and a heap the user chose ({@code -Xmx}, {@code -XX:MaxHeapSize}) is kept. Where the sized heap
 * turns out too small (the estimate is of the benchmark dumps' shape, and a plain summary's is tight), the
 * child says so by its exit code and this JVM, whose heap may grow further, runs the command itself: slower,
 * but never a failure that the first JVM's heap would have avoided. A child that has printed part of its output
 * ends with the out-of-memory line instead, so that no output is printed twice ({@code WrittenOutput}).
 * {@code HEAPDELTA_HEAP_SIZING=off} turns it off; {@code HEAPDELTA_HEAP_SIZING=600m} sizes the child's
 * heap to that instead of the estimate. Where Linux offers transparent huge pages, a command's heap, and the
 * app's, takes them ({@link TransparentHugePages}), and G1 marks it concurrently only once it is nearly full
 * ({@link LateConcurrentMarking}).
 */
final class SizedRelaunch {
    /** The system property that marks a sized child (its value is the heap it was given). */
    static final String MARK = "heapdelta.heapSized";
    /** The environment variable that turns the sizing off. */
    static final String SWITCH = "HEAPDELTA_HEAP_SIZING";
    private static final long MEGABYTE = 1 << 20;

    private SizedRelaunch() {
    }

    /** The child's exit code when the command ran in a sized JVM; empty when it is to run in this one. */
    static OptionalInt runSized(String[] args) {
        List<String> jvmArguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
        if ("off".equalsIgnoreCase(System.getenv(SWITCH)) || System.getProperty(MARK) != null
                || jvmArguments.stream().anyMatch(SizedRelaunch::keepsThisJvm)) {
            return OptionalInt.empty();
        }
        HeapSizing.Estimate estimate = HeapSizing.estimate(args);
        OptionalLong chosen = chosenHeap(System.getenv(SWITCH));
        if (estimate.neededBytes().isEmpty() || chosen.isEmpty() && !worthIt(estimate.neededBytes().getAsLong())) {
            return OptionalInt.empty();
        }
        long needed = chosen.orElse(estimate.neededBytes().getAsLong());
        boolean app = args.length > 0 && args[0].equals("gui");
        Optional<Path> java = javaLauncher(app);
        if (java.isEmpty()) {
            return OptionalInt.empty();
        }
        // Never more than the heap this JVM may grow to: beyond it the readers put the graphs out of core.
        long heap = Math.min(needed, Runtime.getRuntime().maxMemory());
        long megabytes = (heap + MEGABYTE - 1) / MEGABYTE;
        List<String> command = new ArrayList<>();
        command.add(java.get().toString());
        command.addAll(jvmArguments);
        command.add("-Xmx" + megabytes + "m");
        // The app's too: its first open of a dump is the same read and analysis as a summary's, and gains as much.
        command.addAll(TransparentHugePages.flagsFor(jvmArguments));
        command.addAll(LateConcurrentMarking.flagsFor(jvmArguments));
        if (args[0].equals("summary") && estimate.onlyV8Snapshots()) {
            command.addAll(ShortRunCompilation.flagsFor(jvmArguments));
        }
        command.add("-D" + MARK + "=" + megabytes + "m");
        boolean canRetry = Runtime.getRuntime().maxMemory() > heap;
        if (canRetry) {
            command.add("-D" + ExitCode.RETRY_IN_FIRST_JVM + "=true");
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        Process child;
        try {
            child = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException e) {
            return OptionalInt.empty();
        }
        // Ended by a signal, this process takes the child with it (Ctrl-C reaches both already).
        Runtime.getRuntime().addShutdownHook(new Thread(child::destroy, "heapdelta-sized-child"));
        int exitCode = waitFor(child);
        if (canRetry && exitCode == ExitCode.SIZED_HEAP_TOO_SMALL) {
            System.err.println("heapdelta: the heap sized to the dumps (" + megabytes + " MB) was too small;"
                    + " running the command again in a heap of up to " + Runtime.getRuntime().maxMemory() / MEGABYTE
                    + " MB");
            return OptionalInt.empty();
        }
        return OptionalInt.of(exitCode);
    }

    private static int waitFor(Process child) {
        while (true) {
            try {
                return child.waitFor();
            } catch (InterruptedException e) {
                // Only the child's end ends this process.
            }
        }
    }

    /**
     * The heap {@code HEAPDELTA_HEAP_SIZING} names ({@code 600m}, {@code 2g}, {@code 1GiB}: {@link ByteSizes#parse},
     * its unit required, as -Xmx's), if it names one.
     */
    static OptionalLong chosenHeap(String setting) {
        String size = setting == null ? "" : setting.strip();
        if (size.isEmpty() || !Character.isLetter(size.charAt(size.length() - 1))) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(ByteSizes.parse(size));
        } catch (IllegalArgumentException notASize) {
            return OptionalLong.empty();
        }
    }

    /**
     * Worth a second JVM's start (half a second): the dumps need more than the JVM starts with, so that G1
     * would grow the heap. Also when they need about as much as it may grow to, or more (a diff of two
     * large dumps): the sized JVM then gets that same maximum, and the huge pages, which its 38 M-object
     * graphs gain most from (the 1.9 GB pair's diff in one run each: 35 s user CPU and 17 s system at
     * -Xmx5000m with them, 47 s and 30 s in the first JVM's 6 GB of 4 KB pages).
     */
    private static boolean worthIt(long neededBytes) {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return neededBytes > heap.getInit();
    }

    /** A heap the user chose, or a debugger agent that a second JVM could not attach to the same port. */
    private static boolean keepsThisJvm(String jvmArgument) {
        return jvmArgument.startsWith("-Xmx") || jvmArgument.startsWith("-XX:MaxHeapSize=")
                || jvmArgument.startsWith("-agentlib:jdwp") || jvmArgument.startsWith("-Xrunjdwp");
    }

    /**
     * The running JVM's {@code java}; a jpackage launcher's runtime has one in its {@code bin}. For the app on
     * Windows, {@code javaw.exe}, which opens no console window beside the app's (the windowed launcher has none).
     */
    private static Optional<Path> javaLauncher(boolean app) {
        Path bin = Path.of(System.getProperty("java.home"), "bin");
        if (app && Files.isExecutable(bin.resolve("javaw.exe"))) {
            return Optional.of(bin.resolve("javaw.exe"));
        }
        Optional<Path> current = ProcessHandle.current().info().command().map(Path::of)
                .filter(path -> path.getFileName().toString().matches("java(\\.exe)?"));
        if (current.isPresent()) {
            return current;
        }
        for (String name : List.of("java", "java.exe")) {
            if (Files.isExecutable(bin.resolve(name))) {
                return Optional.of(bin.resolve(name));
            }
        }
        return Optional.empty();
    }
}
