package dev.heapdelta.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.diff.ClassDiffRow;
import dev.heapdelta.app.gui.overview.ClassGrowth;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.stage.Stage;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.CategoryTick;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.Tick;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.text.TextBlock;
import org.jfree.chart.text.TextLine;
import org.jfree.chart.title.TextTitle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The overview's charts on the bundled example say what they leave out, tick at round sizes and show the
 * snapshot names whole. Each chart is drawn at the narrowest width its column takes (360 px).
 */
@ExtendWith(ApplicationExtension.class)
class OverviewChartsUiTest {
    private static final int NARROWEST = 360;
    private static final int HEIGHT = 320;
    private static final Pattern TICK = Pattern.compile("(\\d+(?:\\.\\d)?) (B|KB|MB|GB)");
    private static final List<String> UNITS = List.of("B", "KB", "MB", "GB");

    private MainViewModel model;

    @Start
    void start(Stage stage) {
        model = GuiFixtures.showMainWindow(stage, GuiFixtures.rememberingLoader());
    }

    @BeforeEach
    void openExample(FxRobot robot) throws Exception {
        robot.clickOn("#openExampleButton");
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> robot.lookup("#trendChart").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void topClassesChartLeavesNoClassOutForItsKindAndSaysHowManyGrew(FxRobot robot) throws Exception {
        JFreeChart chart = chart(robot, "#growthChart");
        List<ClassDiffRow> rows = model.comparisonProperty().get().report().classes();
        List<ClassDiffRow> grew = rows.stream().filter(row -> last(row.retainedBytes()) > first(row.retainedBytes()))
                .sorted(Comparator.comparingLong((ClassDiffRow row) -> first(row.retainedBytes())
                        - last(row.retainedBytes())))
                .toList();
        List<String> expected = grew.stream().limit(10)
                .map(row -> new ClassGrowth(row.name(), row.key(), 0, 0).shortName()).toList();
        List<String> bars = new ArrayList<>();
        robot.interact(() -> chart.getCategoryPlot().getDataset().getColumnKeys().forEach(key -> bars.add(
                key.toString())));
        assertEquals(expected, bars, "the ten classes whose retained size grew most, whatever their kind");
        assertTrue(bars.stream().anyMatch(Set.of("Class", "Object[]", "ArrayList", "HashMap")::contains),
                "the holders the chart used to drop silently are among them: " + bars);
        String note = note(chart);
        assertTrue(note.startsWith("The 10 of " + grew.size() + " classes that grew most, none left out"), note);
    }

    @Test
    void sizeAxisTicksAreRoundStepsOfTheAppsUnits(FxRobot robot) throws Exception {
        for (String id : List.of("#growthChart", "#trendChart")) {
            JFreeChart chart = chart(robot, id);
            List<String> labels = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            double[] step = new double[1];
            robot.interact(() -> {
                Graphics2D graphics = new BufferedImage(NARROWEST, HEIGHT, BufferedImage.TYPE_INT_ARGB)
                        .createGraphics();
                ChartRenderingInfo info = new ChartRenderingInfo();
                chart.draw(graphics, new Rectangle2D.Double(0, 0, NARROWEST, HEIGHT), info);
                CategoryPlot plot = chart.getCategoryPlot();
                NumberAxis axis = (NumberAxis) plot.getRangeAxis();
                for (Object tick : axis.refreshTicks(graphics, new AxisState(), info.getPlotInfo().getDataArea(),
                        plot.getRangeAxisEdge())) {
                    labels.add(((Tick) tick).getText());
                    values.add(((org.jfree.chart.axis.NumberTick) tick).getValue());
                }
                step[0] = axis.getTickUnit().getSize();
                graphics.dispose();
            });
            assertTrue(labels.size() >= 2, id + " ticks: " + labels);
            assertTrue(isRoundStep(step[0]), id + ": a step of 1, 2 or 5 × 10ⁿ of B, KB, MB or GB: " + step[0]);
            for (int i = 0; i < labels.size(); i++) {
                double value = values.get(i);
                String label = labels.get(i);
                if (value == 0) {
                    assertEquals("0", label);
                    continue;
                }
                Matcher matcher = TICK.matcher(label);
                assertTrue(matcher.matches(), id + ": a whole number of a unit: " + label);
                double written = Double.parseDouble(matcher.group(1))
                        * Math.pow(1024, UNITS.indexOf(matcher.group(2)));
                assertEquals(value, written, 0.5, id + ": the label is the tick's exact value: " + label);
            }
        }
    }

    @Test
    void trendChartShowsEachSnapshotNameWholeAndSaysWhichSuspectsItDraws(FxRobot robot) throws Exception {
        JFreeChart chart = chart(robot, "#trendChart");
        List<String> shown = new ArrayList<>();
        robot.interact(() -> {
            Graphics2D graphics = new BufferedImage(NARROWEST, HEIGHT, BufferedImage.TYPE_INT_ARGB).createGraphics();
            ChartRenderingInfo info = new ChartRenderingInfo();
            chart.draw(graphics, new Rectangle2D.Double(0, 0, NARROWEST, HEIGHT), info);
            CategoryPlot plot = chart.getCategoryPlot();
            for (Object tick : plot.getDomainAxis().refreshTicks(graphics, new AxisState(),
                    info.getPlotInfo().getDataArea(), plot.getDomainAxisEdge())) {
                shown.add(text(((CategoryTick) tick).getLabel()));
            }
            graphics.dispose();
        });
        assertEquals(List.of("leaks-t0", "leaks-t1", "leaks-t2"), shown, "wrapped if need be, never cut");
        int suspects = model.comparisonProperty().get().report().suspects().size();
        int lines = chart.getCategoryPlot().getDataset().getRowCount();
        if (suspects > lines) {
            assertEquals("The first " + lines + " of " + suspects + " suspects, by rank.", note(chart));
        } else {
            assertEquals(suspects, lines);
            assertEquals("", note(chart), "it draws every suspect, so it has no note");
        }
    }

    private static JFreeChart chart(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(ChartViewer.class).getChart();
    }

    /** The chart's note under its title, or empty. */
    private static String note(JFreeChart chart) {
        for (Object title : chart.getSubtitles()) {
            if (title instanceof TextTitle text) {
                return text.getText();
            }
        }
        return "";
    }

    private static String text(TextBlock block) {
        StringBuilder text = new StringBuilder();
        for (Object line : block.getLines()) {
            text.append(((TextLine) line).getFirstTextFragment().getText());
        }
        return text.toString();
    }

    private static boolean isRoundStep(double bytes) {
        for (int unit = 0; unit < UNITS.size(); unit++) {
            double inUnit = bytes / Math.pow(1024, unit);
            for (int step : new int[] {1, 2, 5, 10, 20, 50, 100, 200, 256, 512}) {
                if (Math.abs(inUnit - step) < 1e-9) {
                    return true;
                }
            }
        }
        return false;
    }

    private static long first(Long[] values) {
        return values[0] == null ? 0 : values[0];
    }

    private static long last(Long[] values) {
        return values[values.length - 1] == null ? 0 : values[values.length - 1];
    }
}
