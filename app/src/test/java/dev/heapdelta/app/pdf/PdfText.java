package dev.heapdelta.app.pdf;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** A PDF read back with PDFBox: its page count and its text, with and without whitespace. */
record PdfText(int pages, String text) {

    static PdfText of(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PdfText(document.getNumberOfPages(), new PDFTextStripper().getText(document));
        }
    }

    /** The text without any whitespace, so that words a table cell wrapped still match. */
    String compact() {
        return text.replaceAll("\\s+", "");
    }

    boolean containsIgnoringWrapping(String expected) {
        return compact().contains(expected.replaceAll("\\s+", ""));
    }
}
