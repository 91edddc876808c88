package dev.heapdelta.app.capture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a process's command line, environment and working directory from Linux's /proc. */
final class ProcFiles {
    private static final Path PROC = Path.of("/proc");

    private ProcFiles() {
    }

    static Path processDirectory(long pid) {
        return PROC.resolve(Long.toString(pid));
    }

    /** The argv of a process, or an empty list when it is gone or unreadable. */
    static List<String> commandLine(long pid) {
        try {
            return splitNulSeparated(new String(Files.readAllBytes(processDirectory(pid).resolve("cmdline")),
                    StandardCharsets.UTF_8));
        } catch (IOException e) {
            return List.of();
        }
    }

    /** One variable of a process's environment, or null when unset or unreadable (another user's process). */
    static String environmentVariable(long pid, String name) {
        try {
            return variable(new String(Files.readAllBytes(processDirectory(pid).resolve("environ")),
                    StandardCharsets.UTF_8), name);
        } catch (IOException e) {
            return null;
        }
    }

    static String variable(String nulSeparatedEnvironment, String name) {
        for (String entry : splitNulSeparated(nulSeparatedEnvironment)) {
            if (entry.startsWith(name + "=")) {
                return entry.substring(name.length() + 1);
            }
        }
        return null;
    }

    static List<String> splitNulSeparated(String text) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\0') {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            parts.add(text.substring(start));
        }
        return parts;
    }

    static Path workingDirectory(long pid) throws CaptureException {
        try {
            return processDirectory(pid).resolve("cwd").toRealPath();
        } catch (IOException e) {
            throw new CaptureException("cannot see the working directory of process " + pid + " (" + e.getMessage()
                    + "); it belongs to another user, or is gone", e);
        }
    }
}
