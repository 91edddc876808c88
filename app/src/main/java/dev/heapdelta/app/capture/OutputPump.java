package dev.heapdelta.app.capture;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** Reads one output stream of a child line by line on its own thread: to the listener, to a bounded tail, to a queue. */
final class OutputPump {
    private static final int KEPT_CHARS = 256 * 1024;
    private static final long FINISH_WAIT_MILLIS = 2000;

    private final InputStream stream;
    private final CaptureListener listener;
    private final StringBuilder kept = new StringBuilder();
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Thread thread;

    private OutputPump(InputStream stream, CaptureListener listener, String name) {
        this.stream = stream;
        this.listener = listener;
        this.thread = new Thread(this::pump, "heapdelta-command-" + name);
        this.thread.setDaemon(true);
    }

    static OutputPump start(InputStream stream, CaptureListener listener, String name) {
        OutputPump pump = new OutputPump(stream, listener, name);
        pump.thread.start();
        return pump;
    }

    private void pump() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                keep(line);
                lines.add(line);
                listener.output(line.replace('\0', ' '));
            }
        } catch (IOException closed) {
            // The child was stopped and its pipe closed under us; what was read is kept.
        }
    }

    private synchronized void keep(String line) {
        kept.append(line).append('\n');
        if (kept.length() > KEPT_CHARS) {
            kept.delete(0, kept.length() - KEPT_CHARS);
        }
    }

    /** Waits a little for the last lines; a grandchild that keeps the pipe open does not block the caller. */
    void finish() {
        try {
            thread.join(FINISH_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    synchronized String keptText() {
        return kept.toString();
    }

    BlockingQueue<String> lines() {
        return lines;
    }
}
