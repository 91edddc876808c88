package dev.heapdelta.app.gui.loading;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.leaks.SuspectSearchProgress;
import dev.heapdelta.analyzer.report.DiffReport;
import dev.heapdelta.analyzer.report.DiffReports;
import dev.heapdelta.analyzer.source.CancelSignal;
import java.util.List;

/**
 * The report the app shows for what the user opened: the diff of two or more snapshots, or for a
 * single snapshot its class histogram in diff form with the one-dump analysis (largest retainers,
 * collections and duplicate classes) as its suspects. It comes in two steps, so that the overview is shown
 * before the leak detectors have run: the snapshots and the class diff, then the findings added to them;
 * together they are {@link DiffReports#of}.
 */
final class ComparisonReports {
    private ComparisonReports() {
    }

    /** The snapshot rows and the class diff, without findings. */
    static DiffReport firstScreen(List<Snapshot> snapshots) {
        return DiffReports.withoutFindings(snapshots, false);
    }

    /** {@code firstScreen} with the suspects, large retainers and bounded caches found in {@code snapshots}. */
    static DiffReport withSuspects(DiffReport firstScreen, List<Snapshot> snapshots, CancelSignal cancel,
            SuspectSearchProgress progress) {
        return DiffReports.withFindings(firstScreen, snapshots, cancel, progress);
    }
}
