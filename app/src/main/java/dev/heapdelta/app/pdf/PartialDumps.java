package dev.heapdelta.app.pdf;

import dev.heapdelta.analyzer.report.DiffReport;
import dev.heapdelta.analyzer.report.SnapshotRow;
import java.util.ArrayList;
import java.util.List;

/** The words for truncated or damaged dumps, used on the title page, in the page header and in the appendix. */
final class PartialDumps {
    private PartialDumps() {
    }

    static String warning(DiffReport report) {
        List<String> names = new ArrayList<>();
        int index = 0;
        for (SnapshotRow snapshot : report.snapshots()) {
            index++;
            if (snapshot.partial()) {
                names.add("#" + index + " " + ReportFigures.fileName(snapshot.file())
                        + (snapshot.lostBytes() > 0 ? " (" + ReportFigures.size(snapshot.lostBytes()) + " unread)" : ""));
            }
        }
        return "Partial analysis: " + (names.size() == 1 ? "dump " : "dumps ") + String.join(", ", names)
                + (names.size() == 1 ? " is" : " are") + " truncated or damaged.";
    }

    static String explanation() {
        return "A partial dump was cut short or damaged, for example because the disk filled up or the process "
                + "was killed while writing it. HeapDelta analysed what could be read; objects in the unread part "
                + "are missing, so figures for that dump can be too low, and a suspect can look smaller or "
                + "shrink where it did not.";
    }

    /** The header line of every page, or null when every dump was read whole. */
    static String pageHeader(DiffReport report) {
        return report.anyPartial() ? "PARTIAL ANALYSIS: a dump was truncated or damaged (see page 1)" : null;
    }
}
