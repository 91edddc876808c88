package dev.heapdelta.app.cli;

import dev.heapdelta.analyzer.diff.ClassDiffRow;
import dev.heapdelta.analyzer.format.ByteSizes;
import dev.heapdelta.analyzer.leaks.Suspect;
import dev.heapdelta.analyzer.report.DiffReport;
import dev.heapdelta.analyzer.report.SnapshotRow;
import dev.heapdelta.analyzer.report.SuspectText;
import java.io.PrintWriter;
import java.util.Locale;

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
                out.printf(Locale.ROOT, "%2d. %s%n", rank, SuspectText.headline(suspect));
                for (String line : SuspectText.details(suspect)) {
                    out.println("    " + line);
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
}
