package dev.heapdelta.app.gui.acquire;

import dev.heapdelta.app.capture.CaptureListener;
import dev.heapdelta.app.capture.ProgressUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Takes the capture's reports on its worker threads and hands them to the FX thread in batches: log
 * lines all arrive, in order; progress only as its latest value, so a fast writer never floods the FX thread.
 */
final class FxCaptureListener implements CaptureListener {
    private final Executor fxThread;
    private final Consumer<List<String>> onLines;
    private final Consumer<long[]> onBytes;
    private final Queue<String> pendingLines = new ConcurrentLinkedQueue<>();
    private final AtomicReference<long[]> latestBytes = new AtomicReference<>();
    private final AtomicBoolean queued = new AtomicBoolean();

    /**
     * @param onLines receives log lines on the FX thread
     * @param onBytes receives {done, total} bytes on the FX thread; total is 0 or less when unknown
     */
    FxCaptureListener(Executor fxThread, Consumer<List<String>> onLines, Consumer<long[]> onBytes) {
        this.fxThread = fxThread;
        this.onLines = onLines;
        this.onBytes = onBytes;
    }

    @Override
    public void commandStarted(String commandLine) {
        line("$ " + commandLine);
    }

    @Override
    public void output(String line) {
        line("  " + line);
    }

    @Override
    public void note(String message) {
        line(message);
    }

    @Override
    public void warning(String message) {
        line("warning: " + message);
    }

    @Override
    public void progress(ProgressUnit unit, long done, long total) {
        if (unit == ProgressUnit.BYTES) {
            latestBytes.set(new long[] {done, total});
            schedule();
        }
    }

    void line(String text) {
        pendingLines.add(text);
        schedule();
    }

    private void schedule() {
        if (queued.compareAndSet(false, true)) {
            fxThread.execute(this::deliver);
        }
    }

    private void deliver() {
        queued.set(false);
        List<String> lines = new ArrayList<>();
        for (String text = pendingLines.poll(); text != null; text = pendingLines.poll()) {
            lines.add(text);
        }
        if (!lines.isEmpty()) {
            onLines.accept(lines);
        }
        long[] bytes = latestBytes.getAndSet(null);
        if (bytes != null) {
            onBytes.accept(bytes);
        }
    }
}
