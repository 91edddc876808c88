package dev.heapdelta.analyzer.report;

/** One snapshot of a diff, as the {@code snapshots} list of the diff JSON shows it. */
public record SnapshotRow(String file, String format, long objects, long totalShallowBytes, boolean partial,
        long lostBytes, long timestampMillis, long fileBytes) {
}
