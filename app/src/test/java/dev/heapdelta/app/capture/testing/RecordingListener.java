package dev.heapdelta.app.capture.testing;

import dev.heapdelta.app.capture.CaptureListener;
import dev.heapdelta.app.capture.ProgressUnit;
import java.util.ArrayList;
import java.util.List;

/** Keeps everything a capture reports, for assertions. */
public final class RecordingListener implements CaptureListener {
    public final List<String> commands = new ArrayList<>();
    public final List<String> output = new ArrayList<>();
    public final List<String> notes = new ArrayList<>();
    public final List<String> warnings = new ArrayList<>();
    public final List<long[]> byteProgress = new ArrayList<>();
    public final List<long[]> objectProgress = new ArrayList<>();

    @Override
    public synchronized void commandStarted(String commandLine) {
        commands.add(commandLine);
    }

    @Override
    public synchronized void output(String line) {
        output.add(line);
    }

    @Override
    public synchronized void progress(ProgressUnit unit, long done, long total) {
        (unit == ProgressUnit.BYTES ? byteProgress : objectProgress).add(new long[] {done, total});
    }

    @Override
    public synchronized void note(String message) {
        notes.add(message);
    }

    @Override
    public synchronized void warning(String message) {
        warnings.add(message);
    }

    public synchronized String allCommands() {
        return String.join("\n", commands);
    }
}
