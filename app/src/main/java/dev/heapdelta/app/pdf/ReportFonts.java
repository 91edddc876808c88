package dev.heapdelta.app.pdf;

import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontMapper;
import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The report's fonts, embedded so that the PDF looks the same everywhere and covers more than Latin-1:
 * Liberation Sans and Mono, loaded once from the class path both as PDF fonts and as the AWT fonts the
 * charts are laid out with, so that chart text measures the same in both worlds.
 */
final class ReportFonts implements FontMapper {
    private static final String SANS = "liberation/LiberationSans-Regular.ttf";
    private static final String SANS_BOLD = "liberation/LiberationSans-Bold.ttf";
    private static final String MONO = "liberation/LiberationMono-Regular.ttf";

    private static volatile ReportFonts shared;

    final BaseFont sans;
    final BaseFont sansBold;
    final BaseFont mono;
    private final Font awtSans;
    private final Font awtSansBold;

    private ReportFonts() throws IOException {
        byte[] sansBytes = resource(SANS);
        byte[] sansBoldBytes = resource(SANS_BOLD);
        sans = pdfFont(SANS, sansBytes);
        sansBold = pdfFont(SANS_BOLD, sansBoldBytes);
        mono = pdfFont(MONO, resource(MONO));
        awtSans = awtFont(SANS, sansBytes);
        awtSansBold = awtFont(SANS_BOLD, sansBoldBytes);
    }

    static ReportFonts get() {
        ReportFonts fonts = shared;
        if (fonts == null) {
            synchronized (ReportFonts.class) {
                fonts = shared;
                if (fonts == null) {
                    try {
                        fonts = new ReportFonts();
                    } catch (IOException e) {
                        throw new UncheckedIOException("the report fonts are missing from the class path", e);
                    }
                    shared = fonts;
                }
            }
        }
        return fonts;
    }

    /** The AWT font for chart text, in points. */
    Font chartFont(boolean bold, float size) {
        return (bold ? awtSansBold : awtSans).deriveFont(size);
    }

    @Override
    public BaseFont awtToPdf(Font font) {
        return font.isBold() ? sansBold : sans;
    }

    @Override
    public Font pdfToAwt(BaseFont font, int size) {
        return (font == sansBold ? awtSansBold : awtSans).deriveFont((float) size);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ReportFonts.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("no resource " + name);
            }
            return in.readAllBytes();
        }
    }

    private static BaseFont pdfFont(String name, byte[] bytes) throws IOException {
        return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, bytes, null);
    }

    private static Font awtFont(String name, byte[] bytes) throws IOException {
        try {
            return Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(bytes));
        } catch (FontFormatException e) {
            throw new IOException(name + " is not a TrueType font", e);
        }
    }
}
