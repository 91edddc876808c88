package dev.heapdelta.analyzer.leaks;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.diff.ClassDiffRow;
import dev.heapdelta.analyzer.diff.Trend;
import dev.heapdelta.analyzer.format.ByteSizes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Classes whose instances keep growing in number and retained size. Most are explained by a growing
 * collection and end up as its evidence (see {@link SuspectRanking}); the rest get a row.
 */
public final class GrowingClassDetector implements LeakDetector {
    static final long MIN_COUNT_GROWTH = 100;
    static final long MIN_RETAINED_GROWTH = 64 * 1024;

    @Override
    public List<Suspect> detect(SeriesContext series) {
        List<Suspect> suspects = new ArrayList<>();
        Snapshot last = series.last();
        long heapFloor = last.totalShallowBytes() / 100;
        for (ClassDiffRow row : series.classDiff()) {
            if (row.trend() != Trend.GROWING || row.countGrowth() < MIN_COUNT_GROWTH
                    || row.retainedGrowth() < Math.max(MIN_RETAINED_GROWTH, heapFloor)
                    || ContainerInternals.isInternalClass(last.format(), row.name())) {
                continue;
            }
            GrowthPlace place = GrowthPlace.of(series.snapshots().get(0), last, row.key());
            String pathKey = place.pathKey();
            int representative = place.instances().length > 0 ? place.instances()[0] : -1;
            int lastIndex = series.size() - 1;
            String title = String.format(Locale.ROOT, "%,d more %s instances (%s retained)", row.countGrowth(),
                    row.name(), ByteSizes.humanDelta(row.retainedGrowth()));
            suspects.add(new Suspect(SuspectKind.GROWING_CLASS, title, row.name(), pathKey, row.count(),
                    row.retainedBytes(), row.trend(), series.trendBasis(),
                    representative < 0 ? List.of() : series.pathRows(lastIndex, representative),
                    series.describeAll(lastIndex, place.instances()),
                    representative < 0 ? List.of() : series.locations(lastIndex, representative),
                    List.of(),
                    List.of(String.format(Locale.ROOT, "instance count and retained size %s across %d snapshots",
                            row.trend().jsonName(), series.size()),
                            "placed where its instance count grew most; path and samples are instances there"),
                    null));
        }
        return suspects;
    }
}
