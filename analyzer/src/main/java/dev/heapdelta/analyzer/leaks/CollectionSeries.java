package dev.heapdelta.analyzer.leaks;

import dev.heapdelta.analyzer.diff.Trend;
import dev.heapdelta.analyzer.diff.Trends;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** One path key's container group followed across the series; null where absent from a snapshot. */
record CollectionSeries(String pathKey, ContainerGroup[] groups) {

    /** Every path key present in the last snapshot's census, followed back through the others. */
    static List<CollectionSeries> all(SeriesContext series) {
        int n = series.size();
        Set<String> keys = new LinkedHashSet<>(series.census(n - 1).groupsByPathKey().keySet());
        List<CollectionSeries> result = new ArrayList<>();
        for (String key : keys) {
            ContainerGroup[] groups = new ContainerGroup[n];
            for (int s = 0; s < n; s++) {
                groups[s] = series.census(s).group(key);
            }
            result.add(new CollectionSeries(key, groups));
        }
        return result;
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

    Long[] retainedBytes() {
        Long[] values = new Long[groups.length];
        for (int i = 0; i < groups.length; i++) {
            values[i] = groups[i] == null ? null : groups[i].retainedBytes();
        }
        return values;
    }

    Trend elementTrend() {
        return Trends.classify(elements());
    }

    long firstElements() {
        return groups[0] == null ? 0 : groups[0].elements();
    }
}
