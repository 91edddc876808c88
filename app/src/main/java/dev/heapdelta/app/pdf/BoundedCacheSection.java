package dev.heapdelta.app.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.pdf.PdfPTable;
import dev.heapdelta.analyzer.leaks.Suspect;
import dev.heapdelta.analyzer.report.DiffReport;
import java.util.Locale;

/**
 * The caches that grew close to their configured maximum: apart from the leak suspects, since a cache
 * that evicts beyond its maximum is warming up, not leaking; listed so that a reader who sees it grow in
 * the class diff reads why it is not a suspect. Written only when there are some.
 */
final class BoundedCacheSection {
    private BoundedCacheSection() {
    }

    static void write(ReportCanvas canvas) {
        DiffReport report = canvas.report();
        if (report.boundedCaches().isEmpty()) {
            return;
        }
        Document document = canvas.document();
        ReportStyle style = canvas.style();
        canvas.startSection("bounded-caches", "Caches close to their maximum");
        document.add(style.paragraph("Each of these caches grew across the dumps, but the dump holds its configured "
                + "maximum and it is close below it: it evicts beyond that, so it is not listed among the leak "
                + "suspects. If its maximum is more memory than you planned for, lower it.", style.body));
        PdfPTable table = style.table(3.6f, 2.0f, 1.6f, 1.6f, 1.6f);
        table.addCell(style.headerCell("Where (path key)", false));
        table.addCell(style.headerCell("Cache", false));
        table.addCell(style.headerCell("Maximum", true));
        table.addCell(style.headerCell("Now at", true));
        table.addCell(style.headerCell("Retained", true));
        for (Suspect cache : report.boundedCaches()) {
            long maximum = cache.cacheBounds().maximum();
            long weight = cache.cacheBounds().weight();
            table.addCell(style.cell(cache.pathKey(), style.cell, false));
            table.addCell(style.cell(cache.className(), style.cell, false));
            table.addCell(style.number(ReportFigures.count(maximum)));
            table.addCell(style.number(String.format(Locale.ROOT, "%s (%.0f%%)", ReportFigures.count(weight),
                    100.0 * weight / Math.max(1, maximum))));
            Long[] retained = cache.retainedBytes();
            table.addCell(style.number(ReportFigures.size(retained[retained.length - 1])));
        }
        document.add(table);
    }
}
