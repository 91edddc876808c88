package dev.heapdelta.analyzer.report;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.diff.ClassDiffRow;
import dev.heapdelta.analyzer.diff.ClassDiffs;
import dev.heapdelta.analyzer.diff.Trends;
import dev.heapdelta.analyzer.graph.DumpInfo;
import dev.heapdelta.analyzer.leaks.LeakDetectors;
import dev.heapdelta.analyzer.leaks.LeakFindings;
import dev.heapdelta.analyzer.leaks.SeriesContext;
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
        SeriesContext series = new SeriesContext(snapshots, classes, includeStrings);
        LeakFindings findings = LeakDetectors.find(series);
        return new DiffReport(rows, classes, findings.suspects(), findings.largeRetainers(), Trends.basis(snapshots.size()),
                snapshots.get(snapshots.size() - 1).dominatorTree().rule().description(), includeStrings,
                SuspectBaseline.NONE, findings.boundedCaches());
    }
}
