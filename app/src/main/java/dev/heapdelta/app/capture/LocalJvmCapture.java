package dev.heapdelta.app.capture;

import dev.heapdelta.analyzer.source.CancelSignal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Dumps a JVM on this machine with {@code jcmd PID GC.heap_dump}, using the {@code jcmd} of this
 * JVM's home or PATH, and falls back to the Attach API when there is none (a JRE runs HeapDelta).
 */
final class LocalJvmCapture {
    /** {@code GC.heap_dump -gz} exists from JDK 15 on. */
    private static final int FIRST_JDK_WITH_GZ = 15;

    private final CommandRunner runner;
    private final CaptureListener listener;
    private final CancelSignal cancel;

    LocalJvmCapture(CommandRunner runner, CaptureListener listener, CancelSignal cancel) {
        this.runner = runner;
        this.listener = listener;
        this.cancel = cancel;
    }

    long capture(long pid, DumpDestination destination, CaptureOptions options) throws CaptureException {
        requireRunning(pid);
        Optional<Path> jcmd = findJcmd(runner.environment());
        if (jcmd.isPresent()) {
            return captureWithJcmd(jcmd.get(), pid, destination, options);
        }
        if (!attachApiPresent()) {
            throw new CaptureException("neither jcmd (looked in " + runner.environment().javaHome()
                    + "/bin and on PATH) nor the Attach API (module jdk.attach) is available in this Java runtime;"
                    + " run HeapDelta with a full JDK, or run `jcmd " + pid + " GC.heap_dump FILE` yourself");
        }
        listener.note("no jcmd in " + runner.environment().javaHome() + "/bin or on PATH; using the Attach API");
        return new AttachApiHeapDump(listener, cancel).capture(pid, destination, options);
    }

    static void requireRunning(long pid) throws CaptureException {
        if (ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty()) {
            throw new CaptureException("there is no process " + pid + " on this machine; `heapdelta capture --list`"
                    + " shows the JVMs and Node processes that can be dumped");
        }
    }

    static boolean attachApiPresent() {
        return ModuleLayer.boot().findModule("jdk.attach").isPresent();
    }

    /** The JDK's own jcmd first (it matches the JDK that runs HeapDelta), then PATH. */
    static Optional<Path> findJcmd(CommandEnvironment environment) {
        Path own = environment.javaHome().resolve("bin").resolve("jcmd");
        if (Files.isExecutable(own)) {
            return Optional.of(own);
        }
        return environment.findExecutable("jcmd");
    }

    private long captureWithJcmd(Path jcmd, long pid, DumpDestination destination, CaptureOptions options)
            throws CaptureException {
        String program = jcmd.toString();
        CommandResult version = runner.run(List.of(program, Long.toString(pid), "VM.version"), options.commandTimeout());
        if (!version.succeeded() || version.combinedOutput().contains("Exception")) {
            throw version.failure("jcmd could not attach to process " + pid + " (is it a HotSpot JVM run by the same"
                    + " user, and was it started without -XX:+DisableAttachMechanism?)");
        }
        int major = JcmdOutput.jdkMajorVersion(version.stdout());
        boolean gzipInJvm = options.gzip() && major >= FIRST_JDK_WITH_GZ;

        CommandResult heapInfo = runner.run(List.of(program, Long.toString(pid), "GC.heap_info"),
                options.commandTimeout());
        long used = heapInfo.succeeded() ? JcmdOutput.usedHeapBytes(heapInfo.stdout()) : -1;
        long expected = DumpSizeEstimate.expectedBytes(used, gzipInJvm);
        LocalDiskSpace.requireRoomFor(destination.directory(), options.gzip() && !gzipInJvm
                ? expected + DumpSizeEstimate.expectedBytes(used, true) : expected, listener);

        List<String> dump = new ArrayList<>(List.of(program, Long.toString(pid), "GC.heap_dump"));
        if (!options.liveOnly()) {
            dump.add("-all");
        }
        if (gzipInJvm) {
            dump.add("-gz=1");
        }
        dump.add(destination.partial().toString());
        try {
            CommandResult result;
            FileGrowthWatcher watcher = FileGrowthWatcher.start(destination.partial(), expected, listener);
            try {
                result = runner.run(dump, options.dumpTimeout());
            } finally {
                watcher.close();
            }
            if (!result.succeeded() || !JcmdOutput.reportsDumpCreated(result.stdout())
                    || !Files.isRegularFile(destination.partial())) {
                throw result.failure("the JVM did not write the dump");
            }
            if (options.gzip() && !gzipInJvm) {
                GzipFile.compressInPlace(destination.partial(), listener, cancel);
            }
            return destination.commit();
        } finally {
            destination.discard();
        }
    }
}
