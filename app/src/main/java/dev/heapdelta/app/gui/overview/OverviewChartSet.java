package dev.heapdelta.app.gui.overview;

import java.util.Optional;
import org.jfree.chart.JFreeChart;

/**
 * The overview's charts for one theme, made off the FX thread; once handed to the FX thread, only it
 * touches them (JFreeChart objects are not thread-safe).
 *
 * @param growth the top classes by retained growth; empty when no class grew
 * @param trend the top suspects' retained size per snapshot; empty with fewer than three snapshots
 */
public record OverviewChartSet(Optional<JFreeChart> growth, Optional<JFreeChart> trend) {
}
