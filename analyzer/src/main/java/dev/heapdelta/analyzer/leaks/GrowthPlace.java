package dev.heapdelta.analyzer.leaks;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.diff.ClassDiffs;
import dev.heapdelta.analyzer.graph.HeapFormat;
import dev.heapdelta.analyzer.graph.HeapGraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a growing class grew: the path key that gained the most of its instances, and instances of
 * the class that live there. Voting over all instances would name where most of them have always
 * been (JDK constants for {@code String}, a big flat cache), not where the new ones went.
 *
 * <p>V8 node ids are stable, so there the vote is over the instances new since the first snapshot.
 * HPROF addresses move, so there each path key's instance count is estimated in the first and the
 * last snapshot from an even sample, and the key whose count grew most wins.
 *
 * @param pathKey the winning key, or empty when no instance has a path
 * @param instances instances of the class in the last snapshot under that key, largest retained first
 */
record GrowthPlace(String pathKey, int[] instances) {
    /** Enough for a stable vote on a 10 M-object heap, cheap on a small one where it is every instance. */
    static final int SAMPLE = 4_000;
    private static final int KEPT_INSTANCES = 3;

    static GrowthPlace of(Snapshot first, Snapshot last, String classKey) {
        HeapGraph lastGraph = last.graph();
        int[] lastInstances = instancesOf(last, classKey);
        boolean byNodeId = lastGraph.format() == HeapFormat.V8 && first != last;
        if (byNodeId) {
            lastInstances = newSince(first.graph(), lastGraph, lastInstances);
        }
        Map<String, Double> growthByKey = new HashMap<>();
        Map<String, List<Integer>> sampledByKey = new HashMap<>();
        vote(last, lastInstances, 1, growthByKey, sampledByKey);
        if (!byNodeId && first != last) {
            vote(first, instancesOf(first, classKey), -1, growthByKey, null);
        }
        String best = mostGrown(growthByKey, sampledByKey);
        if (best.isEmpty()) {
            return new GrowthPlace("", new int[0]);
        }
        List<Integer> there = sampledByKey.get(best);
        there.sort((a, b) -> Long.compare(last.dominatorTree().retainedSizeOf(b),
                last.dominatorTree().retainedSizeOf(a)));
        int[] kept = there.stream().limit(KEPT_INSTANCES).mapToInt(Integer::intValue).toArray();
        return new GrowthPlace(best, kept);
    }

    /** The key with the largest estimated growth that has a sampled instance; ties go to the smaller key. */
    private static String mostGrown(Map<String, Double> growthByKey, Map<String, List<Integer>> sampledByKey) {
        String best = "";
        double bestGrowth = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, Double> entry : growthByKey.entrySet()) {
            String key = entry.getKey();
            double growth = entry.getValue();
            if (key.isEmpty() || !sampledByKey.containsKey(key)) {
                continue;
            }
            if (growth > bestGrowth || (growth == bestGrowth && key.compareTo(best) < 0)) {
                best = key;
                bestGrowth = growth;
            }
        }
        return best;
    }

    /** Adds {@code sign ×} the estimated instance count of each key, from an even sample of {@code instances}. */
    private static void vote(Snapshot snapshot, int[] instances, int sign, Map<String, Double> growthByKey,
            Map<String, List<Integer>> sampledByKey) {
        if (instances.length == 0) {
            return;
        }
        double step = Math.max(1.0, (double) instances.length / SAMPLE);
        double weight = sign * step;
        for (double at = 0; at < instances.length; at += step) {
            int instance = instances[(int) at];
            String key = snapshot.pathKeyOf(instance);
            growthByKey.merge(key, weight, Double::sum);
            if (sampledByKey != null) {
                sampledByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(instance);
            }
        }
    }

    /** The reachable instances of the classes with this class key, in index order. */
    static int[] instancesOf(Snapshot snapshot, String classKey) {
        HeapGraph graph = snapshot.graph();
        boolean[] matches = new boolean[graph.classCount()];
        for (int c = 0; c < matches.length; c++) {
            matches[c] = ClassDiffs.keyOf(graph, graph.heapClass(c)).equals(classKey);
        }
        int[] found = new int[16];
        int n = 0;
        for (int o = 0; o < graph.objectCount(); o++) {
            int c = graph.classOf(o);
            if (c >= 0 && matches[c] && snapshot.dominatorTree().isReachable(o)) {
                if (n == found.length) {
                    found = java.util.Arrays.copyOf(found, n * 2);
                }
                found[n++] = o;
            }
        }
        return java.util.Arrays.copyOf(found, n);
    }

    /** The instances whose node id the first snapshot does not have. */
    private static int[] newSince(HeapGraph first, HeapGraph last, int[] instances) {
        int[] fresh = new int[instances.length];
        int n = 0;
        for (int instance : instances) {
            if (first.findObjectById(last.idOf(instance)) < 0) {
                fresh[n++] = instance;
            }
        }
        return java.util.Arrays.copyOf(fresh, n);
    }
}
