package dev.heapdelta.app.capture.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A child {@code node} holding marker objects, started by a test and stopped when closed. */
public final class ChildNode implements AutoCloseable {
    public static final String MARKER_CONSTRUCTOR = "HeapDeltaCaptureMarker";
    public static final int MARKER_COUNT = 100;
    private static final String SCRIPT = "class " + MARKER_CONSTRUCTOR + " { constructor(i) { this.index = i; } }\n"
            + "globalThis.keptMarkers = Array.from({length: " + MARKER_COUNT + "}, (_, i) => new " + MARKER_CONSTRUCTOR + "(i));\n"
            + "setInterval(() => {}, 1000);\n"
            + "console.log('ready');\n";
    private static final Pattern LISTENING = Pattern.compile("Debugger listening on ws://127\\.0\\.0\\.1:(\\d+)/");

    private final Process process;
    private final BlockingQueue<String> stderrLines;

    private ChildNode(Process process, BlockingQueue<String> stderrLines) {
        this.process = process;
        this.stderrLines = stderrLines;
    }

    /** Starts node with these flags before the marker script, in the given working directory. */
    public static ChildNode start(Path node, Path workingDirectory, String... flags) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(node.toString());
        command.addAll(List.of(flags));
        command.add("-e");
        command.add(SCRIPT);
        Process process = new ProcessBuilder(command).directory(workingDirectory.toFile()).start();
        BlockingQueue<String> stderr = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    stderr.add(line);
                }
            } catch (IOException ignored) {
                // The child was stopped.
            }
        }, "node-stderr");
        reader.setDaemon(true);
        reader.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (!"ready".equals(line)) {
            process.destroyForcibly();
            throw new IOException("node did not start; it said " + line + " " + stderr);
        }
        return new ChildNode(process, stderr);
    }

    /** The port from "Debugger listening on ws://127.0.0.1:PORT/…" on its stderr. */
    public int inspectorPort() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            String line = stderrLines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                Matcher matcher = LISTENING.matcher(line);
                if (matcher.find()) {
                    return Integer.parseInt(matcher.group(1));
                }
            }
        }
        throw new IOException("node printed no 'Debugger listening on' line");
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
