package dev.heapdelta.app.pdf;

import com.lowagie.text.Document;
import dev.heapdelta.analyzer.report.DiffReport;

/** The charts section: retained growth by class, then the suspects' trend across three or more dumps. */
final class ChartPage {
    private ChartPage() {
    }

    static void write(ReportCanvas canvas) {
        Document document = canvas.document();
        ReportStyle style = canvas.style();
        DiffReport report = canvas.report();
        float width = document.right() - document.left();
        canvas.startSection("charts", "What grew");
        document.add(style.subheading("Retained growth by class, first to last dump (top "
                + GrowthCharts.CLASS_BARS + " classes that accumulate)"));
        int bars = GrowthCharts.growingClasses(report).size();
        if (bars == 0) {
            document.add(style.paragraph("No class has both more objects and more retained memory in the last dump "
                    + "than in the first.", style.body));
        } else {
            document.add(ChartImages.vector(canvas, GrowthCharts.classGrowthChart(report, canvas.fonts()), width,
                    60 + 15 * bars));
            document.add(style.paragraph("Classes whose number of objects grew by at least "
                    + GrowthCharts.MIN_COUNT_GROWTH + " and 10%, by how much more memory their objects retain in the "
                    + "last dump. Retained memory is what would be freed if those objects went away, so a class and "
                    + "the classes it holds can both appear. Holders whose own count hardly changes (class objects, "
                    + "class loaders, the map object of a cache) are left out here; the class diff table lists "
                    + "every class.", style.smallMuted));
        }
        document.add(style.subheading("Trend of the top suspects across the dumps"));
        if (canvas.snapshotCount() < 3) {
            document.add(style.paragraph("A trend chart needs three or more dumps; this report compares "
                    + canvas.snapshotCount() + ". With two dumps, a cache that fills up and then stays at its bound "
                    + "cannot be told apart from a leak: take a third dump later to see the difference.",
                    style.body));
        } else if (report.suspects().isEmpty()) {
            document.add(style.paragraph("No suspects to chart.", style.body));
        } else {
            document.add(ChartImages.vector(canvas, GrowthCharts.trendChart(report, canvas.fonts()), width, 250));
            document.add(style.paragraph("A leak climbs at every step; a bounded cache rises and then levels off.",
                    style.smallMuted));
        }
    }
}
