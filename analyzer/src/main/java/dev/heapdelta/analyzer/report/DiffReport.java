package dev.heapdelta.analyzer.report;

import dev.heapdelta.analyzer.diff.ClassDiffRow;
import dev.heapdelta.analyzer.leaks.Suspect;
import java.util.List;

/**
 * Everything {@code heapdelta diff} reports: the snapshots in command-line order, the class diff and
 * the ranked leak suspects. The JSON, the table, the UI and the PDF all render this.
 *
 * @param suspects the ranked leak suspects; for one snapshot, its largest retainers, collections and
 *     duplicate classes ({@code trendBasis} {@code single-snapshot})
 * @param largeRetainers objects retaining over a tenth of the heap that did not grow: shown apart
 * @param boundedCaches caches that grew close to their configured maximum: no leak, shown apart so that
 *     a user who sees them grow reads why
 * @param retention how references were treated for retained sizes in this run
 * @param baseline the known suspects given with {@code --baseline}, or {@link SuspectBaseline#NONE}
 */
public record DiffReport(List<SnapshotRow> snapshots, List<ClassDiffRow> classes, List<Suspect> suspects,
        List<Suspect> largeRetainers, String trendBasis, String retention, boolean includeStrings,
        SuspectBaseline baseline, List<Suspect> boundedCaches) {

    public DiffReport(List<SnapshotRow> snapshots, List<ClassDiffRow> classes, List<Suspect> suspects,
            List<Suspect> largeRetainers, String trendBasis, String retention, boolean includeStrings,
            SuspectBaseline baseline) {
        this(snapshots, classes, suspects, largeRetainers, trendBasis, retention, includeStrings, baseline, List.of());
    }

    public DiffReport withBaseline(SuspectBaseline known) {
        return new DiffReport(snapshots, classes, suspects, largeRetainers, trendBasis, retention, includeStrings,
                known, boundedCaches);
    }

    public DiffReport withSuspects(List<Suspect> replaced) {
        return new DiffReport(snapshots, classes, List.copyOf(replaced), largeRetainers, trendBasis, retention,
                includeStrings, baseline, boundedCaches);
    }

    public boolean anyPartial() {
        return snapshots.stream().anyMatch(SnapshotRow::partial);
    }
}
