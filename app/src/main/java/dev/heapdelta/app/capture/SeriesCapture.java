package dev.heapdelta.app.capture;

import dev.heapdelta.analyzer.source.CancelSignal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes N dumps of one target, one every interval (start to start): the baseline → target → final
 * workflow whose files go straight into {@code heapdelta diff}.
 */
public final class SeriesCapture {
    private static final long SLEEP_SLICE_MILLIS = 100;

    private final HeapDumpCapture capture;

    public SeriesCapture(HeapDumpCapture capture) {
        this.capture = capture;
    }

    /** @return the dumps in the order taken */
    public List<CaptureResult> capture(CaptureRequest request, int count, Duration interval, CaptureListener listener,
            CancelSignal cancel) throws CaptureException {
        if (count < 1) {
            throw new IllegalArgumentException("a series needs at least one dump, not " + count);
        }
        List<Path> files = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            Path file = SeriesFileNames.nth(request.output(), i);
            if (Files.exists(file) && !request.options().overwrite()) {
                throw new CaptureException(file.toAbsolutePath() + " already exists (dump " + i + " of the series);"
                        + " choose another name, or add --force to replace the series");
            }
            files.add(file);
        }
        List<CaptureResult> results = new ArrayList<>();
        long seriesStart = System.nanoTime();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                waitUntil(seriesStart + interval.toNanos() * i, i + 1, count, listener, cancel);
            }
            listener.note("dump " + (i + 1) + " of " + count);
            results.add(capture.capture(request.withOutput(files.get(i)), listener, cancel));
        }
        return results;
    }

    private static void waitUntil(long dueNanos, int next, int count, CaptureListener listener, CancelSignal cancel)
            throws CaptureException {
        long remaining = dueNanos - System.nanoTime();
        if (remaining <= 0) {
            listener.warning("dump " + (next - 1) + " took longer than the interval; taking dump " + next + " now");
            return;
        }
        listener.note("next dump (" + next + " of " + count + ") in " + Math.round(remaining / 1e9) + " s");
        try {
            while (System.nanoTime() - dueNanos < 0) {
                cancel.throwIfCancelled();
                long left = (dueNanos - System.nanoTime()) / 1_000_000;
                Thread.sleep(Math.max(1, Math.min(SLEEP_SLICE_MILLIS, left)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CaptureException("interrupted while waiting for the next dump", e);
        }
    }
}
