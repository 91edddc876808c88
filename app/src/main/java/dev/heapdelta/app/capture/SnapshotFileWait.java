package dev.heapdelta.app.capture;

import dev.heapdelta.analyzer.source.CancelSignal;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Waits for the snapshot that a signalled Node process writes: a new {@code Heap.*.heapsnapshot}
 * appears, grows, and counts as written once its size has not changed for a few polls. Node writes
 * it synchronously from the main thread, so a long pause means it has finished.
 */
final class SnapshotFileWait {
    private final Duration pollInterval;
    private final int stablePolls;
    private final CaptureListener listener;
    private final CancelSignal cancel;

    SnapshotFileWait(Duration pollInterval, int stablePolls, CaptureListener listener, CancelSignal cancel) {
        this.pollInterval = pollInterval;
        this.stablePolls = stablePolls;
        this.listener = listener;
        this.cancel = cancel;
    }

    /** @return the name of the new, complete snapshot file */
    String awaitNewSnapshot(SnapshotDirectory directory, Set<String> existing, Duration timeout)
            throws CaptureException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String found = null;
        long lastSize = -1;
        int unchanged = 0;
        while (System.nanoTime() - deadline < 0) {
            cancel.throwIfCancelled();
            Map<String, Long> sizes = directory.snapshotSizes();
            if (found == null) {
                found = sizes.keySet().stream().filter(name -> !existing.contains(name)).sorted()
                        .reduce((first, second) -> second).orElse(null);
                if (found != null) {
                    listener.note("the process is writing " + found);
                }
            }
            if (found != null) {
                long size = sizes.getOrDefault(found, -1L);
                if (size > 0 && size == lastSize) {
                    unchanged++;
                    if (unchanged >= stablePolls && directory.looksComplete(found)) {
                        return found;
                    }
                } else {
                    unchanged = 0;
                    if (size >= 0) {
                        listener.progress(ProgressUnit.BYTES, size, -1);
                    }
                }
                lastSize = size;
            }
            sleep();
        }
        throw new CaptureException(found == null
                ? "no new Heap.*.heapsnapshot appeared within " + CommandRunner.describe(timeout)
                        + "; is the process really handling that signal, and is its working directory writable?"
                : found + " was still growing after " + CommandRunner.describe(timeout));
    }

    private void sleep() throws CaptureException {
        try {
            Thread.sleep(pollInterval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CaptureException("interrupted while waiting for the snapshot file", e);
        }
    }
}
