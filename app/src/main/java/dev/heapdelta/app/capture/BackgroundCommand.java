package dev.heapdelta.app.capture;

import dev.heapdelta.analyzer.source.CancelSignal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A command left running in the background (such as {@code kubectl port-forward}); closing it stops it. */
public final class BackgroundCommand implements AutoCloseable {
    private final Process process;
    private final List<String> command;
    private final CancelSignal cancel;
    private final OutputPump stdout;
    private final OutputPump stderr;

    BackgroundCommand(Process process, List<String> command, CancelSignal cancel, CaptureListener listener) {
        this.process = process;
        this.command = List.copyOf(command);
        this.cancel = cancel;
        this.stdout = OutputPump.start(process.getInputStream(), listener, "background-stdout");
        this.stderr = OutputPump.start(process.getErrorStream(), listener, "background-stderr");
    }

    /**
     * Waits until a line of its standard output matches, and returns the match.
     *
     * @throws CaptureException when the command exits first or the timeout passes
     */
    public Matcher awaitLine(Pattern pattern, Duration timeout) throws CaptureException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (System.nanoTime() - deadline < 0) {
                cancel.throwIfCancelled();
                String line = stdout.lines().poll(50, TimeUnit.MILLISECONDS);
                if (line != null) {
                    Matcher matcher = pattern.matcher(line);
                    if (matcher.find()) {
                        return matcher;
                    }
                } else if (!process.isAlive() && stdout.lines().isEmpty()) {
                    stdout.finish();
                    if (stdout.lines().isEmpty()) {
                        stderr.finish();
                        throw new CommandResult(command, process.exitValue(), stdout.keptText(), stderr.keptText())
                                .failure("`" + command.get(0) + "` stopped before it was ready");
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CaptureException("interrupted while waiting for `" + CommandLineText.render(command) + "`", e);
        }
        throw new CaptureException("timed out after " + CommandRunner.describe(timeout) + " waiting for `"
                + CommandLineText.render(command) + "` to print a line matching " + pattern.pattern()
                + stderrTail());
    }

    private String stderrTail() {
        String text = stderr.keptText().strip();
        return text.isEmpty() ? "" : "; its error output:\n  " + CommandResult.lastLines(text, 8).replace("\n", "\n  ");
    }

    @Override
    public void close() {
        CommandRunner.destroyTree(process);
    }
}
