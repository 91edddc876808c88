package dev.heapdelta.app.cli;

import dev.heapdelta.analyzer.diff.ClassDiffRow;
import dev.heapdelta.analyzer.format.ByteSizes;
import dev.heapdelta.analyzer.leaks.Evidence;
import dev.heapdelta.analyzer.leaks.Suspect;
import dev.heapdelta.analyzer.report.DiffReport;
import dev.heapdelta.analyzer.report.SnapshotRow;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Prints a {@link DiffReport} so that its first lines answer "what leaked?". */
final class DiffTable {
    private DiffTable() {
    }

    static void print(DiffReport report, int top, PrintWriter out) {
        if (report.suspects().isEmpty()) {
            out.println("No leak suspects: nothing grew across the snapshots beyond noise.");
        } else {
            out.println("Leak suspects, most likely first:");
            int rank = 0;
            for (Suspect suspect : report.suspects()) {
                if (rank == top) {
                    break;
                }
                rank++;
                out.printf(Locale.ROOT, "%2d. [%s] %s%n", rank, suspect.kind().jsonName(), suspect.title());
                out.printf(Locale.ROOT, "    where: %s%n", suspect.pathKey());
                if (suspect.elements() != null && suspect.elements().length > 0) {
                    out.printf(Locale.ROOT, "    counts: %s   retained: %s   trend: %s (%s)%n",
                            joinCounts(suspect.elements()), joinSizes(suspect.retainedBytes()),
                            suspect.trend().jsonName(), suspect.trendBasis());
                }
                for (Evidence evidence : suspect.evidence().subList(0, Math.min(3, suspect.evidence().size()))) {
                    out.printf(Locale.ROOT, "    holds: %s  %s  %s%n", evidence.name(), joinCounts(evidence.count()),
                            joinSizes(evidence.retainedBytes()));
                }
                if (!suspect.locations().isEmpty()) {
                    out.printf(Locale.ROOT, "    created at: %s%n", String.join(", ", suspect.locations()));
                }
            }
        }
        out.println();
        out.println("Snapshots:");
        for (SnapshotRow snapshot : report.snapshots()) {
            out.printf(Locale.ROOT, "  %s  %s objects, %s%s%n", snapshot.file(),
                    String.format(Locale.ROOT, "%,d", snapshot.objects()), ByteSizes.human(snapshot.totalShallowBytes()),
                    snapshot.partial() ? "  (PARTIAL: truncated or damaged)" : "");
        }
        out.println();
        out.println("Classes by retained growth:");
        out.printf(Locale.ROOT, "%14s %14s  %s%n", "count Δ", "retained Δ", "class");
        int shown = 0;
        for (ClassDiffRow row : report.classes()) {
            if (shown++ == Math.min(top, 25)) {
                break;
            }
            out.printf(Locale.ROOT, "%+,14d %14s  %s%n", row.countGrowth(), ByteSizes.humanDelta(row.retainedGrowth()),
                    row.name());
        }
        out.flush();
    }

    private static String joinCounts(Long[] values) {
        return Arrays.stream(values).map(v -> v == null ? "-" : String.format(Locale.ROOT, "%,d", v))
                .collect(Collectors.joining(" → "));
    }

    private static String joinSizes(Long[] values) {
        return Arrays.stream(values).map(v -> v == null ? "-" : ByteSizes.human(v)).collect(Collectors.joining(" → "));
    }
}
