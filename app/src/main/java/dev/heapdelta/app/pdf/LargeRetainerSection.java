package dev.heapdelta.app.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.pdf.PdfPTable;
import dev.heapdelta.analyzer.leaks.Suspect;
import dev.heapdelta.analyzer.report.DiffReport;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The objects that hold over a tenth of the heap but did not grow: apart from the leak suspects,
 * since a big cache at rest is a sizing question, not a leak. Written only when there are some.
 */
final class LargeRetainerSection {
    private LargeRetainerSection() {
    }

    static void write(ReportCanvas canvas) {
        DiffReport report = canvas.report();
        if (report.largeRetainers().isEmpty()) {
            return;
        }
        Document document = canvas.document();
        ReportStyle style = canvas.style();
        canvas.startSection("large-retainers", "Large retainers that did not grow");
        document.add(style.paragraph("Each of these objects keeps more than a tenth of the heap alive, but its "
                + "retained size did not grow across the dumps, so it is not listed among the leak suspects. If the "
                + "memory they hold is more than you planned for, bound them.", style.body));
        PdfPTable table = style.table(3.6f, 2.4f, 3.0f, 1.0f);
        table.addCell(style.headerCell("Where (path key)", false));
        table.addCell(style.headerCell("Class", false));
        table.addCell(style.headerCell("Retained in each dump", true));
        table.addCell(style.headerCell("Trend", false));
        for (Suspect retainer : report.largeRetainers()) {
            table.addCell(style.cell(retainer.pathKey(), style.cell, false));
            table.addCell(style.cell(retainer.className(), style.cell, false));
            table.addCell(style.number(Arrays.stream(retainer.retainedBytes()).map(ReportFigures::size)
                    .collect(Collectors.joining(" → "))));
            table.addCell(style.text(retainer.trend().jsonName()));
        }
        document.add(table);
    }
}
