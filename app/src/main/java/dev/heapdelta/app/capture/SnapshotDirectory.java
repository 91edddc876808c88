package dev.heapdelta.app.capture;

import java.util.Map;

/** A directory where a Node process writes its signal snapshots: local, or inside a container. */
interface SnapshotDirectory {

    /** The {@code Heap.*.heapsnapshot} files there now, with their sizes. */
    Map<String, Long> snapshotSizes() throws CaptureException;

    /** An extra completeness check once the size has settled; a directory that cannot look inside says yes. */
    default boolean looksComplete(String fileName) throws CaptureException {
        return true;
    }
}
