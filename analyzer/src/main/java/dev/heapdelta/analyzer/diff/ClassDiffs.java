package dev.heapdelta.analyzer.diff;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.graph.HeapClass;
import dev.heapdelta.analyzer.graph.HeapFormat;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.query.ClassHistogram;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The class diff over N snapshots: count, shallow and retained size per snapshot, matched by class
 * key (the fully qualified name for HPROF, DevTools' key for V8). Addresses play no part: they move
 * under a compacting GC. For V8, new and deleted instances and their bytes are counted by node id between
 * the first and the last snapshot, per class, as in DevTools' Comparison view ({@link NodeIdMatching}). Performance: O(classes · N), plus
 * O(n log n) for the V8 id matching.
 */
public final class ClassDiffs {
    private ClassDiffs() {
    }

    /** Every class with a non-zero count in some snapshot, by descending retained growth. */
    public static List<ClassDiffRow> of(List<Snapshot> snapshots) {
        int n = snapshots.size();
        Map<String, Long[][]> figuresByKey = new LinkedHashMap<>();
        Map<String, String> nameByKey = new LinkedHashMap<>();
        for (int s = 0; s < n; s++) {
            Snapshot snapshot = snapshots.get(s);
            ClassHistogram histogram = snapshot.histogram();
            HeapGraph graph = snapshot.graph();
            for (int c = 0; c < graph.classCount(); c++) {
                if (histogram.count(c) == 0) {
                    continue;
                }
                HeapClass heapClass = graph.heapClass(c);
                String key = keyOf(graph, heapClass);
                Long[][] figures = figuresByKey.computeIfAbsent(key, k -> new Long[3][n]);
                nameByKey.putIfAbsent(key, heapClass.name());
                figures[0][s] = add(figures[0][s], histogram.count(c));
                figures[1][s] = add(figures[1][s], histogram.shallowBytes(c));
                figures[2][s] = add(figures[2][s], histogram.retainedBytes(c));
            }
        }
        Map<String, NodeIdMatching.Changes> changes = snapshots.get(0).format() == HeapFormat.V8
                && snapshots.get(n - 1).format() == HeapFormat.V8
                ? NodeIdMatching.byKey(snapshots.get(0), snapshots.get(n - 1))
                : null;
        List<ClassDiffRow> rows = new ArrayList<>(figuresByKey.size());
        for (Map.Entry<String, Long[][]> entry : figuresByKey.entrySet()) {
            Long[][] figures = entry.getValue();
            NodeIdMatching.Changes changed = changes == null ? null
                    : changes.getOrDefault(entry.getKey(), NodeIdMatching.Changes.NONE);
            rows.add(new ClassDiffRow(nameByKey.get(entry.getKey()), entry.getKey(), figures[0], figures[1],
                    figures[2], changed == null ? null : changed.newObjects(),
                    changed == null ? null : changed.deletedObjects(), Trends.classify(figures[2]),
                    changed == null ? null : changed.newBytes(), changed == null ? null : changed.freedBytes()));
        }
        rows.sort(Comparator.comparingLong(ClassDiffRow::retainedGrowth).reversed()
                .thenComparing(ClassDiffRow::key));
        return rows;
    }

    /** HPROF classes loaded twice under one name are summed, as one name is what a user compares. */
    public static String keyOf(HeapGraph graph, HeapClass heapClass) {
        return graph.format() == HeapFormat.HPROF ? heapClass.name() : heapClass.key();
    }

    private static Long add(Long current, long value) {
        return current == null ? value : current + value;
    }
}
