package dev.heapdelta.app.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.pdf.PdfPTable;
import dev.heapdelta.analyzer.diff.ClassDiffRow;
import dev.heapdelta.analyzer.report.DiffReport;
import java.util.List;

/**
 * The class diff, by retained growth: objects and retained bytes in the first and the last dump, their
 * change, the trend and, for V8, the objects new or deleted by node id.
 */
final class ClassDiffTable {
    private ClassDiffTable() {
    }

    static void write(ReportCanvas canvas) {
        Document document = canvas.document();
        ReportStyle style = canvas.style();
        DiffReport report = canvas.report();
        int rows = Math.min(canvas.options().classRows(), report.classes().size());
        canvas.startSection("classes", "Class diff (top " + rows + " by retained growth)");
        int n = canvas.snapshotCount();
        document.add(style.paragraph("Objects and retained bytes per class in the first dump (#1) and the last (#"
                + n + "), of " + ReportFigures.count(report.classes().size()) + " classes. Retained growth is "
                + "what the class's instances keep alive in the last dump, less what they kept in the first.",
                style.body));
        List<ClassDiffRow> shown = report.classes().subList(0, rows);
        boolean v8Identity = shown.stream().anyMatch(row -> row.newObjects() != null);
        PdfPTable table = v8Identity
                ? style.table(4.2f, 1.25f, 1.25f, 1.2f, 1.25f, 1.25f, 1.3f, 1.0f, 1.3f)
                : style.table(4.6f, 1.3f, 1.3f, 1.3f, 1.3f, 1.3f, 1.4f, 1.0f);
        table.addCell(style.headerCell("Class", false));
        table.addCell(style.headerCell("Objects #1", true));
        table.addCell(style.headerCell("Objects #" + n, true));
        table.addCell(style.headerCell("change", true));
        table.addCell(style.headerCell("Retained #1", true));
        table.addCell(style.headerCell("Retained #" + n, true));
        table.addCell(style.headerCell("growth", true));
        table.addCell(style.headerCell("Trend", false));
        if (v8Identity) {
            table.addCell(style.headerCell("new / deleted", true));
        }
        for (ClassDiffRow row : shown) {
            table.addCell(style.text(row.name()));
            table.addCell(style.number(ReportFigures.count(row.count()[0])));
            table.addCell(style.number(ReportFigures.count(row.count()[n - 1])));
            table.addCell(style.number(ReportFigures.signedCount(row.countGrowth())));
            table.addCell(style.number(ReportFigures.size(row.retainedBytes()[0])));
            table.addCell(style.number(ReportFigures.size(row.retainedBytes()[n - 1])));
            table.addCell(style.number(ReportFigures.sizeDelta(row.retainedGrowth())));
            table.addCell(style.text(row.trend().jsonName()));
            if (v8Identity) {
                table.addCell(style.number(row.newObjects() == null ? "–"
                        : "+" + ReportFigures.count(row.newObjects()) + " / −"
                                + ReportFigures.count(row.deletedObjects() == null ? 0L : row.deletedObjects())));
            }
        }
        document.add(table);
    }
}
