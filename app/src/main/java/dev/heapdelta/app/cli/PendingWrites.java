package dev.heapdelta.app.cli;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Flushes the page cache's dirty pages to disk before a timed child starts, so that each run pays for
 * its own writes only. Without it a run that writes an index-cache entry right after another did is
 * throttled by the kernel for the earlier run's gigabytes still in writeback (Linux slows a writer once
 * the dirty pages pass the midpoint of {@code dirty_background_ratio} and {@code dirty_ratio}): on the
 * 1.9 GB benchmark dump a {@code summary} run just after its baseline's took 26.0 s against 18.9 and
 * 18.5 s in the runs that were not.
 */
final class PendingWrites {
    /** Far above what flushing a few gigabytes takes; a disk that takes longer is not worth waiting for. */
    private static final long WAIT_SECONDS = 120;

    private PendingWrites() {
    }

    /**
     * Runs the system's {@code sync} and waits for it. Where there is none (Windows) the timed run goes on
     * unflushed: the figures are then as noisy as they were before, not wrong.
     */
    static void flush() throws InterruptedException {
        Process sync;
        try {
            sync = new ProcessBuilder("sync").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException noSync) {
            return;
        }
        if (!sync.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
            sync.destroy();
        }
    }
}
