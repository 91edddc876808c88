package dev.heapdelta.app.cli;

import dev.heapdelta.analyzer.diff.ClassDiffRow;
import dev.heapdelta.analyzer.format.ByteSizes;
import dev.heapdelta.analyzer.leaks.Suspect;
import dev.heapdelta.analyzer.report.DiffReport;
import dev.heapdelta.analyzer.report.SnapshotRow;
import dev.heapdelta.analyzer.report.SuspectBaseline;
import dev.heapdelta.analyzer.report.SuspectText;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Prints a {@link DiffReport} so that its first lines answer "what leaked?". */
final class DiffTable {
    private DiffTable() {
    }

    static void print(DiffReport report, int top, PrintWriter out) {
        printSuspects(report, top, out);
        printSnapshotsAndClasses(report, top, out);
    }

    /**
     * The suspects, then the large retainers that did not grow and the caches close to their maximum; for
     * one snapshot, its own findings.
     */
    static void printSuspects(DiffReport report, int top, PrintWriter out) {
        boolean single = report.snapshots().size() == 1;
        if (report.suspects().isEmpty()) {
            out.println(single ? "Nothing stands out in this snapshot: no object retains a tenth of the heap, and no"
                    + " collection or duplicated class is large." : "No leak suspects: nothing grew across the snapshots"
                    + " beyond noise.");
        } else {
            out.println(single ? "One snapshot: its largest retainers, collections and duplicate classes (no trend;"
                    + " add a later dump to see what grows):" : "Leak suspects, most likely first:");
            printRows(report.suspects(), report.baseline(), top, out);
        }
        if (!report.largeRetainers().isEmpty()) {
            out.println();
            out.println("Large retainers that did not grow (not leak suspects):");
            printRows(report.largeRetainers(), report.baseline(), top, out);
        }
        if (!report.boundedCaches().isEmpty()) {
            out.println();
            out.println("Caches that grew close to their configured maximum (not leak suspects):");
            printRows(report.boundedCaches(), report.baseline(), top, out);
        }
        out.flush();
    }

    private static void printSnapshotsAndClasses(DiffReport report, int top, PrintWriter out) {
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

    private static void printRows(List<Suspect> suspects, SuspectBaseline baseline, int top, PrintWriter out) {
        int rank = 0;
        for (Suspect suspect : suspects) {
            if (rank == top) {
                break;
            }
            rank++;
            out.printf(Locale.ROOT, "%2d. %s%s%n", rank, SuspectText.headline(suspect),
                    baseline.contains(suspect) ? "  (in baseline)" : "");
            for (String line : SuspectText.details(suspect)) {
                out.println("    " + line);
            }
        }
    }
}
