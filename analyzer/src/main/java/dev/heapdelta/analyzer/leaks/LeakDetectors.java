package dev.heapdelta.analyzer.leaks;

import dev.heapdelta.analyzer.diff.Trend;
import dev.heapdelta.analyzer.graph.HeapClass;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The detectors, in the one order they run. Their suspects are then ranked by {@link SuspectRanking}. */
public final class LeakDetectors {
    private LeakDetectors() {
    }

    public static List<LeakDetector> defaults() {
        return List.of(
                new GrowingCollectionDetector(),
                new ListenerAccumulationDetector(),
                new GrowingClassDetector(),
                new AccumulationPointDetector(),
                new LargeRetainerDetector(),
                // After the large retainers: where both name one holder, the ranking keeps this row.
                new DetachedDomGrowthDetector(),
                new ClassLoaderLeakDetector());
    }

    /**
     * The findings of a series. One snapshot is analysed on its own ({@link SingleSnapshotSuspects});
     * with more, a large retainer is a leak suspect only when it grew, and is listed apart otherwise; so
     * is a cache that grew close to its configured maximum, which a user would otherwise take for a leak.
     */
    public static LeakFindings find(SeriesContext series) {
        if (series.size() == 1) {
            return new LeakFindings(SingleSnapshotSuspects.of(series), List.of());
        }
        List<Suspect> detected;
        try (PathSearchesAhead ahead = PathSearchesAhead.start(series)) {
            detected = detect(series);
        }
        List<Suspect> suspects = new ArrayList<>();
        List<Suspect> largeRetainers = new ArrayList<>();
        for (Suspect suspect : detected) {
            boolean flatRetainer = suspect.kind() == SuspectKind.LARGE_RETAINER && suspect.trend() != Trend.GROWING;
            (flatRetainer ? largeRetainers : suspects).add(suspect);
        }
        List<Suspect> nearlyFull = new ArrayList<>(series.boundedCaches());
        nearlyFull.removeIf(cache -> !cache.cacheBounds().isClose());
        nearlyFull.sort(Comparator.comparingLong(Suspect::retainedGrowth).reversed().thenComparing(Suspect::pathKey));
        return new LeakFindings(suspects, largeRetainers, nearlyFull);
    }

    /**
     * Runs every detector and ranks what they found. A suspect whose class a truncated dump left
     * without a name is dropped: it could not be named to the user, nor its objects matched.
     */
    public static List<Suspect> detect(SeriesContext series) {
        List<Suspect> all = new ArrayList<>();
        List<LeakDetector> detectors = defaults();
        for (int d = 0; d < detectors.size(); d++) {
            series.throwIfCancelled();
            series.stepsDone(d, detectors.size() + 1);
            all.addAll(detectors.get(d).detect(series));
        }
        series.throwIfCancelled();
        series.stepsDone(detectors.size(), detectors.size() + 1);
        all.removeIf(suspect -> HeapClass.NAME_LOST.equals(suspect.className()));
        return SuspectRanking.rank(all, series);
    }
}
