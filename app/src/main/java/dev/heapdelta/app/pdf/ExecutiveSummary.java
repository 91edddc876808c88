package dev.heapdelta.app.pdf;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;
import dev.heapdelta.analyzer.leaks.Suspect;
import dev.heapdelta.analyzer.report.DiffReport;
import dev.heapdelta.analyzer.report.SnapshotRow;
import java.util.List;

/** The page a reader may stop after: how the heap moved, the top three suspects in one sentence each, and all suspects in a table. */
final class ExecutiveSummary {
    static final int TOP = 3;
    private static final int TABLE_ROWS = 40;

    private ExecutiveSummary() {
    }

    static void write(ReportCanvas canvas) {
        Document document = canvas.document();
        ReportStyle style = canvas.style();
        DiffReport report = canvas.report();
        canvas.startSection("summary", "Executive summary");
        document.add(style.paragraph(heapSentence(report), style.body));
        if (report.anyPartial()) {
            document.add(style.paragraph(PartialDumps.warning(report), style.warning));
        }
        List<Suspect> suspects = report.suspects();
        if (suspects.isEmpty()) {
            document.add(style.paragraph("No leak suspects: no collection, listener list or class grew at every "
                    + "step beyond noise, and no single object holds more than a tenth of the heap.", style.bodyBold));
            return;
        }
        document.add(style.paragraph(suspects.size() <= TOP
                ? "HeapDelta found " + ReportFigures.plural(suspects.size(), "leak suspect", "leak suspects")
                        + ", most likely first:"
                : "HeapDelta found " + suspects.size() + " leak suspects. The three most likely:", style.body));
        for (int i = 0; i < Math.min(TOP, suspects.size()); i++) {
            Suspect suspect = suspects.get(i);
            Paragraph item = new Paragraph();
            item.setIndentationLeft(16);
            item.setFirstLineIndent(-16);
            item.setLeading(14);
            item.add(new Chunk((i + 1) + ".  ", style.bodyBold));
            item.add(style.breakable(SuspectWords.sentence(suspect), style.bodyBold));
            document.add(item);
            Paragraph fix = style.paragraph("What to do: " + SuspectAdvice.of(suspect).headline()
                    + "  (see suspect " + (i + 1) + ")", style.body);
            fix.setIndentationLeft(16);
            fix.setSpacingAfter(8);
            document.add(fix);
        }
        document.add(style.subheading("All suspects"));
        document.add(suspectTable(style, report));
        if (suspects.size() > TABLE_ROWS) {
            document.add(style.paragraph((suspects.size() - TABLE_ROWS) + " more suspects are in the JSON report "
                    + "(heapdelta diff --json).", style.smallMuted));
        }
    }

    static String heapSentence(DiffReport report) {
        List<SnapshotRow> snapshots = report.snapshots();
        SnapshotRow first = snapshots.get(0);
        SnapshotRow last = snapshots.get(snapshots.size() - 1);
        if (snapshots.size() == 1) {
            return "HeapDelta analysed one heap dump of " + ReportFigures.process(first.format()) + ": "
                    + ReportFigures.size(first.totalShallowBytes()) + " of live heap in "
                    + ReportFigures.count(first.objects()) + " objects. With one dump there is no growth to measure, "
                    + "so the findings are what holds the most: objects retaining over a tenth of the heap, the "
                    + "largest collections and classes loaded more than once.";
        }
        StringBuilder text = new StringBuilder("HeapDelta compared ").append(snapshots.size())
                .append(" heap dumps of ").append(ReportFigures.process(first.format()));
        if (first.timestampMillis() > 0 && last.timestampMillis() > 0) {
            text.append(", taken over ").append(ReportFigures.duration(last.timestampMillis() - first.timestampMillis()));
        }
        text.append(". The live heap went from ").append(ReportFigures.size(first.totalShallowBytes())).append(" to ")
                .append(ReportFigures.size(last.totalShallowBytes())).append(" (")
                .append(ReportFigures.sizeDelta(last.totalShallowBytes() - first.totalShallowBytes()))
                .append("), and the number of objects from ").append(ReportFigures.count(first.objects()))
                .append(" to ").append(ReportFigures.count(last.objects())).append('.');
        return text.toString();
    }

    private static long lastRetained(Suspect suspect) {
        Long[] retained = suspect.retainedBytes();
        return retained.length == 0 || retained[retained.length - 1] == null ? 0 : retained[retained.length - 1];
    }

    private static PdfPTable suspectTable(ReportStyle style, DiffReport report) {
        PdfPTable table = style.table(0.4f, 2.0f, 3.6f, 1.9f, 1.3f, 1.1f);
        table.addCell(style.headerCell("#", false));
        table.addCell(style.headerCell("Kind", false));
        table.addCell(style.headerCell("Where (path key)", false));
        table.addCell(style.headerCell("Count, first → last", true));
        boolean single = report.snapshots().size() == 1;
        table.addCell(style.headerCell(single ? "Retained" : "Retained growth", true));
        table.addCell(style.headerCell("Trend", false));
        int rank = 0;
        for (Suspect suspect : report.suspects()) {
            if (rank == TABLE_ROWS) {
                break;
            }
            rank++;
            table.addCell(style.text(String.valueOf(rank)));
            table.addCell(style.text(SuspectWords.kind(suspect.kind())));
            table.addCell(style.cell(suspect.pathKey(), style.cell, false));
            table.addCell(style.number(suspect.elements() == null || suspect.elements().length == 0 ? "–"
                    : ReportFigures.count(suspect.elements()[0]) + " → "
                            + ReportFigures.count(suspect.elements()[suspect.elements().length - 1])));
            table.addCell(style.number(single ? ReportFigures.size(lastRetained(suspect))
                    : ReportFigures.sizeDelta(suspect.retainedGrowth())));
            table.addCell(style.text(suspect.trend().jsonName()));
        }
        return table;
    }
}
