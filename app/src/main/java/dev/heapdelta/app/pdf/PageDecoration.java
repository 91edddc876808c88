package dev.heapdelta.app.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;

/**
 * The footer of every page after the first ("page 3 of 12", the tool and version) and, when a dump was
 * truncated, a warning line at the top of every page, so that a page printed on its own still says so.
 */
final class PageDecoration extends PdfPageEventHelper {
    private final ReportStyle style;
    private final ReportFonts fonts;
    private final String footer;
    private final String partialWarning;
    private PdfTemplate totalPages;
    private int pagesEnded;

    PageDecoration(ReportStyle style, ReportFonts fonts, String footer, String partialWarning) {
        this.style = style;
        this.fonts = fonts;
        this.footer = footer;
        this.partialWarning = partialWarning;
    }

    @Override
    public void onOpenDocument(PdfWriter writer, Document document) {
        totalPages = writer.getDirectContent().createTemplate(40, 12);
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
        pagesEnded++;
        PdfContentByte canvas = writer.getDirectContent();
        float left = document.left();
        float right = document.right();
        float bottom = document.bottom() - 24;
        if (partialWarning != null) {
            ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, new Phrase(partialWarning, style.warning), left,
                    document.top() + 18, 0);
        }
        ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, new Phrase(footer, style.smallMuted), left, bottom, 0);
        String page = "page " + writer.getPageNumber() + " of ";
        float pageWidth = fonts.sans.getWidthPoint(page, style.smallMuted.getSize());
        float totalX = right - 20;
        ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, new Phrase(page, style.smallMuted),
                totalX - pageWidth, bottom, 0);
        canvas.addTemplate(totalPages, totalX, bottom);
    }

    @Override
    public void onCloseDocument(PdfWriter writer, Document document) {
        ColumnText.showTextAligned(totalPages, Element.ALIGN_LEFT,
                new Phrase(String.valueOf(pagesEnded), style.smallMuted), 0, 0, 0);
    }

    /** Pages finished so far; after the document closes, the page count. */
    int pagesEnded() {
        return pagesEnded;
    }
}
