package dev.heapdelta.app.pdf;

import com.lowagie.text.Chunk;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.SplitCharacter;
import com.lowagie.text.pdf.PdfChunk;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.awt.Color;

/** The report's typography and the small building blocks every section uses: paragraphs, headings, table cells. */
final class ReportStyle {
    static final Color ACCENT = new Color(0x1F, 0x4E, 0x79);
    static final Color MUTED = new Color(0x59, 0x59, 0x59);
    static final Color WARNING = new Color(0xB0, 0x1E, 0x1E);
    static final Color RULE = new Color(0xBF, 0xBF, 0xBF);
    static final Color HEADER_FILL = new Color(0xE8, 0xEE, 0xF4);
    static final Color ADVICE_FILL = new Color(0xEF, 0xF6, 0xEA);
    static final Color WARNING_FILL = new Color(0xFB, 0xEA, 0xEA);

    /**
     * Where long names may wrap: after dots, dollars, slashes and separators, so that
     * {@code com.google.common.cache.LocalCache$StrongAccessEntry} breaks between its parts, not mid-word;
     * but never inside a number such as {@code 1,700} or {@code 4.0 MB}.
     */
    static final SplitCharacter NAME_BREAKS = new SplitCharacter() {
        @Override
        public boolean isSplitCharacter(int start, int current, int end, char[] text, PdfChunk[] chunks) {
            char c = text[current];
            if (c == ' ' || c == '$' || c == '/' || c == '_' || c == '›' || c == '(') {
                return true;
            }
            if (c == '.' || c == ',' || c == '-' || c == ':') {
                boolean digitBefore = current > start && Character.isDigit(text[current - 1]);
                boolean digitAfter = current + 1 < end && Character.isDigit(text[current + 1]);
                return !digitBefore && !digitAfter;
            }
            return false;
        }
    };

    final Font title;
    final Font subtitle;
    final Font heading;
    final Font subheading;
    final Font body;
    final Font bodyBold;
    final Font small;
    final Font smallMuted;
    final Font mono;
    final Font cell;
    final Font cellBold;
    final Font cellHeader;
    final Font warning;

    ReportStyle(ReportFonts fonts) {
        title = new Font(fonts.sansBold, 24, Font.NORMAL, ACCENT);
        subtitle = new Font(fonts.sans, 13, Font.NORMAL, MUTED);
        heading = new Font(fonts.sansBold, 16, Font.NORMAL, ACCENT);
        subheading = new Font(fonts.sansBold, 11, Font.NORMAL, ACCENT);
        body = new Font(fonts.sans, 10, Font.NORMAL, Color.BLACK);
        bodyBold = new Font(fonts.sansBold, 10, Font.NORMAL, Color.BLACK);
        small = new Font(fonts.sans, 8, Font.NORMAL, Color.BLACK);
        smallMuted = new Font(fonts.sans, 8, Font.NORMAL, MUTED);
        mono = new Font(fonts.mono, 8, Font.NORMAL, Color.BLACK);
        cell = new Font(fonts.sans, 8, Font.NORMAL, Color.BLACK);
        cellBold = new Font(fonts.sansBold, 8, Font.NORMAL, Color.BLACK);
        cellHeader = new Font(fonts.sansBold, 8, Font.NORMAL, ACCENT);
        warning = new Font(fonts.sansBold, 10, Font.NORMAL, WARNING);
    }

    Paragraph paragraph(String text, Font font) {
        Paragraph paragraph = new Paragraph(breakable(text, font));
        paragraph.setLeading(font.getSize() * 1.35f);
        paragraph.setSpacingAfter(font.getSize() * 0.4f);
        return paragraph;
    }

    Paragraph heading(String text) {
        Paragraph paragraph = new Paragraph(new Chunk(text, heading));
        paragraph.setSpacingBefore(4);
        paragraph.setSpacingAfter(10);
        return paragraph;
    }

    Paragraph subheading(String text) {
        Paragraph paragraph = new Paragraph(new Chunk(text, subheading));
        paragraph.setLeading(14);
        paragraph.setSpacingBefore(3);
        paragraph.setSpacingAfter(2);
        paragraph.setKeepTogether(true);
        return paragraph;
    }

    /** A chunk whose long words wrap at name boundaries. */
    Chunk breakable(String text, Font font) {
        Chunk chunk = new Chunk(text, font);
        chunk.setSplitCharacter(NAME_BREAKS);
        return chunk;
    }

    PdfPTable table(float... relativeWidths) {
        PdfPTable table = new PdfPTable(relativeWidths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.setSpacingBefore(2);
        table.setSpacingAfter(2);
        table.setSplitLate(false);
        return table;
    }

    PdfPCell headerCell(String text, boolean alignRight) {
        PdfPCell cell = cell(text, cellHeader, alignRight);
        cell.setBackgroundColor(HEADER_FILL);
        cell.setBorder(Rectangle.BOTTOM);
        cell.setBorderColor(ACCENT);
        return cell;
    }

    PdfPCell cell(String text, Font font, boolean alignRight) {
        PdfPCell cell = new PdfPCell(new Phrase(breakable(text, font)));
        cell.setHorizontalAlignment(alignRight ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
        cell.setVerticalAlignment(Element.ALIGN_TOP);
        cell.setBorder(Rectangle.BOTTOM);
        cell.setBorderColor(RULE);
        cell.setBorderWidth(0.5f);
        cell.setPaddingTop(2.5f);
        cell.setPaddingBottom(3.5f);
        cell.setPaddingLeft(3);
        cell.setPaddingRight(3);
        cell.setLeading(0, 1.2f);
        return cell;
    }

    PdfPCell text(String text) {
        return cell(text, cell, false);
    }

    PdfPCell number(String text) {
        return cell(text, cell, true);
    }

    /** A shaded one-cell box: the advice notes and the partial-dump warnings. */
    PdfPTable box(Color fill, Paragraph... content) {
        PdfPTable box = new PdfPTable(1);
        box.setWidthPercentage(100);
        box.setSpacingBefore(6);
        box.setSpacingAfter(8);
        box.setKeepTogether(true);
        PdfPCell cell = new PdfPCell();
        cell.setBackgroundColor(fill);
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPadding(8);
        for (Paragraph paragraph : content) {
            cell.addElement(paragraph);
        }
        box.addCell(cell);
        return box;
    }
}
