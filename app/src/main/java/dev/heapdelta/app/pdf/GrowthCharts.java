package dev.heapdelta.app.pdf;

import dev.heapdelta.analyzer.diff.ClassDiffRow;
import dev.heapdelta.analyzer.leaks.Suspect;
import dev.heapdelta.analyzer.report.DiffReport;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.text.DecimalFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The report's two charts as pure functions of the report: retained growth by class (top 15 classes),
 * and, for three or more dumps, the retained size of the top suspects per dump.
 */
final class GrowthCharts {
    static final int CLASS_BARS = 15;
    static final int TREND_LINES = 5;
    static final int MIN_COUNT_GROWTH = ClassDiffRow.MIN_COUNT_GROWTH;
    private static final int CATEGORY_CHARS = 48;
    private static final Paint[] LINE_COLORS = {ReportStyle.ACCENT, new Color(0xC0, 0x50, 0x4D),
        new Color(0x4F, 0x81, 0x3D), new Color(0xE3, 0x8B, 0x00), new Color(0x7F, 0x5F, 0xA8)};

    private GrowthCharts() {
    }

    /** Classes whose retained size grew, largest growth first, in the unit of the largest. */
    static DefaultCategoryDataset classGrowthDataset(DiffReport report, SizeUnit unit) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        Set<String> used = new HashSet<>();
        for (ClassDiffRow row : growingClasses(report)) {
            String label = unique(used, shortClassName(row.name()));
            dataset.addValue(unit.of(row.retainedGrowth()), "retained growth", label);
        }
        return dataset;
    }

    /** The classes that accumulate ({@link ClassDiffRow#accumulates()}), by retained growth. */
    static List<ClassDiffRow> growingClasses(DiffReport report) {
        return report.classes().stream().filter(ClassDiffRow::accumulates)
                .sorted((a, b) -> Long.compare(b.retainedGrowth(), a.retainedGrowth())).limit(CLASS_BARS).toList();
    }


    static JFreeChart classGrowthChart(DiffReport report, ReportFonts fonts) {
        List<ClassDiffRow> rows = growingClasses(report);
        SizeUnit unit = SizeUnit.forLargest(rows.isEmpty() ? 0 : rows.get(0).retainedGrowth());
        JFreeChart chart = ChartFactory.createBarChart(null, null,
                "retained growth, first to last dump (" + unit.label() + ")", classGrowthDataset(report, unit),
                PlotOrientation.HORIZONTAL, false, false, false);
        theme(fonts).apply(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        style(plot);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, ReportStyle.ACCENT);
        renderer.setMaximumBarWidth(0.07);
        renderer.setDefaultItemLabelGenerator(new SizeLabels(unit));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(fonts.chartFont(false, 7.5f));
        renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3,
                TextAnchor.CENTER_LEFT));
        // Room to the right of the longest bar for its label.
        plot.getRangeAxis().setUpperMargin(0.18);
        plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(0.45f);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        return chart;
    }

    /** Retained bytes of the top suspects per dump, one series per suspect, in the unit of the largest. */
    static DefaultCategoryDataset trendDataset(DiffReport report, SizeUnit unit) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        List<Suspect> suspects = report.suspects();
        for (int i = 0; i < Math.min(TREND_LINES, suspects.size()); i++) {
            Suspect suspect = suspects.get(i);
            String series = (i + 1) + ". " + shorten(suspect.pathKey(), CATEGORY_CHARS);
            for (int s = 0; s < report.snapshots().size(); s++) {
                Long value = suspect.retainedBytes()[s];
                dataset.addValue(value == null ? null : unit.of(value), series,
                        ReportFigures.dumpLabel(report.snapshots().get(s), s));
            }
        }
        return dataset;
    }

    static JFreeChart trendChart(DiffReport report, ReportFonts fonts) {
        long largest = 0;
        List<Suspect> suspects = report.suspects();
        for (int i = 0; i < Math.min(TREND_LINES, suspects.size()); i++) {
            for (Long value : suspects.get(i).retainedBytes()) {
                largest = Math.max(largest, value == null ? 0 : value);
            }
        }
        SizeUnit unit = SizeUnit.forLargest(largest);
        JFreeChart chart = ChartFactory.createLineChart(null, null, "retained (" + unit.label() + ")",
                trendDataset(report, unit), PlotOrientation.VERTICAL, true, false, false);
        theme(fonts).apply(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        style(plot);
        LineAndShapeRenderer renderer = (LineAndShapeRenderer) plot.getRenderer();
        renderer.setDefaultShapesVisible(true);
        for (int i = 0; i < TREND_LINES; i++) {
            renderer.setSeriesPaint(i, LINE_COLORS[i]);
            renderer.setSeriesStroke(i, new BasicStroke(1.8f));
        }
        CategoryAxis axis = plot.getDomainAxis();
        axis.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        axis.setMaximumCategoryLabelLines(2);
        axis.setLowerMargin(0.03);
        axis.setUpperMargin(0.03);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
        chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        chart.getLegend().setFrame(BlockBorder.NONE);
        chart.getLegend().setItemFont(fonts.chartFont(false, 8));
        return chart;
    }

    private static StandardChartTheme theme(ReportFonts fonts) {
        StandardChartTheme theme = new StandardChartTheme("HeapDelta report", false);
        theme.setExtraLargeFont(fonts.chartFont(true, 12));
        theme.setLargeFont(fonts.chartFont(false, 9));
        theme.setRegularFont(fonts.chartFont(false, 8));
        theme.setSmallFont(fonts.chartFont(false, 7.5f));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setDomainGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        theme.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        theme.setAxisLabelPaint(Color.DARK_GRAY);
        theme.setTickLabelPaint(Color.BLACK);
        theme.setBarPainter(new StandardBarPainter());
        theme.setShadowVisible(false);
        return theme;
    }

    private static void style(CategoryPlot plot) {
        plot.setOutlineVisible(false);
        plot.setRangeGridlinesVisible(true);
        plot.setDomainGridlinesVisible(false);
        ((NumberAxis) plot.getRangeAxis()).setNumberFormatOverride(new DecimalFormat("#,##0.#"));
    }

    /**
     * {@code dev.heapdelta.samples.service.Session} → {@code d.h.s.s.Session}: the class name stays whole,
     * the packages shrink to initials, so bars stay readable. V8 names have no package and stay as they are.
     */
    static String shortClassName(String name) {
        int lastDot = name.lastIndexOf('.', name.indexOf('[') < 0 ? name.length() : name.indexOf('['));
        if (lastDot < 0 || name.contains(" ") || name.startsWith("(") || name.startsWith("{")) {
            return shorten(name, CATEGORY_CHARS);
        }
        StringBuilder shortName = new StringBuilder();
        for (String part : name.substring(0, lastDot).split("\\.")) {
            if (!part.isEmpty()) {
                shortName.append(part.charAt(0)).append('.');
            }
        }
        return shorten(shortName + name.substring(lastDot + 1), CATEGORY_CHARS);
    }

    static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static String unique(Set<String> used, String label) {
        String candidate = label;
        for (int n = 2; !used.add(candidate); n++) {
            candidate = label + " (" + n + ")";
        }
        return candidate;
    }
}
