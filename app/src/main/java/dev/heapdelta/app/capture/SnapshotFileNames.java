package dev.heapdelta.app.capture;

import java.util.regex.Pattern;

/** Node's names for the snapshots it writes on {@code --heapsnapshot-signal}: {@code Heap.20240101.120000.PID.0.001.heapsnapshot}. */
final class SnapshotFileNames {
    private static final Pattern SIGNAL_SNAPSHOT = Pattern.compile("Heap\\.[^/]*\\.heapsnapshot");

    private SnapshotFileNames() {
    }

    static boolean isSignalSnapshot(String fileName) {
        return SIGNAL_SNAPSHOT.matcher(fileName).matches();
    }
}
