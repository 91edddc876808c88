package dev.heapdelta.app.pdf;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfAction;
import com.lowagie.text.pdf.PdfOutline;
import com.lowagie.text.pdf.PdfWriter;
import dev.heapdelta.analyzer.report.DiffReport;

/** What every section writes into: the open document, its writer, the style, the report and the options. */
record ReportCanvas(Document document, PdfWriter writer, ReportStyle style, ReportFonts fonts, DiffReport report,
        ReportOptions options) {

    int snapshotCount() {
        return report.snapshots().size();
    }

    /** Starts a section on a new page with a heading that is also a bookmark in the PDF's outline. */
    void startSection(String anchor, String title) {
        document.newPage();
        Paragraph heading = style.heading("");
        heading.add(new Chunk(title, style.heading).setLocalDestination(anchor));
        document.add(heading);
        new PdfOutline(writer.getRootOutline(), PdfAction.gotoLocalPage(anchor, false), title);
    }
}
