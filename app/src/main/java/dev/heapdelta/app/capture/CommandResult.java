package dev.heapdelta.app.capture;

import java.util.List;

/** How a finished command ended: its exit code and the (tail of its) output, stdout and stderr apart. */
public record CommandResult(List<String> command, int exitCode, String stdout, String stderr) {

    public CommandResult {
        command = List.copyOf(command);
    }

    public boolean succeeded() {
        return exitCode == 0;
    }

    public String combinedOutput() {
        if (stderr.isBlank()) {
            return stdout;
        }
        if (stdout.isBlank()) {
            return stderr;
        }
        return stdout + (stdout.endsWith("\n") ? "" : "\n") + stderr;
    }

    /** This result, when the command succeeded; otherwise its {@link #failure}. */
    public CommandResult requireSuccess(String what) throws CaptureException {
        if (!succeeded()) {
            throw failure(what);
        }
        return this;
    }

    /** The failure to report when this command had to succeed. */
    public CaptureException failure(String what) {
        String output = combinedOutput().strip();
        return new CaptureException(what + ": `" + CommandLineText.render(command) + "` exited with code " + exitCode
                + (output.isEmpty() ? "" : ":\n" + indent(lastLines(output, 12))));
    }

    static String lastLines(String text, int count) {
        String[] lines = text.split("\n");
        int from = Math.max(0, lines.length - count);
        return String.join("\n", List.of(lines).subList(from, lines.length));
    }

    private static String indent(String text) {
        return "  " + text.replace("\n", "\n  ");
    }
}
