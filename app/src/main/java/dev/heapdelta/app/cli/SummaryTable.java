package dev.heapdelta.app.cli;

import dev.heapdelta.analyzer.format.ByteSizes;
import dev.heapdelta.analyzer.report.ClassRow;
import dev.heapdelta.analyzer.report.ObjectRow;
import dev.heapdelta.analyzer.report.SummaryReport;
import java.io.PrintWriter;
import java.util.Locale;

/** Prints a {@link SummaryReport} as readable tables. */
final class SummaryTable {
    private static final int ROWS = 20;

    private SummaryTable() {
    }

    static void print(SummaryReport report, PrintWriter out) {
        out.printf(Locale.ROOT, "%s (%s%s)%n", report.file(), report.format(),
                report.dumpsInFile() > 1 ? ", dump " + report.dump() + " of " + report.dumpsInFile() : "");
        if (report.partial()) {
            out.printf(Locale.ROOT, "PARTIAL: the dump is truncated or damaged; %s and %,d record%s lost%n",
                    ByteSizes.human(report.lostBytes()), report.lostRecords(), report.lostRecords() == 1 ? "" : "s");
        }
        for (String warning : report.warnings()) {
            out.println("warning: " + warning);
        }
        out.printf(Locale.ROOT, "objects %,d   classes %,d   GC roots %,d   heap %s (%,d B)   unreachable %,d%n",
                report.objects(), report.classes(), report.gcRoots(), ByteSizes.human(report.totalShallowBytes()),
                report.totalShallowBytes(), report.unreachableObjects());
        out.println();
        out.println("Top classes by retained size");
        out.printf(Locale.ROOT, "%12s %12s %12s  %s%n", "count", "shallow", "retained", "class");
        int shown = 0;
        for (ClassRow row : report.topClasses()) {
            if (shown++ == ROWS) {
                break;
            }
            out.printf(Locale.ROOT, "%,12d %12s %12s  %s%n", row.count(), ByteSizes.human(row.shallowBytes()),
                    ByteSizes.human(row.retainedBytes()), row.name());
        }
        out.println();
        out.println("Top dominators");
        printObjects(report, out);
        out.printf(Locale.ROOT, "%ntimings: read %d ms, graph %d ms, dominators %d ms, histogram %d ms, total %d ms%n",
                report.timings().readMillis(), report.timings().graphMillis(), report.timings().dominatorsMillis(),
                report.timings().histogramMillis(), report.timings().totalMillis());
        out.flush();
    }

    private static void printObjects(SummaryReport report, PrintWriter out) {
        out.printf(Locale.ROOT, "%12s  %-40s %s%n", "retained", "object", "where");
        int shown = 0;
        for (ObjectRow row : report.topDominators()) {
            if (shown++ == ROWS) {
                break;
            }
            String what = row.label().isEmpty() ? row.className() + " " + row.id() : row.label();
            out.printf(Locale.ROOT, "%12s  %-40s %s%n", ByteSizes.human(row.retainedBytes()), shorten(what, 40),
                    row.pathKey());
        }
    }

    static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
