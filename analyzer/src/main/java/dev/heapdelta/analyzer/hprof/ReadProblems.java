package dev.heapdelta.analyzer.hprof;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What went wrong while reading, collected rather than thrown: one counted line per kind of
 * problem (with its first example), plus what a truncated or damaged file lost.
 */
final class ReadProblems {
    private final Map<String, long[]> countByKind = new LinkedHashMap<>();
    private final Map<String, String> firstExampleByKind = new LinkedHashMap<>();
    private final List<String> fatalLines = new ArrayList<>();
    private boolean partial;
    private long lostBytes;
    private long lostRecords;

    /** Counts one occurrence of a kind of problem; the first example is kept for the message. */
    void warn(String kind, String example) {
        long[] count = countByKind.computeIfAbsent(kind, k -> new long[1]);
        if (count[0]++ == 0 && example != null) {
            firstExampleByKind.put(kind, example);
        }
    }

    /** Counts {@code occurrences} of a kind of problem at once. */
    void warnMany(String kind, long occurrences, String example) {
        if (occurrences <= 0) {
            return;
        }
        long[] count = countByKind.computeIfAbsent(kind, k -> new long[1]);
        if (count[0] == 0 && example != null) {
            firstExampleByKind.put(kind, example);
        }
        count[0] += occurrences;
    }

    /** Marks the dump as partial: the rest of a record or of the file could not be read. */
    void lost(String message, long bytes, long records) {
        partial = true;
        lostBytes += Math.max(0, bytes);
        lostRecords += Math.max(0, records);
        fatalLines.add(message);
    }

    boolean partial() {
        return partial;
    }

    long lostBytes() {
        return lostBytes;
    }

    long lostRecords() {
        return lostRecords;
    }

    long count(String kind) {
        long[] count = countByKind.get(kind);
        return count == null ? 0 : count[0];
    }

    /** The message of the first loss, or null when nothing was lost. */
    String firstLoss() {
        return fatalLines.isEmpty() ? null : fatalLines.get(0);
    }

    List<String> lines() {
        List<String> lines = new ArrayList<>(fatalLines);
        for (Map.Entry<String, long[]> entry : countByKind.entrySet()) {
            String example = firstExampleByKind.get(entry.getKey());
            long n = entry.getValue()[0];
            lines.add(entry.getKey() + ": " + n + (example == null ? "" : " (first: " + example + ")"));
        }
        return lines;
    }
}
