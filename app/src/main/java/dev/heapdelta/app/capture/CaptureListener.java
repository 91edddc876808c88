package dev.heapdelta.app.capture;

/**
 * Receives what a capture does, as it happens: every command in full, its output, progress, notes and
 * warnings. Called from worker threads (also two at once, for a command's stdout and stderr), so an
 * implementation that touches a UI hands over to its thread.
 */
public interface CaptureListener {
    CaptureListener NONE = new CaptureListener() {
    };

    /** A command is about to run, rendered as it could be typed into a shell. */
    default void commandStarted(String commandLine) {
    }

    /** One line of a running command's output (stdout or stderr). */
    default void output(String line) {
    }

    /**
     * @param done how far, in {@code unit}
     * @param total the expected total in the same unit, or -1 when unknown
     */
    default void progress(ProgressUnit unit, long done, long total) {
    }

    /** A step or a fact worth telling (free space found, where the dump went). */
    default void note(String message) {
    }

    /** Something that may hurt, although the capture goes on. */
    default void warning(String message) {
    }
}
