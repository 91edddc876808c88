package dev.heapdelta.app.gui.overview;

import java.util.List;

/**
 * One ranked leak suspect as a card shows it: plain text, already formatted.
 *
 * @param rank from 1
 * @param counts element or instance counts per snapshot, {@code 100 → 200 → 300}
 * @param retained retained size per snapshot, {@code 1.0 MB → 2.0 MB}
 * @param growthBytes retained growth, last − first, for the tooltip
 * @param evidence one line per supporting class
 */
public record SuspectCard(int rank, String kind, String title, String className, String pathKey, String counts,
        String retained, String growth, long growthBytes, String trend, List<String> evidence, List<String> samples,
        List<String> reasons, boolean hasObject, boolean hasClass) {
}
