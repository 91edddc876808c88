package dev.heapdelta.app.gui.loading;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.report.DiffReport;
import dev.heapdelta.analyzer.report.DiffReports;
import java.util.List;

/**
 * The report the app shows for what the user opened: the diff of two or more snapshots, or for a
 * single snapshot its class histogram in diff form with the one-dump analysis (largest retainers,
 * collections and duplicate classes) as its suspects.
 */
final class ComparisonReports {
    private ComparisonReports() {
    }

    static DiffReport of(List<Snapshot> snapshots) {
        return DiffReports.of(snapshots, false);
    }
}
