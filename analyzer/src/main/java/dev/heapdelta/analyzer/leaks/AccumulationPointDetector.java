package dev.heapdelta.analyzer.leaks;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.diff.Trend;
import dev.heapdelta.analyzer.diff.Trends;
import dev.heapdelta.analyzer.dominators.DominatorTree;
import dev.heapdelta.analyzer.format.ByteSizes;
import dev.heapdelta.analyzer.graph.HeapFormat;
import dev.heapdelta.analyzer.graph.ObjectKind;
import dev.heapdelta.analyzer.query.PathKeys;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A dominator under which the heap's growth concentrates: the largest objects of each snapshot,
 * matched by path key, reported at the deepest point that still holds most of the growth (an
 * ancestor whose growth is mostly one descendant's is that descendant's context, not a point).
 */
public final class AccumulationPointDetector implements LeakDetector {
    private static final int CANDIDATES = 200;
    private static final double CONCENTRATION = 0.8;
    static final long MIN_GROWTH = 256 * 1024;
    /** How far up the dominator tree a container's table or nodes look for the container. */
    private static final int CONTAINER_DEPTH = 3;

    @Override
    public List<Suspect> detect(SeriesContext series) {
        int n = series.size();
        List<Map<String, Integer>> objectByKey = new ArrayList<>();
        for (Snapshot snapshot : series.snapshots()) {
            Map<String, Integer> byKey = new LinkedHashMap<>();
            for (int object : snapshot.biggestObjects(CANDIDATES)) {
                String key = snapshot.pathKeyOf(object);
                // A class object holds its statics, each its own place (they have keys of their own): no point.
                if (!key.isEmpty() && snapshot.graph().kindOf(object) != ObjectKind.CLASS) {
                    byKey.putIfAbsent(key, object);
                }
            }
            objectByKey.add(byKey);
        }
        matchByNodeId(series, objectByKey);
        long heapGrowth = series.last().totalShallowBytes() - series.snapshots().get(0).totalShallowBytes();
        long threshold = Math.max(MIN_GROWTH, heapGrowth / 20);
        Map<String, Long[]> retainedByKey = new HashMap<>();
        for (String key : objectByKey.get(n - 1).keySet()) {
            Long[] retained = new Long[n];
            for (int s = 0; s < n; s++) {
                Integer object = objectByKey.get(s).get(key);
                retained[s] = object == null ? null
                        : series.snapshots().get(s).dominatorTree().retainedSizeOf(object);
            }
            if (retained[0] == null) {
                continue;
            }
            long growth = Evidence.last(retained) - retained[0];
            if (growth >= threshold && Trends.classify(retained) == Trend.GROWING) {
                retainedByKey.put(key, retained);
            }
        }
        Set<String> points = new LinkedHashSet<>();
        for (Map.Entry<String, Long[]> entry : retainedByKey.entrySet()) {
            if (!hasConcentratedDescendant(entry.getKey(), growthOf(entry.getValue()), retainedByKey)) {
                points.add(containerKey(series.last(), objectByKey.get(n - 1), entry.getKey(), retainedByKey));
            }
        }
        List<Suspect> suspects = new ArrayList<>();
        Snapshot last = series.last();
        for (String key : points) {
            if (insideAnotherPoint(key, points)) {
                continue;
            }
            int object = objectByKey.get(n - 1).get(key);
            long growth = growthOf(retainedByKey.get(key));
            String className = last.displayClassNameOf(object);
            String title = String.format(Locale.ROOT, "%s at %s accumulates %s", className, key,
                    ByteSizes.humanDelta(growth));
            suspects.add(new Suspect(SuspectKind.ACCUMULATION_POINT, title, className, key,
                    dominatedCounts(series, objectByKey, key), retainedByKey.get(key), Trend.GROWING, series.trendBasis(),
                    series.pathRows(n - 1, object), series.samples(n - 1, object), series.locations(n - 1, object),
                    List.of(), List.of("retained size grows at every step and is not mostly one descendant's"),
                    series.objectIds(objectsByKey(objectByKey, key))));
        }
        return suspects;
    }

    /**
     * V8: a key's object in an earlier snapshot is the one with the last snapshot's node id, where
     * that id is there; the path key decides only otherwise (a key can name different objects).
     */
    private static void matchByNodeId(SeriesContext series, List<Map<String, Integer>> objectByKey) {
        int n = series.size();
        Snapshot last = series.last();
        if (last.format() != HeapFormat.V8) {
            return;
        }
        for (Map.Entry<String, Integer> entry : objectByKey.get(n - 1).entrySet()) {
            long id = last.graph().idOf(entry.getValue());
            for (int s = 0; s < n - 1; s++) {
                Snapshot earlier = series.snapshots().get(s);
                int same = earlier.graph().findObjectById(id);
                // Ids are stable within one process; a class mismatch means snapshots of different processes.
                if (same >= 0 && earlier.dominatorTree().isReachable(same)
                        && earlier.graph().classNameOf(same).equals(last.graph().classNameOf(entry.getValue()))) {
                    objectByKey.get(s).put(entry.getKey(), same);
                }
            }
        }
    }

    private static int[] objectsByKey(List<Map<String, Integer>> objectByKey, String key) {
        int[] objects = new int[objectByKey.size()];
        for (int s = 0; s < objects.length; s++) {
            objects[s] = objectByKey.get(s).getOrDefault(key, -1);
        }
        return objects;
    }

    private static long growthOf(Long[] retained) {
        return Evidence.last(retained) - Evidence.first(retained);
    }

    /**
     * The point's own key, or, when the point is a container's table or nodes (a HashMap's
     * {@code Node[]}), the key of the container it sits on: the growth is that container's, and so are
     * the entries it counts.
     */
    private static String containerKey(Snapshot last, Map<String, Integer> objectByKey, String key,
            Map<String, Long[]> retainedByKey) {
        int holder = containerItSitsOn(last, objectByKey.get(key));
        if (holder < 0) {
            return key;
        }
        String holderKey = last.pathKeyOf(holder);
        boolean matched = objectByKey.getOrDefault(holderKey, -1) == holder && retainedByKey.containsKey(holderKey);
        return matched ? holderKey : key;
    }

    /**
     * The container that {@code object}, a container's table or nodes, sits on: the first object above
     * it in the dominator tree that is no machinery, when that is a container; else -1. Series and
     * single-dump points alike report that container and its entries.
     */
    static int containerItSitsOn(Snapshot snapshot, int object) {
        if (!LargeRetainerDetector.isCollectionMachinery(snapshot, object)) {
            return -1;
        }
        DominatorTree tree = snapshot.dominatorTree();
        int holder = tree.immediateDominatorOf(object);
        for (int steps = 0; steps < CONTAINER_DEPTH && holder >= 0 && holder != tree.virtualRoot(); steps++) {
            if (snapshot.graph().classOf(holder) >= 0 && !LargeRetainerDetector.isCollectionMachinery(snapshot, holder)) {
                return ContainerCensus.inspectorFor(snapshot).inspect(snapshot, holder) != null ? holder : -1;
            }
            holder = tree.immediateDominatorOf(holder);
        }
        return -1;
    }

    /**
     * A point inside another one is part of its growth, not a point of its own: the outer one holds the
     * growth that no single descendant holds most of (each half of a tree that grows at both).
     */
    private static boolean insideAnotherPoint(String key, Set<String> points) {
        for (String other : points) {
            if (key.startsWith(other + PathKeys.SEPARATOR)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasConcentratedDescendant(String key, long growth, Map<String, Long[]> retainedByKey) {
        String prefix = key + PathKeys.SEPARATOR;
        for (Map.Entry<String, Long[]> other : retainedByKey.entrySet()) {
            if (other.getKey().startsWith(prefix) && growthOf(other.getValue()) >= CONCENTRATION * growth) {
                return true;
            }
        }
        return false;
    }

    /** The number of objects each snapshot's point dominates (DESIGN.md §4: its {@code elements}). */
    private static Long[] dominatedCounts(SeriesContext series, List<Map<String, Integer>> objectByKey, String key) {
        Long[] counts = new Long[series.size()];
        for (int s = 0; s < counts.length; s++) {
            Integer object = objectByKey.get(s).get(key);
            counts[s] = object == null ? null : DominatedObjects.entriesOrCount(series.snapshots().get(s), object);
        }
        return counts;
    }
}
