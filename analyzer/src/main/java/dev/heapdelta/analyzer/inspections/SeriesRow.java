package dev.heapdelta.analyzer.inspections;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One row of an inspection matched across snapshots by its key (a string's value, a class and path key,
 * a package name), with the row of each snapshot in command-line order, null where it is absent: what
 * shows "duplicate String … 1,500 → 4,000 copies".
 */
public record SeriesRow<T>(String key, List<T> bySnapshot) {
    public SeriesRow {
        bySnapshot = Collections.unmodifiableList(new ArrayList<>(bySnapshot));
    }

    /** The row of the last snapshot that has one. */
    public T latest() {
        for (int i = bySnapshot.size() - 1; i >= 0; i--) {
            if (bySnapshot.get(i) != null) {
                return bySnapshot.get(i);
            }
        }
        throw new IllegalStateException("a series row is in at least one snapshot");
    }

    /** Rows of each snapshot matched by key, in the order of the last snapshot's rows, then the earlier ones'. */
    public static <T> List<SeriesRow<T>> match(List<List<T>> rowsBySnapshot, Function<T, String> key) {
        int snapshots = rowsBySnapshot.size();
        Map<String, List<T>> byKey = new LinkedHashMap<>();
        for (int s = snapshots - 1; s >= 0; s--) {
            for (T row : rowsBySnapshot.get(s)) {
                List<T> series = byKey.computeIfAbsent(key.apply(row), k -> new ArrayList<>(
                        Collections.nCopies(snapshots, (T) null)));
                if (series.get(s) == null) {
                    series.set(s, row);
                }
            }
        }
        List<SeriesRow<T>> result = new ArrayList<>();
        byKey.forEach((k, series) -> result.add(new SeriesRow<>(k, series)));
        return result;
    }
}
