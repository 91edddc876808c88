package dev.heapdelta.analyzer.leaks;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.diff.ClassDiffRow;
import dev.heapdelta.analyzer.diff.ClassDiffs;
import dev.heapdelta.analyzer.diff.Trend;
import dev.heapdelta.analyzer.format.ByteSizes;
import dev.heapdelta.analyzer.graph.HeapGraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Classes whose instances keep growing in number and retained size. Most are explained by a growing
 * collection and end up as its evidence (see {@link SuspectRanking}); the rest get a row.
 */
public final class GrowingClassDetector implements LeakDetector {
    static final long MIN_COUNT_GROWTH = 100;
    static final long MIN_RETAINED_GROWTH = 64 * 1024;
    private static final int PATH_SAMPLES = 20;

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
            int[] instances = spreadInstances(last, row.key());
            String pathKey = mostCommonPathKey(last, instances);
            int representative = instances.length > 0 ? instances[0] : -1;
            int lastIndex = series.size() - 1;
            String title = String.format(Locale.ROOT, "%,d more %s instances (%s retained)", row.countGrowth(),
                    row.name(), ByteSizes.humanDelta(row.retainedGrowth()));
            suspects.add(new Suspect(SuspectKind.GROWING_CLASS, title, row.name(), pathKey, row.count(),
                    row.retainedBytes(), row.trend(), series.trendBasis(),
                    representative < 0 ? List.of() : series.pathRows(lastIndex, representative),
                    representative < 0 ? List.of() : series.samples(lastIndex, representative),
                    representative < 0 ? List.of() : series.locations(lastIndex, representative),
                    List.of(),
                    List.of(String.format(Locale.ROOT, "instance count and retained size %s across %d snapshots",
                            row.trend().jsonName(), series.size())),
                    null));
        }
        return suspects;
    }

    /**
     * Instances spread evenly over the class's reachable instances, largest first: where most
     * instances live is what a path key for a class should say, not where its few largest do.
     */
    private static int[] spreadInstances(Snapshot snapshot, String key) {
        HeapGraph graph = snapshot.graph();
        boolean[] matches = new boolean[graph.classCount()];
        for (int c = 0; c < matches.length; c++) {
            matches[c] = ClassDiffs.keyOf(graph, graph.heapClass(c)).equals(key);
        }
        int total = 0;
        for (int o = 0; o < graph.objectCount(); o++) {
            if (graph.classOf(o) >= 0 && matches[graph.classOf(o)] && snapshot.dominatorTree().isReachable(o)) {
                total++;
            }
        }
        int step = Math.max(1, total / PATH_SAMPLES);
        int[] picked = new int[Math.min(total, PATH_SAMPLES)];
        int seen = 0;
        int filled = 0;
        for (int o = 0; o < graph.objectCount() && filled < picked.length; o++) {
            if (graph.classOf(o) >= 0 && matches[graph.classOf(o)] && snapshot.dominatorTree().isReachable(o)) {
                if (seen++ % step == 0) {
                    picked[filled++] = o;
                }
            }
        }
        long[] order = new long[filled];
        for (int i = 0; i < filled; i++) {
            order[i] = -snapshot.dominatorTree().retainedSizeOf(picked[i]);
        }
        int[] byRetained = dev.heapdelta.analyzer.graph.PrimitiveSort.indexesByKey(order, filled);
        int[] result = new int[filled];
        for (int i = 0; i < filled; i++) {
            result[i] = picked[byRetained[i]];
        }
        return result;
    }

    /** Where most of the sampled instances live: the merged path of a class, in one key. */
    static String mostCommonPathKey(Snapshot snapshot, int[] instances) {
        Map<String, Integer> votes = new HashMap<>();
        String best = "";
        int bestVotes = 0;
        for (int instance : instances) {
            String key = snapshot.pathKeyOf(instance);
            int v = votes.merge(key, 1, Integer::sum);
            if (v > bestVotes) {
                best = key;
                bestVotes = v;
            }
        }
        return best;
    }
}
