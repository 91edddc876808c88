package dev.heapdelta.app.pdf;

import com.lowagie.text.Image;
import com.lowagie.text.pdf.PdfGraphics2D;
import com.lowagie.text.pdf.PdfTemplate;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.JFreeChart;

/**
 * Draws a chart into the PDF as vector graphics: JFreeChart paints onto OpenPDF's Graphics2D, which writes
 * PDF path and text operators into a form, so the chart stays sharp at any zoom and its text can be searched.
 */
final class ChartImages {
    private ChartImages() {
    }

    static Image vector(ReportCanvas canvas, JFreeChart chart, float width, float height) {
        PdfTemplate template = canvas.writer().getDirectContent().createTemplate(width, height);
        Graphics2D graphics = new PdfGraphics2D(template, width, height, canvas.fonts(), false, false, 0);
        try {
            chart.draw(graphics, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            graphics.dispose();
        }
        Image image = Image.getInstance(template);
        image.setAlignment(Image.MIDDLE);
        return image;
    }
}
