package dev.heapdelta.analyzer.leaks;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.diff.Trend;
import dev.heapdelta.analyzer.diff.Trends;
import dev.heapdelta.analyzer.dominators.DominatorTree;
import dev.heapdelta.analyzer.graph.HeapFormat;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.graph.ObjectKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Browser snapshots: the holder under which detached DOM grows, whatever it is. A detached tree is
 * a leak however few bytes it takes, and the object that keeps it is often no JS collection: an
 * object's property holding one tree that keeps growing ({@code panel.archive}), or an event target
 * whose Blink listener list holds closures that capture detached rows. Neither is a growing
 * collection, and on a page of a few megabytes neither retains the tenth of the heap a large
 * retainer needs nor the bytes an accumulation point needs; so this counts detached DOM nodes
 * instead of bytes. In the last snapshot, each dominator's detached nodes are counted and compared
 * with the same node id's in the first; the point is the deepest dominator that no child holds
 * most (80%) of that growth of, and no point dominates another. The point is then named as the page
 * names it ({@link DetachedDomHolder}: up over detached nodes and Blink's internals), matched in the
 * other snapshots by node id or else path key, and reported as an accumulation point when its detached
 * nodes grow at every step. A growing collection of detached trees is the collection detector's row:
 * the ranking folds this one into it. Performance: O(n) per snapshot compared, n ints each.
 */
public final class DetachedDomGrowthDetector implements LeakDetector {
    /** Fewer new detached nodes than this over the series is no point (a page re-rendering one small widget). */
    static final int MIN_NODE_GROWTH = 10;
    private static final double CONCENTRATION = 0.8;

    @Override
    public List<Suspect> detect(SeriesContext series) {
        Snapshot last = series.last();
        int n = series.size();
        if (n < 2 || series.snapshots().stream().anyMatch(s -> s.format() != HeapFormat.V8)) {
            return List.of();
        }
        int[] lastCounts = detachedNodesBelow(last);
        if (lastCounts == null) {
            return List.of();
        }
        List<int[]> countsBySnapshot = new ArrayList<>();
        for (int s = 0; s < n - 1; s++) {
            countsBySnapshot.add(detachedNodesBelow(series.snapshots().get(s)));
        }
        countsBySnapshot.add(lastCounts);
        int[] growth = growthSinceFirst(last, series.snapshots().get(0), lastCounts, countsBySnapshot.get(0));
        List<Suspect> suspects = new ArrayList<>();
        for (int holder : holders(last, points(last, growth))) {
            Suspect suspect = suspectAt(series, countsBySnapshot, holder);
            if (suspect != null) {
                suspects.add(suspect);
            }
        }
        return suspects;
    }

    /**
     * The detached DOM nodes in each object's dominator subtree, the object included; null when the
     * snapshot has none (every heap but a browser's), so that nothing more is spent on it.
     */
    private static int[] detachedNodesBelow(Snapshot snapshot) {
        HeapGraph graph = snapshot.graph();
        DominatorTree tree = snapshot.dominatorTree();
        int[] counts = new int[graph.objectCount() + 1];
        boolean any = false;
        int reached = tree.reachableCount();
        // Reverse preorder: every object is counted before its dominator takes its count.
        for (int i = reached - 1; i >= 0; i--) {
            int object = tree.objectInPreorder(i);
            if (DetachedDom.isDetachedDomNode(graph, object)) {
                counts[object]++;
                any = true;
            }
            int dominator = tree.immediateDominatorOf(object);
            if (dominator >= 0) {
                counts[dominator] += counts[object];
            }
        }
        return any ? counts : null;
    }

    /** Each last-snapshot object's detached nodes less those of the object with its node id in the first. */
    private static int[] growthSinceFirst(Snapshot last, Snapshot first, int[] lastCounts, int[] firstCounts) {
        int n = last.graph().objectCount();
        int[] growth = new int[n];
        for (int object = 0; object < n; object++) {
            if (lastCounts[object] < MIN_NODE_GROWTH) {
                continue;
            }
            int same = firstCounts == null ? -1 : first.graph().findObjectById(last.graph().idOf(object));
            growth[object] = lastCounts[object] - (same < 0 ? 0 : firstCounts[same]);
        }
        return growth;
    }

    /** The deepest dominators of the growth: no child holds most of theirs, and none dominates another. */
    private static List<Integer> points(Snapshot last, int[] growth) {
        DominatorTree tree = last.dominatorTree();
        HeapGraph graph = last.graph();
        int n = graph.objectCount();
        int[] largestChildGrowth = new int[n + 1];
        for (int object = 0; object < n; object++) {
            int dominator = tree.immediateDominatorOf(object);
            if (growth[object] > 0 && dominator >= 0) {
                largestChildGrowth[dominator] = Math.max(largestChildGrowth[dominator], growth[object]);
            }
        }
        List<Integer> candidates = new ArrayList<>();
        for (int object = 0; object < n; object++) {
            if (growth[object] >= MIN_NODE_GROWTH && largestChildGrowth[object] < CONCENTRATION * growth[object]
                    && graph.kindOf(object) != ObjectKind.V8_SYNTHETIC) {
                candidates.add(object);
            }
        }
        boolean[] abovePoint = new boolean[n + 1];
        for (int point : candidates) {
            for (int d = tree.immediateDominatorOf(point); d >= 0 && d != tree.virtualRoot() && !abovePoint[d];
                    d = tree.immediateDominatorOf(d)) {
                abovePoint[d] = true;
            }
        }
        candidates.removeIf(point -> abovePoint[point]);
        return candidates;
    }

    /** Each point's holder as the page names it, once; never the global object, which holds every script's state. */
    private static Set<Integer> holders(Snapshot last, List<Integer> points) {
        Set<Integer> holders = new LinkedHashSet<>();
        for (int point : points) {
            int holder = DetachedDomHolder.of(last, point);
            if (!LargeRetainerDetector.isGlobalScope(last, holder)) {
                holders.add(holder);
            }
        }
        return holders;
    }

    /** The holder's row when its detached nodes grow at every step; else null. */
    private static Suspect suspectAt(SeriesContext series, List<int[]> countsBySnapshot, int holder) {
        Snapshot last = series.last();
        int n = series.size();
        String key = last.pathKeyOf(holder);
        int[] objects = new int[n];
        Long[] retained = new Long[n];
        Long[] counts = new Long[n];
        for (int s = 0; s < n; s++) {
            Snapshot snapshot = series.snapshots().get(s);
            objects[s] = s == n - 1 ? holder : sameHolder(snapshot, countsBySnapshot.get(s), last, holder, key);
            if (objects[s] >= 0) {
                retained[s] = snapshot.dominatorTree().retainedSizeOf(objects[s]);
                counts[s] = DominatedObjects.entriesOrCount(snapshot, objects[s]);
            }
        }
        DetachedDomSeries detached = DetachedDomSeries.ofObjects(series, objects);
        if (!detached.isPresent() || Trends.classify(detached.nodes()) != Trend.GROWING) {
            return null;
        }
        String className = last.displayClassNameOf(holder);
        long retainedGrowth = Evidence.last(retained) - (retained[0] == null ? 0 : retained[0]);
        return new Suspect(SuspectKind.ACCUMULATION_POINT, detached.title(className, key, retainedGrowth), className,
                key, counts, retained, Trend.GROWING, series.trendBasis(), series.pathRows(n - 1, holder),
                series.samples(n - 1, holder), series.locations(n - 1, holder), detached.withEvidence(List.of()),
                List.of("the detached DOM nodes it keeps grow at every step", detached.heldReason()),
                series.objectIds(objects)).withOtherPaths(series.otherPathRows(n - 1, holder));
    }

    /**
     * The holder in an earlier snapshot: the object with its node id, else one of its class at the same
     * path key among those that hold detached DOM there (an undo list replaced at every step is one
     * holder that stays the same size, not a new one each time); -1 when none holds any there.
     */
    private static int sameHolder(Snapshot other, int[] otherCounts, Snapshot last, int holder, String key) {
        HeapGraph graph = other.graph();
        int byId = graph.findObjectById(last.graph().idOf(holder));
        String className = last.graph().classNameOf(holder);
        if (byId >= 0 && other.dominatorTree().isReachable(byId) && graph.classNameOf(byId).equals(className)) {
            return byId;
        }
        if (otherCounts == null || key.isEmpty()) {
            return -1;
        }
        for (int object = 0; object < graph.objectCount(); object++) {
            if (otherCounts[object] > 0 && graph.classNameOf(object).equals(className)
                    && other.pathKeyOf(object).equals(key)) {
                return object;
            }
        }
        return -1;
    }
}
