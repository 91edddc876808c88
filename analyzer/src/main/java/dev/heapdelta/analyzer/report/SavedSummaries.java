package dev.heapdelta.analyzer.report;

import dev.heapdelta.analyzer.analysis.AnalysisOptions;
import dev.heapdelta.analyzer.analysis.IndexCacheResults;
import dev.heapdelta.analyzer.analysis.PhaseTimings;
import dev.heapdelta.analyzer.analysis.Snapshot;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Summary reports kept in the dump's index-cache entry, one per {@code --top}, so that reopening a dump for
 * its summary reads that report instead of the graph, the tree and the shortest paths (seconds for a 2 GB
 * dump). The report is the one the full analysis printed, so a reopened summary is the same but for its
 * timings.
 */
public final class SavedSummaries {
    /** Raise when the report's content or its image changes (the cache key tells builds apart only in a jar). */
    private static final int IMAGE_VERSION = 1;

    private SavedSummaries() {
    }

    /** A report read from the cache, and the entry that kept it (for the reuse note). */
    public record Saved(SummaryReport report, Path entry) {
    }

    /**
     * The summary of {@code file} with {@code top} rows kept in its entry, or null when the cache is off or
     * holds none (then the dump is reopened or analysed as usual, which keeps it for next time).
     */
    public static Saved reopen(Path file, String displayName, AnalysisOptions options, int top) throws IOException {
        long started = System.nanoTime();
        IndexCacheResults results = IndexCacheResults.find(file, displayName, options);
        byte[] image = results == null ? null : results.read(name(top));
        if (image == null) {
            return null;
        }
        SummaryReport report;
        try {
            long millis = (System.nanoTime() - started) / 1_000_000;
            report = SummaryImage.read(image, displayName, new PhaseTimings(millis, 0, 0, 0, millis));
        } catch (IOException e) {
            // A checksummed image that does not parse was written by another version: compute it again.
            return null;
        }
        return new Saved(report, results.entry());
    }

    /** Keeps {@code report}, made of {@code snapshot} with {@code top} rows, in the snapshot's entry if it has one. */
    public static void keep(Snapshot snapshot, SummaryReport report, int top) {
        IndexCacheResults results = IndexCacheResults.of(snapshot);
        if (results == null || report.partial()) {
            return;
        }
        try {
            results.write(name(top), SummaryImage.write(report));
        } catch (IOException e) {
            // Only the next reopening is slower: it reads the graph as before.
        }
    }

    private static String name(int top) {
        return "summary-v" + IMAGE_VERSION + "-top" + top;
    }
}
