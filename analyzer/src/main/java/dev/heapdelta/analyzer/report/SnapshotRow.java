package dev.heapdelta.analyzer.report;

import java.util.List;

/** One snapshot of a diff, as the {@code snapshots} list of the diff JSON shows it. */
public record SnapshotRow(String file, String format, long objects, long totalShallowBytes, boolean partial,
        long lostBytes, long timestampMillis, long fileBytes, long lostRecords, List<String> warnings) {

    public SnapshotRow {
        warnings = List.copyOf(warnings);
    }

    /** A row without lost-record counts or warnings. */
    public SnapshotRow(String file, String format, long objects, long totalShallowBytes, boolean partial,
            long lostBytes, long timestampMillis, long fileBytes) {
        this(file, format, objects, totalShallowBytes, partial, lostBytes, timestampMillis, fileBytes, 0, List.of());
    }
}
