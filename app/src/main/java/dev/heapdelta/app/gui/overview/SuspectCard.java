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
 * @param evidenceClasses the class of each evidence line, in the same order
 * @param sampleIds the object id each sample names ({@code 0x…}, {@code @…}), or empty where it names none
 * @param otherPaths further paths to the suspect (a thread's), each as one line of steps
 * @param cacheNote why a cache close to its configured maximum is no leak, or empty
 * @param codeSiteTally {@code Inserted at 2 sites, never removed}, or empty without application classes
 * @param codeSites the statements that fill and empty the suspect's container, ranked
 */
public record SuspectCard(int rank, String kind, String title, String className, String pathKey, String counts,
        String retained, String growth, long growthBytes, String trend, List<String> evidence, List<String> evidenceClasses,
        List<String> samples, List<String> sampleIds, List<String> reasons, boolean hasObject, boolean hasClass,
        List<String> otherPaths, String cacheNote, String codeSiteTally, List<CodeSiteLine> codeSites) {

    /**
     * One code site as the card shows it.
     *
     * @param text {@code Filled at OrderCache.remember(OrderCache.java:41): Map.put}
     * @param frame {@code OrderCache.remember(OrderCache.java:41)}, what is copied to the clipboard
     * @param sourceLine {@code 41 | ORDERS.put(id, order);} when the sources were given, else empty
     */
    public record CodeSiteLine(String text, String frame, String sourceLine) {
    }

    /** Whether the card can list the entries its container holds: it has an object and a class of entries. */
    public boolean hasEntries() {
        return hasObject && !evidenceClasses.isEmpty();
    }
}
