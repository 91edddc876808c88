package dev.heapdelta.app.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Polls the size of a file that another process is writing, and reports it as progress until closed. */
final class FileGrowthWatcher implements AutoCloseable {
    private static final long POLL_MILLIS = 500;

    private final Path file;
    private final long expectedBytes;
    private final CaptureListener listener;
    private final Thread thread;
    private volatile boolean stopped;

    private FileGrowthWatcher(Path file, long expectedBytes, CaptureListener listener) {
        this.file = file;
        this.expectedBytes = expectedBytes;
        this.listener = listener;
        this.thread = new Thread(this::poll, "heapdelta-dump-size");
        this.thread.setDaemon(true);
    }

    /** @param expectedBytes the size the file is expected to reach, or -1 */
    static FileGrowthWatcher start(Path file, long expectedBytes, CaptureListener listener) {
        FileGrowthWatcher watcher = new FileGrowthWatcher(file, expectedBytes, listener);
        watcher.thread.start();
        return watcher;
    }

    private void poll() {
        long reported = -1;
        while (!stopped) {
            long size = sizeNow();
            if (size >= 0 && size != reported) {
                listener.progress(ProgressUnit.BYTES, size, expectedBytes);
                reported = size;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private long sizeNow() {
        try {
            return Files.size(file);
        } catch (NoSuchFileException notYet) {
            return -1;
        } catch (IOException unreadable) {
            return -1;
        }
    }

    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long size = sizeNow();
        if (size >= 0) {
            listener.progress(ProgressUnit.BYTES, size, expectedBytes);
        }
    }
}
