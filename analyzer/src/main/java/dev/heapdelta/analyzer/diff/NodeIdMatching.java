package dev.heapdelta.analyzer.diff;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.graph.PrimitiveSort;
import dev.heapdelta.analyzer.query.ClassHistogram;
import dev.heapdelta.analyzer.store.IntColumn;
import dev.heapdelta.analyzer.store.LongColumn;
import java.util.HashMap;
import java.util.Map;

/**
 * V8 node ids are stable across the snapshots of one process, so objects can be matched by id, as
 * DevTools' Comparison view matches them: per class key, over the nodes that the class's count includes
 * (not the zero-size ones, see {@link ClassHistogram#countsAsInstance}), the two snapshots' ids are
 * walked in ascending order in lockstep. An id only the base has in that class is deleted, one only the
 * target has is new, whatever class the other snapshot gives that id (DevTools' {@code calculateDiffForClass}).
 */
final class NodeIdMatching {
    private static final int NEW = 0;
    private static final int DELETED = 1;
    private static final int NEW_BYTES = 2;
    private static final int FREED_BYTES = 3;

    private NodeIdMatching() {
    }

    /** The changes of one class between the base and the target snapshot. */
    record Changes(long newObjects, long deletedObjects, long newBytes, long freedBytes) {
        static final Changes NONE = new Changes(0, 0, 0, 0);
    }

    /**
     * For each class key with an instance in either snapshot: its new and deleted instances and their bytes; a
     * key missing from the map has none ({@link Changes#NONE}).
     */
    static Map<String, Changes> byKey(Snapshot base, Snapshot target) {
        if (base == target) {
            // One snapshot (the app's, or summary --suspects): every id is in both, so nothing is new or deleted,
            // which the walk would find only after sorting millions of ids twice.
            return Map.of();
        }
        Map<String, Integer> ordinalByKey = new HashMap<>();
        ByKey a = ByKey.of(base, ordinalByKey);
        ByKey b = ByKey.of(target, ordinalByKey);
        String[] keys = new String[ordinalByKey.size()];
        ordinalByKey.forEach((key, ordinal) -> keys[ordinal] = key);
        Map<String, Changes> result = new HashMap<>();
        for (int k = 0; k < keys.length; k++) {
            long[] figures = new long[4];
            int i = a.start(k);
            int j = b.start(k);
            int endA = a.end(k);
            int endB = b.end(k);
            while (i < endA || j < endB) {
                long idA = i < endA ? a.idAt(i) : 0;
                long idB = j < endB ? b.idAt(j) : 0;
                int order = i == endA ? 1 : j == endB ? -1 : Long.compareUnsigned(idA, idB);
                if (order < 0) {
                    figures[DELETED]++;
                    figures[FREED_BYTES] += a.sizeAt(i++);
                } else if (order > 0) {
                    figures[NEW]++;
                    figures[NEW_BYTES] += b.sizeAt(j++);
                } else {
                    i++;
                    j++;
                }
            }
            result.put(keys[k], new Changes(figures[NEW], figures[DELETED], figures[NEW_BYTES], figures[FREED_BYTES]));
        }
        return result;
    }

    /**
     * One snapshot's counted nodes grouped by class key ordinal, each group in ascending id order: a stable
     * counting sort of the nodes taken in ascending id order.
     */
    private static final class ByKey {
        private final HeapGraph graph;
        private final IntColumn objects;
        private final int[] firstByOrdinal;

        private ByKey(HeapGraph graph, IntColumn objects, int[] firstByOrdinal) {
            this.graph = graph;
            this.objects = objects;
            this.firstByOrdinal = firstByOrdinal;
        }

        static ByKey of(Snapshot snapshot, Map<String, Integer> ordinalByKey) {
            HeapGraph graph = snapshot.graph();
            int[] ordinalByClass = new int[graph.classCount()];
            for (int c = 0; c < ordinalByClass.length; c++) {
                String key = ClassDiffs.keyOf(graph, graph.heapClass(c));
                Integer known = ordinalByKey.get(key);
                if (known == null) {
                    known = ordinalByKey.size();
                    ordinalByKey.put(key, known);
                }
                ordinalByClass[c] = known;
            }
            IntColumn ascending = ascendingIds(graph);
            int n = ascending.length();
            int[] counts = new int[ordinalByKey.size() + 1];
            int counted = 0;
            for (int i = 0; i < n; i++) {
                int object = ascending.get(i);
                if (ClassHistogram.countsAsInstance(snapshot.dominatorTree(), object)) {
                    counts[ordinalByClass[graph.classOf(object)] + 1]++;
                    counted++;
                }
            }
            for (int k = 1; k < counts.length; k++) {
                counts[k] += counts[k - 1];
            }
            int[] first = counts.clone();
            IntColumn grouped = graph.store().ints("diff-by-class", counted);
            for (int i = 0; i < n; i++) {
                int object = ascending.get(i);
                if (ClassHistogram.countsAsInstance(snapshot.dominatorTree(), object)) {
                    grouped.set(counts[ordinalByClass[graph.classOf(object)]]++, object);
                }
            }
            return new ByKey(graph, grouped, first);
        }

        /** Where the group of a key ordinal starts; ordinals made after this snapshot have empty groups. */
        int start(int ordinal) {
            return ordinal < firstByOrdinal.length - 1 ? firstByOrdinal[ordinal] : objects.length();
        }

        int end(int ordinal) {
            return ordinal < firstByOrdinal.length - 1 ? firstByOrdinal[ordinal + 1] : objects.length();
        }

        long idAt(int i) {
            return graph.idOf(objects.get(i));
        }

        long sizeAt(int i) {
            return graph.shallowSizeOf(objects.get(i));
        }
    }

    /**
     * The objects by ascending unsigned id, ties in index order, as a column of the graph's store.
     * Snapshots usually number their nodes in id order already, which one pass detects; otherwise
     * the ids, sign bit flipped so that signed order is unsigned order, are radix-sorted.
     */
    private static IntColumn ascendingIds(HeapGraph graph) {
        int n = graph.objectCount();
        boolean sorted = true;
        for (int o = 1; o < n && sorted; o++) {
            sorted = Long.compareUnsigned(graph.idOf(o - 1), graph.idOf(o)) <= 0;
        }
        if (sorted) {
            IntColumn order = graph.store().ints("diff-id-order", n);
            for (int o = 0; o < n; o++) {
                order.set(o, o);
            }
            return order;
        }
        LongColumn keys = graph.store().longs("diff-id-keys", n);
        for (int o = 0; o < n; o++) {
            keys.set(o, graph.idOf(o) ^ Long.MIN_VALUE);
        }
        return PrimitiveSort.indexesByKey(keys, n, graph.store());
    }
}
