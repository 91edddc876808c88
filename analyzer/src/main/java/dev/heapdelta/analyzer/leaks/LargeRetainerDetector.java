package dev.heapdelta.analyzer.leaks;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.diff.Trends;
import dev.heapdelta.analyzer.dominators.DominatorTree;
import dev.heapdelta.analyzer.format.ByteSizes;
import dev.heapdelta.analyzer.format.PathStepRow;
import dev.heapdelta.analyzer.graph.HeapFormat;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.graph.ObjectKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One object retaining more than a tenth of the last snapshot's heap. Only the deepest such object
 * on a dominator chain is reported: a holder whose size is mostly one big child's is that child's
 * context; and a part of a reported retainer (half of a tree) is no retainer of its own. Class objects and V8's synthetic nodes are holders, not retainers, and are skipped.
 * A retainer of detached DOM is named by its holder as the page names it ({@link DetachedDomHolder}),
 * the object {@link DetachedDomGrowthDetector} finds too, so that the two fold as one row.
 */
public final class LargeRetainerDetector implements LeakDetector {
    private static final double SHARE = 0.10;
    static final double CONCENTRATION = 0.8;
    private static final int CANDIDATES = 50;
    private static final int CLASS_HOLDER_DEPTH = 3;

    @Override
    public List<Suspect> detect(SeriesContext series) {
        Snapshot last = series.last();
        DominatorTree tree = last.dominatorTree();
        long threshold = (long) (last.totalShallowBytes() * SHARE);
        List<Integer> qualifying = new ArrayList<>();
        for (int object : last.biggestObjects(CANDIDATES)) {
            series.throwIfCancelled();
            ObjectKind kind = last.graph().kindOf(object);
            if (tree.retainedSizeOf(object) > threshold && kind != ObjectKind.CLASS && kind != ObjectKind.V8_SYNTHETIC
                    && kind != ObjectKind.V8_HIDDEN && !isCollectionMachinery(last, object) && !isGlobalScope(last, object)
                    && !holdsMostlyClasses(last, object)) {
                qualifying.add(object);
            }
        }
        List<Suspect> suspects = new ArrayList<>();
        int lastIndex = series.size() - 1;
        List<Integer> reported = new ArrayList<>();
        for (int object : qualifying) {
            if (!hasConcentratedDescendant(tree, object, qualifying)) {
                reported.add(object);
            }
        }
        Set<Integer> holders = new HashSet<>();
        for (int retainer : reported) {
            series.throwIfCancelled();
            if (insideAnotherReported(tree, retainer, reported)) {
                continue;
            }
            int object = DetachedDomHolder.of(last, retainer);
            if (!holders.add(object)) {
                continue;
            }
            String key = last.pathKeyOf(object);
            long retained = tree.retainedSizeOf(object);
            String className = last.displayClassNameOf(object);
            String title = String.format(Locale.ROOT, "%s at %s retains %.0f%% of the heap (%s)", className,
                    key.isEmpty() ? "?" : key, 100.0 * retained / Math.max(1, last.totalShallowBytes()),
                    ByteSizes.human(retained));
            Long[] retainedBySnapshot = new Long[series.size()];
            Long[] counts = new Long[series.size()];
            int[] objects = new int[series.size()];
            for (int s = 0; s < series.size(); s++) {
                int match = s == lastIndex ? object : sameObject(series.snapshots().get(s), last, object, key);
                objects[s] = match;
                if (match >= 0) {
                    retainedBySnapshot[s] = series.snapshots().get(s).dominatorTree().retainedSizeOf(match);
                    counts[s] = DominatedObjects.entriesOrCount(series.snapshots().get(s), match);
                }
            }
            List<String> reasons = new ArrayList<>();
            reasons.add(String.format(Locale.ROOT, "retains more than %.0f%% of the last snapshot's heap", SHARE * 100));
            List<Evidence> evidence = List.of();
            // One dump says what detached DOM its retainer keeps in its own words (SingleSnapshotSuspects).
            DetachedDomSeries detached = series.size() > 1 ? DetachedDomSeries.ofObjects(series, objects)
                    : DetachedDomSeries.ofOne(DetachedDom.NONE);
            if (detached.isPresent()) {
                title = detached.title(className, key, Evidence.last(retainedBySnapshot)
                        - (retainedBySnapshot[0] == null ? 0 : retainedBySnapshot[0]));
                reasons.add(detached.heldReason());
                evidence = detached.withEvidence(List.of());
            }
            // V8: the shortest path when a variable names the retainer through a longer one (SeriesContext).
            List<List<PathStepRow>> otherPaths = last.format() == HeapFormat.V8
                    ? series.otherPathRows(lastIndex, object) : List.of();
            suspects.add(new Suspect(SuspectKind.LARGE_RETAINER, title, className, key, counts, retainedBySnapshot,
                    Trends.classify(retainedBySnapshot), series.trendBasis(), series.pathRows(lastIndex, object),
                    series.samples(lastIndex, object), series.locations(lastIndex, object), evidence, reasons,
                    series.objectIds(objects)).withOtherPaths(otherPaths));
        }
        return suspects;
    }

    /**
     * A collection's table, nodes or entries: the collection itself is the retainer a user knows.
     * Java only; in V8 a Map's table is already folded into the Map by DevTools' owned sizes.
     */
    static boolean isCollectionMachinery(Snapshot snapshot, int object) {
        HeapGraph graph = snapshot.graph();
        if (graph.format() != HeapFormat.HPROF) {
            return false;
        }
        String name = graph.classNameOf(object);
        if (name.startsWith("java.util.") && name.contains("$")) {
            return true;
        }
        int parentEdge = snapshot.shortestPaths().parentEdgeOf(object);
        return graph.kindOf(object) == ObjectKind.OBJECT_ARRAY && parentEdge >= 0
                && ContainerInternals.isInternalClass(graph.format(), graph.classNameOf(graph.edgeSource(parentEdge)));
    }

    /**
     * A V8 global object (a window's, a worker's {@code …GlobalScope}) or native context holds every script's top-level state: true, and no lead,
     * as a Java class loader is not. The variables under it are the holders to look into.
     */
    static boolean isGlobalScope(Snapshot snapshot, int object) {
        if (snapshot.format() != HeapFormat.V8) {
            return false;
        }
        String name = snapshot.graph().classNameOf(object);
        return name.equals("global") || name.equals("Window") || name.startsWith("Window /")
                || name.contains(" [JSGlobalObject]") || name.contains("GlobalScope")
                || name.equals("system / NativeContext") || name.equals("system / JSGlobalObject");
    }

    /**
     * A holder of class objects (a class loader's list of its classes) retains the statics of a whole
     * application: true, and no lead. Its class-object children are the holders to look into instead.
     */
    static boolean holdsMostlyClasses(Snapshot snapshot, int object) {
        DominatorTree tree = snapshot.dominatorTree();
        long underClasses = 0;
        // A class loader holds its classes through a list and its array: look a few levels down.
        java.util.ArrayDeque<int[]> queue = new java.util.ArrayDeque<>();
        queue.add(new int[] {object, 0});
        while (!queue.isEmpty()) {
            int[] next = queue.poll();
            for (int i = tree.firstChildIndex(next[0]); i < tree.firstChildIndex(next[0] + 1); i++) {
                int child = tree.childAt(i);
                if (snapshot.graph().kindOf(child) == ObjectKind.CLASS) {
                    underClasses += tree.retainedSizeOf(child);
                } else if (next[1] < CLASS_HOLDER_DEPTH
                        && tree.retainedSizeOf(child) >= (1 - CONCENTRATION) * tree.retainedSizeOf(object)) {
                    queue.add(new int[] {child, next[1] + 1});
                }
            }
        }
        return underClasses >= CONCENTRATION * tree.retainedSizeOf(object);
    }

    /**
     * The same retainer in another snapshot: by V8 node id where that id is there (ids are stable
     * across the snapshots of one process, path keys can be ambiguous), else by path key.
     */
    static int sameObject(Snapshot other, Snapshot last, int object, String key) {
        if (last.format() == HeapFormat.V8 && other.format() == HeapFormat.V8) {
            int byId = other.graph().findObjectById(last.graph().idOf(object));
            // Ids are stable within one process; a class mismatch means snapshots of different processes.
            if (byId >= 0 && other.dominatorTree().isReachable(byId)
                    && other.graph().classNameOf(byId).equals(last.graph().classNameOf(object))) {
                return byId;
            }
        }
        return objectWithKey(other, key);
    }

    /** The same retainer in another snapshot: one of its largest objects with the same path key, or -1. */
    private static int objectWithKey(Snapshot snapshot, String key) {
        if (key.isEmpty()) {
            return -1;
        }
        for (int object : snapshot.biggestObjects(CANDIDATES)) {
            if (snapshot.pathKeyOf(object).equals(key)) {
                return object;
            }
        }
        return -1;
    }

    /**
     * A retainer inside another reported one (a half of a tree whose root is reported) is part of it,
     * as MAT's suspects are the biggest objects and not their parts: the outer one is the row.
     */
    private static boolean insideAnotherReported(DominatorTree tree, int object, List<Integer> reported) {
        for (int other : reported) {
            if (other != object && dominates(tree, other, object)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasConcentratedDescendant(DominatorTree tree, int object, List<Integer> qualifying) {
        for (int other : qualifying) {
            if (other != object && tree.retainedSizeOf(other) >= CONCENTRATION * tree.retainedSizeOf(object)
                    && dominates(tree, object, other)) {
                return true;
            }
        }
        return false;
    }

    static boolean dominates(DominatorTree tree, int dominator, int object) {
        int d = tree.immediateDominatorOf(object);
        for (int steps = 0; d >= 0 && d != tree.virtualRoot() && steps < 100_000; steps++) {
            if (d == dominator) {
                return true;
            }
            d = tree.immediateDominatorOf(d);
        }
        return false;
    }
}
