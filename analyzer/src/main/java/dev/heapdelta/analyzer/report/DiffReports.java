package dev.heapdelta.analyzer.report;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.diff.ClassDiffRow;
import dev.heapdelta.analyzer.diff.ClassDiffs;
import dev.heapdelta.analyzer.diff.Trends;
import dev.heapdelta.analyzer.graph.DumpInfo;
import dev.heapdelta.analyzer.leaks.LeakDetectors;
import dev.heapdelta.analyzer.leaks.LeakFindings;
import dev.heapdelta.analyzer.leaks.SeriesContext;
import dev.heapdelta.analyzer.leaks.SuspectSearchProgress;
import dev.heapdelta.analyzer.source.CancelSignal;
import java.util.ArrayList;
import java.util.List;

/** Builds the {@link DiffReport} of a series of analysed snapshots. */
public final class DiffReports {
    private DiffReports() {
    }

    /**
     * @param snapshots one or more, in command-line order; one is analysed on its own
     * @param includeStrings show string contents in samples; redacted by default
     */
    public static DiffReport of(List<Snapshot> snapshots, boolean includeStrings) {
        return withFindings(withoutFindings(snapshots, includeStrings), snapshots, CancelSignal.NEVER,
                SuspectSearchProgress.NONE);
    }

    /**
     * The report's snapshot rows and class diff with no suspects, large retainers nor bounded caches yet: what
     * can be shown before the leak detectors have run ({@link #withFindings} adds them).
     */
    public static DiffReport withoutFindings(List<Snapshot> snapshots, boolean includeStrings) {
        if (snapshots.isEmpty()) {
            throw new IllegalArgumentException("a report needs a snapshot");
        }
        List<SnapshotRow> rows = new ArrayList<>();
        for (Snapshot snapshot : snapshots) {
            DumpInfo info = snapshot.graph().info();
            rows.add(new SnapshotRow(snapshot.file(), snapshot.format().jsonName(), snapshot.objectCount(),
                    snapshot.totalShallowBytes(), info.partial(), info.lostBytes(), info.timestampMillis(),
                    info.fileBytes(), info.lostRecords(), info.warnings()));
        }
        List<ClassDiffRow> classes = ClassDiffs.of(snapshots);
        return new DiffReport(rows, classes, List.of(), List.of(), Trends.basis(snapshots.size()),
                snapshots.get(snapshots.size() - 1).dominatorTree().rule().description(), includeStrings,
                SuspectBaseline.NONE, List.of());
    }

    /**
     * {@code report}, made by {@link #withoutFindings} of the same snapshots, with what the leak detectors find
     * in them: the report {@link #of} makes. {@code cancel} stops the search between its steps with
     * {@link dev.heapdelta.analyzer.source.AnalysisCancelledException}.
     */
    public static DiffReport withFindings(DiffReport report, List<Snapshot> snapshots, CancelSignal cancel,
            SuspectSearchProgress progress) {
        SeriesContext series = new SeriesContext(snapshots, report.classes(), report.includeStrings(), cancel,
                progress);
        LeakFindings findings = LeakDetectors.find(series);
        // Cancelled during the last step, the search is cancelled all the same: its caller has stopped waiting.
        cancel.throwIfCancelled();
        return new DiffReport(report.snapshots(), report.classes(), findings.suspects(), findings.largeRetainers(),
                report.trendBasis(), report.retention(), report.includeStrings(), report.baseline(),
                findings.boundedCaches());
    }
}
