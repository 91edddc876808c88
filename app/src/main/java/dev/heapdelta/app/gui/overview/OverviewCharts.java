package dev.heapdelta.app.gui.overview;

import dev.heapdelta.app.gui.format.HumanSizes;
import dev.heapdelta.app.gui.format.SnapshotNames;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;

/** The overview's charts, as pure functions: data to dataset, dataset to chart. */
final class OverviewCharts {
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    private static final Font NOTE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Color GROWTH = new Color(0xCF, 0x22, 0x2E);
    private static final Color[] SERIES = {new Color(0xCF, 0x22, 0x2E), new Color(0x09, 0x69, 0xDA),
        new Color(0x1A, 0x7F, 0x37), new Color(0x82, 0x50, 0xDF), new Color(0xBF, 0x87, 0x00)};
    private static final int LABEL_CHARACTERS = 44;
    private static final int DRAFT_WIDTH = 480;
    private static final int DRAFT_HEIGHT = 320;

    private OverviewCharts() {
    }

    /**
     * Makes the charts of an overview for one theme, and draws each once into an image that is thrown
     * away. Call it off the FX thread: the first chart drawn in a process loads JFreeChart's drawing
     * classes and initialises the AWT font system (a few hundred milliseconds on a busy machine), which
     * the FX thread would otherwise pay in the pulse that first lays the charts out.
     */
    static OverviewChartSet of(ChartFigures figures, boolean dark) {
        Optional<JFreeChart> growth = figures.topGrowth().isEmpty() ? Optional.empty()
                : Optional.of(growthChart(growthDataset(figures.topGrowth()), figures.growthNote(), dark));
        Optional<JFreeChart> trend = figures.topGrowth().isEmpty() || figures.trends().isEmpty() ? Optional.empty()
                : Optional.of(trendChart(trendDataset(figures.trends(), figures.snapshotNames()), figures.trendNote(),
                        dark));
        growth.ifPresent(OverviewCharts::drawDraft);
        trend.ifPresent(OverviewCharts::drawDraft);
        return new OverviewChartSet(growth, trend);
    }

    private static void drawDraft(JFreeChart chart) {
        BufferedImage draft = new BufferedImage(DRAFT_WIDTH, DRAFT_HEIGHT, BufferedImage.TYPE_INT_ARGB);
        Graphics2D graphics = draft.createGraphics();
        try {
            chart.draw(graphics, new Rectangle2D.Double(0, 0, DRAFT_WIDTH, DRAFT_HEIGHT));
        } finally {
            graphics.dispose();
        }
    }

    static DefaultCategoryDataset growthDataset(List<ClassGrowth> growth) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (ClassGrowth row : growth) {
            dataset.addValue(row.growthBytes(), "Retained growth", shorten(row.shortName()));
        }
        return dataset;
    }

    static JFreeChart growthChart(DefaultCategoryDataset dataset, String note, boolean dark) {
        JFreeChart chart = ChartFactory.createBarChart("Top classes by retained growth (first → last)", null, null,
                dataset, PlotOrientation.HORIZONTAL, false, true, false);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, GROWTH);
        renderer.setMaximumBarWidth(0.08);
        renderer.setDefaultToolTipGenerator((data, row, column) -> data.getColumnKey(column) + ": "
                + HumanSizes.delta(data.getValue(row, column).longValue()));
        style(chart, plot, dark);
        note(chart, note, dark);
        // A long class name wraps onto a second line before it is cut.
        plot.getDomainAxis().setMaximumCategoryLabelLines(2);
        return chart;
    }

    static DefaultCategoryDataset trendDataset(List<SuspectTrend> trends, List<String> snapshotNames) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (SuspectTrend trend : trends) {
            for (int i = 0; i < snapshotNames.size(); i++) {
                Long value = trend.retainedBytes().get(i);
                dataset.addValue(value, shorten(trend.label()), SnapshotNames.compact(snapshotNames.get(i)));
            }
        }
        return dataset;
    }

    static JFreeChart trendChart(DefaultCategoryDataset dataset, String note, boolean dark) {
        JFreeChart chart = ChartFactory.createLineChart("Retained size of the top suspects per snapshot", null, null,
                dataset, PlotOrientation.VERTICAL, true, true, false);
        CategoryPlot plot = chart.getCategoryPlot();
        LineAndShapeRenderer renderer = (LineAndShapeRenderer) plot.getRenderer();
        renderer.setDefaultShapesVisible(true);
        for (int i = 0; i < dataset.getRowCount(); i++) {
            renderer.setSeriesPaint(i, SERIES[i % SERIES.length]);
            renderer.setSeriesStroke(i, new BasicStroke(2.5f));
        }
        renderer.setDefaultToolTipGenerator((data, row, column) -> data.getRowKey(row) + " at "
                + data.getColumnKey(column) + ": " + HumanSizes.size(data.getValue(row, column).longValue()));
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setItemFont(LABEL_FONT);
        style(chart, plot, dark);
        legend.setBackgroundPaint(background(dark));
        legend.setItemPaint(foreground(dark));
        note(chart, note, dark);
        // Snapshot names take the whole width of their category, and wrap (at a hyphen) rather than read "lea…".
        CategoryAxis snapshots = plot.getDomainAxis();
        snapshots.setMaximumCategoryLabelWidthRatio(1.0f);
        snapshots.setMaximumCategoryLabelLines(3);
        return chart;
    }

    private static void style(JFreeChart chart, CategoryPlot plot, boolean dark) {
        chart.setBackgroundPaint(background(dark));
        chart.getTitle().setFont(TITLE_FONT);
        chart.getTitle().setPaint(foreground(dark));
        chart.setAntiAlias(true);
        plot.setBackgroundPaint(background(dark));
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(dark ? new Color(0x30, 0x36, 0x3D) : new Color(0xD0, 0xD7, 0xDE));
        CategoryAxis categories = plot.getDomainAxis();
        categories.setTickLabelFont(LABEL_FONT);
        categories.setTickLabelPaint(foreground(dark));
        categories.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        categories.setMaximumCategoryLabelWidthRatio(0.45f);
        NumberAxis values = (NumberAxis) plot.getRangeAxis();
        values.setStandardTickUnits(ByteTicks.units());
        values.setTickLabelFont(LABEL_FONT);
        values.setTickLabelPaint(foreground(dark));
    }

    /** What the chart counts and leaves out, under its title; nothing when it leaves nothing out. */
    private static void note(JFreeChart chart, String text, boolean dark) {
        if (text.isEmpty()) {
            return;
        }
        TextTitle note = new TextTitle(text, NOTE_FONT);
        note.setPaint(dark ? new Color(0x8B, 0x94, 0x9E) : new Color(0x57, 0x60, 0x6A));
        note.setPadding(2, 8, 6, 8);
        chart.addSubtitle(note);
    }

    private static Color background(boolean dark) {
        return dark ? new Color(0x0D, 0x11, 0x17) : Color.WHITE;
    }

    private static Color foreground(boolean dark) {
        return dark ? new Color(0xC9, 0xD1, 0xD9) : new Color(0x24, 0x29, 0x2F);
    }

    static String shorten(String label) {
        return label.length() <= LABEL_CHARACTERS ? label : "…" + label.substring(label.length() - LABEL_CHARACTERS + 1);
    }
}
