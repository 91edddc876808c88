package dev.heapdelta.app.pdf;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;
import dev.heapdelta.analyzer.report.DiffReport;
import dev.heapdelta.analyzer.report.SnapshotRow;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** Page 1: what was compared (the dumps, their sizes and capture times, the runtime) and by which tool. */
final class TitlePage {
    private TitlePage() {
    }

    static void write(ReportCanvas canvas) {
        Document document = canvas.document();
        ReportStyle style = canvas.style();
        DiffReport report = canvas.report();
        ZoneId zone = canvas.options().generatedAt().getZone();

        Paragraph title = new Paragraph(new Chunk("Heap leak report", style.title));
        title.setSpacingBefore(60);
        title.setSpacingAfter(6);
        document.add(title);
        document.add(style.paragraph(subtitle(report), style.subtitle));
        Paragraph verdict = style.paragraph(verdict(report), style.bodyBold);
        verdict.setSpacingBefore(14);
        verdict.setSpacingAfter(18);
        document.add(verdict);

        document.add(style.subheading("Dumps compared, oldest first"));
        document.add(dumpTable(style, report, zone));
        if (report.anyPartial()) {
            document.add(style.box(ReportStyle.WARNING_FILL, style.paragraph(PartialDumps.warning(report),
                    style.warning), style.paragraph(PartialDumps.explanation(), style.body)));
        }

        document.add(style.subheading("This report"));
        PdfPTable facts = style.table(1, 3);
        facts.setHeaderRows(0);
        fact(style, facts, "Runtime and format", runtimes(report));
        fact(style, facts, "Made by", "HeapDelta " + canvas.options().toolVersion());
        fact(style, facts, "Made on", canvas.options().generatedAt()
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx", Locale.ROOT)));
        fact(style, facts, "References", report.retention());
        fact(style, facts, "String contents", report.includeStrings()
                ? "shown (--include-strings): this report may contain data from the dumps"
                : "redacted: shown only as their length and a short hash");
        document.add(facts);

        document.add(style.subheading("How to read this report"));
        document.add(style.paragraph(guide(report, canvas.options()), style.body));
    }

    private static String guide(DiffReport report, ReportOptions options) {
        int sections = Math.min(options.suspectSections(), report.suspects().size());
        return "The executive summary on the next page names the most likely leaks in one sentence each, with "
                + "what to do. The charts show which classes grew and how the suspects moved from dump to dump. "
                + (sections == 0 ? "" : "Then each suspect has a section of its own (" + sections + " in all): its "
                        + "figures per dump, what it holds, the chain of references that keeps it alive, and the "
                        + "fix. ")
                + "The class diff lists the top classes by growth, and the appendix explains how the figures were "
                + "computed, for readers who have never opened a heap dump.";
    }

    private static String subtitle(DiffReport report) {
        int n = report.snapshots().size();
        if (n == 1) {
            return "What holds the memory of one heap dump";
        }
        return "What grew between " + n + " heap dumps of one process, and what holds it";
    }

    static String verdict(DiffReport report) {
        int suspects = report.suspects().size();
        if (report.snapshots().size() == 1) {
            return suspects == 0 ? "One dump: no object, collection or duplicated class stands out."
                    : "One dump: " + ReportFigures.plural(suspects, "finding", "findings") + ". Largest: "
                            + SuspectWords.sentence(report.suspects().get(0));
        }
        if (suspects == 0) {
            return "No leak suspects: nothing grew across the dumps beyond noise.";
        }
        return ReportFigures.plural(suspects, "leak suspect", "leak suspects") + " found. Most likely: "
                + SuspectWords.sentence(report.suspects().get(0));
    }

    private static PdfPTable dumpTable(ReportStyle style, DiffReport report, ZoneId zone) {
        PdfPTable table = style.table(0.35f, 4.0f, 1.0f, 2.2f, 1.1f, 0.9f);
        table.addCell(style.headerCell("#", false));
        table.addCell(style.headerCell("File", false));
        table.addCell(style.headerCell("File size", true));
        table.addCell(style.headerCell("Captured", false));
        table.addCell(style.headerCell("Objects", true));
        table.addCell(style.headerCell("Heap", true));
        int index = 0;
        for (SnapshotRow snapshot : report.snapshots()) {
            index++;
            table.addCell(style.text(String.valueOf(index)));
            String file = snapshot.file() + (snapshot.partial() ? "\nPARTIAL: truncated or damaged" : "");
            table.addCell(style.cell(file, snapshot.partial() ? style.cellBold : style.cell, false));
            table.addCell(style.number(snapshot.fileBytes() > 0 ? ReportFigures.size(snapshot.fileBytes()) : "–"));
            table.addCell(style.text(ReportFigures.time(snapshot.timestampMillis(), zone)));
            table.addCell(style.number(ReportFigures.count(snapshot.objects())));
            table.addCell(style.number(ReportFigures.size(snapshot.totalShallowBytes())));
        }
        return table;
    }

    private static String runtimes(DiffReport report) {
        Set<String> formats = new LinkedHashSet<>();
        for (SnapshotRow snapshot : report.snapshots()) {
            formats.add(ReportFigures.runtime(snapshot.format()));
        }
        return String.join(", ", formats);
    }

    private static void fact(ReportStyle style, PdfPTable table, String name, String value) {
        table.addCell(style.cell(name, style.cellBold, false));
        table.addCell(style.text(value));
    }
}
