package dev.heapdelta.app.gui.overview;

import java.util.List;

/**
 * What the overview's charts draw, with a note each on what they show of the whole (empty when they show
 * all of it): a chart never leaves something out without saying so.
 */
record ChartFigures(List<ClassGrowth> topGrowth, String growthNote, List<SuspectTrend> trends, String trendNote,
        List<String> snapshotNames) {
}
