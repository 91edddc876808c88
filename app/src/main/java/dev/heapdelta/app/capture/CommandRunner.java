package dev.heapdelta.app.capture;

import dev.heapdelta.analyzer.source.CancelSignal;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs external commands (jcmd, docker, podman, kubectl, kill): shows each one in full before it
 * runs, streams its output line by line, keeps the tail for messages, and stops it on timeout or
 * cancel. Programs are found on the injected {@link CommandEnvironment}'s PATH.
 */
public final class CommandRunner {
    private static final long POLL_MILLIS = 50;

    private final CommandEnvironment environment;
    private final CaptureListener listener;
    private final CancelSignal cancel;

    public CommandRunner(CommandEnvironment environment, CaptureListener listener, CancelSignal cancel) {
        this.environment = environment;
        this.listener = listener;
        this.cancel = cancel;
    }

    public CommandEnvironment environment() {
        return environment;
    }

    /** The same runner, deaf to cancel: for the clean-up that must run after a cancel too. */
    public CommandRunner ignoringCancel() {
        return new CommandRunner(environment, listener, CancelSignal.NEVER);
    }

    /** Runs a command to its end, or until the timeout, with its output streamed to the listener. */
    public CommandResult run(List<String> command, Duration timeout) throws CaptureException {
        listener.commandStarted(CommandLineText.render(command));
        return await(launch(command, null), command, timeout);
    }

    /** Runs a command whose standard output is binary data, written straight to a file (the {@code cat} fallback of a copy). */
    public CommandResult runWithStdoutTo(List<String> command, Path stdoutFile, Duration timeout)
            throws CaptureException {
        listener.commandStarted(CommandLineText.render(command) + " > " + CommandLineText.quote(stdoutFile.toString()));
        return await(launch(command, stdoutFile), command, timeout);
    }

    /** Starts a command that keeps running (a port-forward) until the returned handle is closed. */
    public BackgroundCommand start(List<String> command) throws CaptureException {
        listener.commandStarted(CommandLineText.render(command) + " &");
        return new BackgroundCommand(startProcess(command, null), command, cancel, listener);
    }

    private LaunchedProcess launch(List<String> command, Path stdoutFile) throws CaptureException {
        Process process = startProcess(command, stdoutFile);
        OutputPump stdout = stdoutFile == null ? OutputPump.start(process.getInputStream(), listener, "stdout") : null;
        OutputPump stderr = OutputPump.start(process.getErrorStream(), listener, "stderr");
        return new LaunchedProcess(process, stdout, stderr);
    }

    private Process startProcess(List<String> command, Path stdoutFile) throws CaptureException {
        cancel.throwIfCancelled();
        String program = command.get(0);
        Path executable = environment.findExecutable(program).orElseThrow(() -> new CaptureException(
                "`" + program + "` was not found on PATH (" + environment.path() + "); install it or put it on PATH"));
        List<String> resolved = new ArrayList<>(command);
        resolved.set(0, executable.toString());
        ProcessBuilder builder = new ProcessBuilder(resolved);
        builder.environment().clear();
        builder.environment().putAll(environment.variables());
        if (stdoutFile != null) {
            builder.redirectOutput(stdoutFile.toFile());
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new CaptureException("could not start `" + CommandLineText.render(command) + "`: " + e.getMessage(), e);
        }
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // The child may already have exited; it reads no input anyway.
        }
        return process;
    }

    private CommandResult await(LaunchedProcess launched, List<String> command, Duration timeout)
            throws CaptureException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Process process = launched.process();
        try {
            while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                if (cancel.isCancelled()) {
                    destroyTree(process);
                    cancel.throwIfCancelled();
                }
                if (System.nanoTime() - deadline > 0) {
                    destroyTree(process);
                    launched.drain();
                    throw new CaptureException("timed out after " + describe(timeout) + ": `"
                            + CommandLineText.render(command) + "` did not finish and was stopped"
                            + tailOf(launched));
                }
            }
        } catch (InterruptedException e) {
            destroyTree(process);
            Thread.currentThread().interrupt();
            throw new CaptureException("interrupted while waiting for `" + CommandLineText.render(command) + "`", e);
        }
        launched.drain();
        return new CommandResult(command, process.exitValue(), launched.stdoutText(), launched.stderrText());
    }

    private static String tailOf(LaunchedProcess launched) {
        String output = (launched.stdoutText() + launched.stderrText()).strip();
        return output.isEmpty() ? "" : "; its last output:\n  " + CommandResult.lastLines(output, 8).replace("\n", "\n  ");
    }

    static String describe(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds > 0 ? seconds + " s" : duration.toMillis() + " ms";
    }

    static void destroyTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** A started child with the threads that read its output. */
    private record LaunchedProcess(Process process, OutputPump stdout, OutputPump stderr) {
        void drain() {
            if (stdout != null) {
                stdout.finish();
            }
            stderr.finish();
        }

        String stdoutText() {
            return stdout == null ? "" : stdout.keptText();
        }

        String stderrText() {
            return stderr.keptText();
        }
    }
}
