package dev.heapdelta.app.cli;

import dev.heapdelta.analyzer.format.ByteSizes;
import dev.heapdelta.app.capture.CaptureListener;
import dev.heapdelta.app.capture.ProgressUnit;
import java.io.PrintWriter;

/** Shows a capture on the terminal: commands as {@code $ …}, their output indented, progress every few seconds. */
final class PrintingCaptureListener implements CaptureListener {
    private static final long PROGRESS_EVERY_NANOS = 2_000_000_000L;

    private final PrintWriter out;
    private final PrintWriter err;
    private long lastProgressNanos = System.nanoTime() - PROGRESS_EVERY_NANOS;
    private String lastProgressLine = "";

    PrintingCaptureListener(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public synchronized void commandStarted(String commandLine) {
        out.println("$ " + commandLine);
        out.flush();
    }

    @Override
    public synchronized void output(String line) {
        out.println("  " + line);
        out.flush();
    }

    @Override
    public synchronized void progress(ProgressUnit unit, long done, long total) {
        long now = System.nanoTime();
        boolean finished = total > 0 && done >= total;
        if (!finished && now - lastProgressNanos < PROGRESS_EVERY_NANOS) {
            return;
        }
        String line = unit == ProgressUnit.BYTES
                ? "  … " + ByteSizes.human(done) + " written"
                        + (total > 0 && done < total ? " (about " + ByteSizes.human(total) + " expected)" : "")
                : "  … " + done + (total > 0 ? " of " + total : "") + " objects serialised";
        if (line.equals(lastProgressLine)) {
            return;
        }
        lastProgressNanos = now;
        lastProgressLine = line;
        out.println(line);
        out.flush();
    }

    @Override
    public synchronized void note(String message) {
        out.println(message);
        out.flush();
    }

    @Override
    public synchronized void warning(String message) {
        out.flush();
        err.println("heapdelta: warning: " + message);
        err.flush();
    }
}
