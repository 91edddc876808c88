package dev.heapdelta.app.pdf;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** A PDF read back with PDFBox: its text, whole and page by page. */
public record PdfText(List<String> pageTexts) {

    public static PdfText of(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            List<String> pages = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(stripper.getText(document));
            }
            return new PdfText(pages);
        }
    }

    public int pages() {
        return pageTexts.size();
    }

    public String text() {
        return String.join("\n", pageTexts);
    }

    /** The text without any whitespace, so that words a table cell wrapped still match. */
    public String compact() {
        return compact(text());
    }

    public boolean containsIgnoringWrapping(String expected) {
        return compact().contains(compact(expected));
    }

    /** The first page whose text contains {@code marker}. */
    public String pageWith(String marker) {
        return pageTexts.stream().filter(text -> text.contains(marker)).findFirst()
                .orElseThrow(() -> new AssertionError("no page contains " + marker));
    }

    public static String compact(String text) {
        return text.replaceAll("\\s+", "");
    }
}
