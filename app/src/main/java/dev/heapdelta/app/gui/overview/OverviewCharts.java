package dev.heapdelta.app.gui.overview;

import dev.heapdelta.app.gui.format.HumanSizes;
import dev.heapdelta.app.gui.format.SnapshotNames;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
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
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;

/** The overview's charts, as pure functions: data to dataset, dataset to chart. */
final class OverviewCharts {
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 14);
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
    static OverviewChartSet of(List<ClassGrowth> topGrowth, List<SuspectTrend> trends, List<String> snapshotNames,
            boolean dark) {
        Optional<JFreeChart> growth = topGrowth.isEmpty() ? Optional.empty()
                : Optional.of(growthChart(growthDataset(topGrowth), dark));
        Optional<JFreeChart> trend = topGrowth.isEmpty() || trends.isEmpty() ? Optional.empty()
                : Optional.of(trendChart(trendDataset(trends, snapshotNames), dark));
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

    static JFreeChart growthChart(DefaultCategoryDataset dataset, boolean dark) {
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

    static JFreeChart trendChart(DefaultCategoryDataset dataset, boolean dark) {
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
        values.setNumberFormatOverride(new ByteFormat());
        values.setTickLabelFont(LABEL_FONT);
        values.setTickLabelPaint(foreground(dark));
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

    /** Axis ticks as sizes: {@code 2.0 MB}. */
    private static final class ByteFormat extends NumberFormat {
        private static final long serialVersionUID = 1L;

        @Override
        public StringBuffer format(double number, StringBuffer target, FieldPosition position) {
            return target.append(HumanSizes.size(Math.round(number)));
        }

        @Override
        public StringBuffer format(long number, StringBuffer target, FieldPosition position) {
            return target.append(HumanSizes.size(number));
        }

        @Override
        public Number parse(String source, ParsePosition position) {
            return null;
        }
    }
}
