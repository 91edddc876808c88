package dev.heapdelta.app.gui.format;

import java.util.List;

/** Short snapshot labels for column headers and legends: {@code leaks-t0.hprof.gz} reads {@code leaks-t0}. */
public final class SnapshotNames {
    private static final List<String> SUFFIXES = List.of(".gz", ".hprof", ".android-hprof", ".heapsnapshot",
            ".heaptimeline", ".bin");

    private SnapshotNames() {
    }

    public static String compact(String fileName) {
        String name = fileName;
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String suffix : SUFFIXES) {
                if (name.length() > suffix.length() && name.endsWith(suffix)) {
                    name = name.substring(0, name.length() - suffix.length());
                    stripped = true;
                }
            }
        }
        return name;
    }
}
