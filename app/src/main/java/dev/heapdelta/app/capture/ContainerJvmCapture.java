package dev.heapdelta.app.capture;

import dev.heapdelta.analyzer.source.CancelSignal;
import java.util.ArrayList;
import java.util.List;

/**
 * Dumps a JVM inside a container: {@code jcmd PID GC.heap_dump} through exec, after checking that the
 * image has jcmd and that the dump fits; then copies the dump out and removes it from the container.
 */
final class ContainerJvmCapture {
    private static final int FIRST_JDK_WITH_GZ = 15;

    private final CommandRunner runner;
    private final CaptureListener listener;
    private final CancelSignal cancel;

    ContainerJvmCapture(CommandRunner runner, CaptureListener listener, CancelSignal cancel) {
        this.runner = runner;
        this.listener = listener;
        this.cancel = cancel;
    }

    long capture(ContainerTarget target, DumpDestination destination, CaptureOptions options) throws CaptureException {
        ContainerSession session = new ContainerSession(target, runner, listener, options);
        String pid = Long.toString(options.containerPid());

        CommandResult version = session.exec("jcmd", pid, "VM.version");
        if (ContainerSession.programMissing(version, "jcmd")) {
            throw new CaptureException(MissingJcmdAdvice.text(target, options.containerPid()));
        }
        boolean jcmdRan = version.combinedOutput().contains("Exception") || version.stdout().startsWith(pid + ":");
        if (!version.succeeded() && !jcmdRan) {
            throw version.failure(target.program() + " could not run jcmd in " + target.describe()
                    + " (is it there and running, and can " + target.program() + " reach it?)");
        }
        if (!version.succeeded() || version.combinedOutput().contains("Exception")) {
            throw version.failure("jcmd in " + target.describe() + " could not attach to process " + pid
                    + ". Is the JVM process " + pid + " there (see --container-pid), and does exec run as the JVM's user?");
        }
        int major = JcmdOutput.jdkMajorVersion(version.stdout());
        boolean gzipInJvm = options.gzip() && major >= FIRST_JDK_WITH_GZ;

        CommandResult heapInfo = session.exec("jcmd", pid, "GC.heap_info");
        long used = heapInfo.succeeded() ? JcmdOutput.usedHeapBytes(heapInfo.stdout()) : -1;
        long expected = DumpSizeEstimate.expectedBytes(used, gzipInJvm);
        String directory = options.containerDirectory();
        session.requireRoom(session.probeSpace(directory), expected, directory);
        LocalDiskSpace.requireRoomFor(destination.directory(), options.gzip() && !gzipInJvm
                ? expected + DumpSizeEstimate.expectedBytes(used, true) : expected, listener);

        String remote = directory.replaceAll("/+$", "") + "/heapdelta-" + System.currentTimeMillis() + ".hprof"
                + (gzipInJvm ? ".gz" : "");
        List<String> dump = new ArrayList<>(List.of("jcmd", pid, "GC.heap_dump"));
        if (!options.liveOnly()) {
            dump.add("-all");
        }
        if (gzipInJvm) {
            dump.add("-gz=1");
        }
        dump.add(remote);
        try {
            CommandResult written = session.exec(options.dumpTimeout(), dump.toArray(String[]::new));
            if (!written.succeeded() || !JcmdOutput.reportsDumpCreated(written.stdout())) {
                throw written.failure("the JVM in " + target.describe() + " did not write the dump");
            }
            cancel.throwIfCancelled();
            session.copyOut(remote, destination.partial(), expected);
            if (options.gzip() && !gzipInJvm) {
                GzipFile.compressInPlace(destination.partial(), listener, cancel);
            }
            return destination.commit();
        } finally {
            session.removeQuietly(remote);
            destination.discard();
        }
    }
}
