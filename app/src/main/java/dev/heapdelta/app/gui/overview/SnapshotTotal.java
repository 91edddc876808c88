package dev.heapdelta.app.gui.overview;

/** One snapshot's heap totals as the overview shows them. */
public record SnapshotTotal(String name, String format, long objects, long totalBytes, boolean partial,
        long lostBytes, boolean outOfCore) {
}
