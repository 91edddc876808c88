package dev.heapdelta.analyzer.leaks;

import dev.heapdelta.analyzer.diff.Trend;
import dev.heapdelta.analyzer.diff.Trends;
import dev.heapdelta.analyzer.graph.HeapFormat;
import dev.heapdelta.analyzer.graph.HeapGraph;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** One path key's container group followed across the series; null where absent from a snapshot. */
record CollectionSeries(String pathKey, ContainerGroup[] groups) {

    /**
     * Every path key present in the last snapshot's census, followed back through the others by path
     * key, and for V8, where node ids are stable, by the representative's node id when the key moved
     * (a shortest path through runtime internals can change between snapshots).
     */
    static List<CollectionSeries> all(SeriesContext series) {
        int n = series.size();
        Set<String> keys = new LinkedHashSet<>(series.census(n - 1).groupsByPathKey().keySet());
        HeapGraph lastGraph = series.last().graph();
        boolean byNodeId = lastGraph.format() == HeapFormat.V8;
        List<CollectionSeries> result = new ArrayList<>();
        for (String key : keys) {
            ContainerGroup[] groups = new ContainerGroup[n];
            groups[n - 1] = series.census(n - 1).group(key);
            long id = lastGraph.idOf(groups[n - 1].representative());
            for (int s = 0; s < n - 1; s++) {
                groups[s] = series.census(s).group(key);
                if (groups[s] == null && byNodeId) {
                    groups[s] = series.census(s).groupWithRepresentativeId(series.snapshots().get(s).graph(), id);
                }
            }
            result.add(new CollectionSeries(key, groups));
        }
        return result;
    }

    /** How many snapshots the collection is present in. */
    int presentCount() {
        int present = 0;
        for (ContainerGroup group : groups) {
            if (group != null) {
                present++;
            }
        }
        return present;
    }

    /** The figures of the snapshots where the collection is present, in order. */
    static long[] present(Long[] values) {
        return java.util.Arrays.stream(values).filter(java.util.Objects::nonNull).mapToLong(Long::longValue)
                .toArray();
    }

    ContainerGroup last() {
        return groups[groups.length - 1];
    }

    int[] representatives() {
        int[] objects = new int[groups.length];
        for (int i = 0; i < groups.length; i++) {
            objects[i] = groups[i] == null ? -1 : groups[i].representative();
        }
        return objects;
    }

    Long[] elements() {
        Long[] values = new Long[groups.length];
        for (int i = 0; i < groups.length; i++) {
            values[i] = groups[i] == null ? null : groups[i].elements();
        }
        return values;
    }

    /** A multimap's key count per snapshot; null where absent. */
    Long[] keys() {
        Long[] values = new Long[groups.length];
        for (int i = 0; i < groups.length; i++) {
            values[i] = groups[i] == null ? null : groups[i].keys();
        }
        return values;
    }

    Long[] retainedBytes() {
        Long[] values = new Long[groups.length];
        for (int i = 0; i < groups.length; i++) {
            values[i] = groups[i] == null ? null : groups[i].retainedBytes();
        }
        return values;
    }

    /** The trend over the snapshots where the collection is present: absence is not zero entries. */
    Trend elementTrend() {
        return Trends.classify(present(elements()));
    }

    long firstElements() {
        long[] present = present(elements());
        return present.length == 0 ? 0 : present[0];
    }

    long retainedGrowth() {
        long[] present = present(retainedBytes());
        return present.length == 0 ? 0 : present[present.length - 1] - present[0];
    }
}
