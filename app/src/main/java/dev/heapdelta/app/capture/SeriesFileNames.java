package dev.heapdelta.app.capture;

import java.nio.file.Path;

/** The files of a series: {@code dump.hprof} becomes {@code dump-1.hprof}, {@code dump-2.hprof}, … (also {@code .hprof.gz}). */
public final class SeriesFileNames {
    private SeriesFileNames() {
    }

    /** @param index 1-based */
    public static Path nth(Path pattern, int index) {
        String name = pattern.getFileName().toString();
        int extension = extensionStart(name);
        String numbered = name.substring(0, extension) + "-" + index + name.substring(extension);
        return pattern.resolveSibling(numbered);
    }

    private static int extensionStart(String name) {
        int dot = name.lastIndexOf('.');
        if (dot <= 0) {
            return name.length();
        }
        if (name.endsWith(".gz")) {
            int inner = name.lastIndexOf('.', dot - 1);
            if (inner > 0) {
                return inner;
            }
        }
        return dot;
    }
}
