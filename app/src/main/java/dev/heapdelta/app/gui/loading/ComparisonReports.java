package dev.heapdelta.app.gui.loading;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.diff.ClassDiffs;
import dev.heapdelta.analyzer.report.DiffReport;
import dev.heapdelta.analyzer.report.DiffReports;
import dev.heapdelta.analyzer.report.SnapshotRow;
import java.util.List;

/**
 * The report the app shows for what the user opened: the diff of two or more snapshots, or for a
 * single snapshot its class histogram in diff form, with no suspects (nothing to compare against).
 */
final class ComparisonReports {
    static final String SINGLE_SNAPSHOT = "single-snapshot";

    private ComparisonReports() {
    }

    static DiffReport of(List<Snapshot> snapshots) {
        if (snapshots.size() >= 2) {
            return DiffReports.of(snapshots, false);
        }
        Snapshot only = snapshots.get(0);
        SnapshotRow row = new SnapshotRow(only.file(), only.format().jsonName(), only.objectCount(),
                only.totalShallowBytes(), only.graph().info().partial(), only.graph().info().lostBytes(),
                only.graph().info().timestampMillis(), only.graph().info().fileBytes());
        return new DiffReport(List.of(row), ClassDiffs.of(snapshots), List.of(), SINGLE_SNAPSHOT,
                only.dominatorTree().rule().description(), false);
    }
}
