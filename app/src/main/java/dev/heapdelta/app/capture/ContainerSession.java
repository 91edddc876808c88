package dev.heapdelta.app.capture;

import dev.heapdelta.analyzer.store.PrivateFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The commands of one capture inside one container: exec, the free-space and memory probes, copying
 * the dump out (with kubectl's {@code cat} fallback when the image has no tar) and removing it.
 */
final class ContainerSession {
    private final ContainerTarget target;
    private final CommandRunner runner;
    private final CaptureListener listener;
    private final CaptureOptions options;

    ContainerSession(ContainerTarget target, CommandRunner runner, CaptureListener listener, CaptureOptions options) {
        this.target = target;
        this.runner = runner;
        this.listener = listener;
        this.options = options;
    }

    ContainerTarget target() {
        return target;
    }

    CommandResult exec(String... command) throws CaptureException {
        return exec(options.commandTimeout(), command);
    }

    CommandResult exec(Duration timeout, String... command) throws CaptureException {
        return runner.run(target.exec(List.of(command)), timeout);
    }

    /** True when the command could not run because the image does not have the program. */
    static boolean programMissing(CommandResult result, String program) {
        String output = result.combinedOutput();
        String lower = output.toLowerCase(Locale.ROOT);
        if (lower.contains("executable file not found") || lower.contains(program + ": not found")
                || lower.contains(program + ": no such file") || lower.contains("\"" + program + "\": stat")) {
            return true;
        }
        boolean programRan = output.contains("Exception") || output.contains("sun.tools");
        return (result.exitCode() == 127 || result.exitCode() == 126) && !programRan;
    }

    ContainerSpace probeSpace(String directory) throws CaptureException {
        CommandResult df = exec("df", "-Pk", directory);
        ContainerSpace.DiskFree disk = df.succeeded() ? ContainerSpace.parseDf(df.stdout()) : ContainerSpace.DiskFree.UNKNOWN;
        CommandResult memory = exec("cat", "/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory.current");
        if (!memory.succeeded()) {
            memory = exec("cat", "/sys/fs/cgroup/memory/memory.limit_in_bytes",
                    "/sys/fs/cgroup/memory/memory.usage_in_bytes");
        }
        long[] limitAndUsage = memory.succeeded() ? ContainerSpace.parseMemory(memory.stdout()) : new long[] {-1, -1};
        return new ContainerSpace(disk.availableBytes(), disk.filesystem(), limitAndUsage[0], limitAndUsage[1]);
    }

    /** Applies the verdict: warnings shown, a refusal thrown. */
    void requireRoom(ContainerSpace space, long expectedBytes, String directory) throws CaptureException {
        ContainerSpace.Verdict verdict = space.judge(expectedBytes, directory, target.describe());
        verdict.warnings().forEach(listener::warning);
        if (verdict.refusal() != null) {
            throw new CaptureException(verdict.refusal());
        }
    }

    private static void createPrivately(Path local) throws CaptureException {
        try {
            PrivateFile.createEmpty(local);
        } catch (IOException e) {
            throw new CaptureException("cannot create " + local + ": " + e.getMessage(), e);
        }
    }

    /** Copies a file out of the container, showing the local size as it grows. */
    void copyOut(String containerPath, Path local, long expectedBytes) throws CaptureException {
        CommandResult copy;
        FileGrowthWatcher watcher = FileGrowthWatcher.start(local, expectedBytes, listener);
        try {
            copy = runner.run(target.copyOut(containerPath, local), options.dumpTimeout());
        } finally {
            watcher.close();
        }
        if (copy.succeeded()) {
            return;
        }
        if (target instanceof ContainerTarget.KubernetesPod && copy.combinedOutput().contains("tar")) {
            listener.warning("kubectl cp needs tar in the image, which it lacks; streaming the file with cat instead");
            CommandResult cat;
            FileGrowthWatcher catWatcher = FileGrowthWatcher.start(local, expectedBytes, listener);
            try {
                // cat's output is redirected into this file, which keeps the mode it is created with.
                createPrivately(local);
                cat = runner.runWithStdoutTo(target.exec(List.of("cat", containerPath)), local, options.dumpTimeout());
            } finally {
                catWatcher.close();
            }
            if (cat.succeeded()) {
                return;
            }
            throw cat.failure("copying " + containerPath + " out of " + target.describe() + " failed");
        }
        throw copy.failure("copying " + containerPath + " out of " + target.describe() + " failed");
    }

    /**
     * Removes a temporary file inside the container, also after a cancel; when that fails, says how to
     * remove it by hand.
     */
    void removeQuietly(String containerPath) {
        List<String> command = target.exec(List.of("rm", "-f", containerPath));
        try {
            CommandResult removal = runner.ignoringCancel().run(command, options.commandTimeout());
            if (!removal.succeeded()) {
                listener.warning("the temporary dump is still in " + target.describe() + " at " + containerPath
                        + "; remove it with: " + CommandLineText.render(command));
            }
        } catch (CaptureException e) {
            listener.warning("the temporary dump may still be in " + target.describe() + " at " + containerPath
                    + " (" + e.getMessage() + "); remove it with: " + CommandLineText.render(command));
        }
    }
}
