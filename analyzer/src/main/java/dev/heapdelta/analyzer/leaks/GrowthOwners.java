package dev.heapdelta.analyzer.leaks;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.diff.Trends;
import dev.heapdelta.analyzer.dominators.DominatorTree;
import dev.heapdelta.analyzer.graph.EdgeKind;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.graph.IncomingEdges;
import dev.heapdelta.analyzer.query.PathKeys;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which rows a growing class's instances belong to, decided object by object in every snapshot: an
 * instance belongs to a row whose object dominates it, or dominates one of its referrers (a
 * {@code String} that two caches share is held from inside both; the first row ranked takes it); failing
 * that, to a growing-class row whose instance dominates it (a node's payload). The rest is counted
 * per anchor, the static field or root its path key starts at, so that "elsewhere" can be told apart
 * from a second leak: an anchor whose count grows at every step has a growth of its own.
 *
 * <p>Values of a {@code WeakHashMap}'s stale entries (the key is collected, the entry is dropped at the
 * map's next access) belong nowhere: they are on their way out, as the map's own count says.
 *
 * <p>Each snapshot's instances are sampled evenly, one in {@code step}; an anchor's growth counts only
 * where every step up exceeds what sampling alone could make of it.
 *
 * @param countByRow estimated instances per row (index into the rows given) and snapshot
 * @param retainedByRow the estimated retained bytes of those instances
 * @param sampledByAnchor sampled instances outside every row, per anchor and snapshot
 * @param stepBySnapshot one instance sampled in this many, per snapshot
 */
record GrowthOwners(long[][] countByRow, long[][] retainedByRow, Map<String, long[]> sampledByAnchor,
        double[] stepBySnapshot) {
    /** An even sample this large keeps an anchor's sampling error near 1% of the class. */
    private static final int SAMPLE = 20_000;
    private static final int REFERRERS_CHECKED = 8;
    private static final String WEAK_ENTRY = "java.util.WeakHashMap$Entry";

    /**
     * @param rows the rows that may hold the class: rows with an object per snapshot, and growing-class
     *     rows, whose instances hold it
     */
    static GrowthOwners of(SeriesContext series, Suspect growingClass, List<Suspect> rows) {
        int n = series.size();
        long[][] countByRow = new long[rows.size()][n];
        long[][] retainedByRow = new long[rows.size()][n];
        Map<String, long[]> sampledByAnchor = new HashMap<>();
        double[] stepBySnapshot = new double[n];
        for (int s = 0; s < n; s++) {
            Snapshot snapshot = series.snapshots().get(s);
            Map<Integer, Integer> rowByObject = new HashMap<>();
            Map<String, Integer> rowByClass = new HashMap<>();
            for (int r = 0; r < rows.size(); r++) {
                Suspect row = rows.get(r);
                if (row.kind() == SuspectKind.GROWING_CLASS) {
                    rowByClass.putIfAbsent(row.className(), r);
                } else {
                    int object = series.objectOf(row, s);
                    if (object >= 0) {
                        rowByObject.putIfAbsent(object, r);
                    }
                }
            }
            String classKey = series.classDiff().stream().filter(c -> c.name().equals(growingClass.className()))
                    .findFirst().map(c -> c.key()).orElse(growingClass.className());
            int[] instances = GrowthPlace.instancesOf(snapshot, classKey);
            double step = Math.max(1.0, (double) instances.length / SAMPLE);
            stepBySnapshot[s] = step;
            for (double at = 0; at < instances.length; at += step) {
                int instance = instances[(int) at];
                Owner owner = ownerOf(snapshot, instance, rowByObject, rowByClass);
                if (owner.row >= 0) {
                    countByRow[owner.row][s]++;
                    retainedByRow[owner.row][s] += snapshot.dominatorTree().retainedSizeOf(instance);
                } else if (!owner.expiring) {
                    sampledByAnchor.computeIfAbsent(anchorOf(snapshot.pathKeyOf(instance)), k -> new long[n])[s]++;
                }
            }
            for (int r = 0; r < rows.size(); r++) {
                countByRow[r][s] = Math.round(countByRow[r][s] * step);
                retainedByRow[r][s] = Math.round(retainedByRow[r][s] * step);
            }
        }
        return new GrowthOwners(countByRow, retainedByRow, sampledByAnchor, stepBySnapshot);
    }

    /** The instances' growth, first to last snapshot, that row {@code r} holds. */
    long growthIn(int r) {
        long[] counts = countByRow[r];
        return counts[counts.length - 1] - counts[0];
    }

    /** The row holding the most of the growth, or -1 when the rows hold none of it. */
    int largestRow() {
        int best = -1;
        long bestGrowth = 0;
        for (int r = 0; r < countByRow.length; r++) {
            if (growthIn(r) > bestGrowth) {
                bestGrowth = growthIn(r);
                best = r;
            }
        }
        return best;
    }

    /** The growth outside every row at anchors whose count grows at every step, summed. */
    long growthOfItsOwn() {
        long total = 0;
        for (long[] sampled : sampledByAnchor.values()) {
            total += ownGrowth(sampled);
        }
        return total;
    }

    /** The largest growth of one anchor outside every row that grows at every step, or 0. */
    long largestGrowthOfItsOwn() {
        long largest = 0;
        for (long[] sampled : sampledByAnchor.values()) {
            largest = Math.max(largest, ownGrowth(sampled));
        }
        return largest;
    }

    long heldGrowth() {
        long total = 0;
        for (int r = 0; r < countByRow.length; r++) {
            total += Math.max(0, growthIn(r));
        }
        return total;
    }

    /**
     * An anchor's estimated growth, first to last, when it rises at every step by more than the trend's
     * noise (as {@link Trends} allows GC timing) plus twice the sampling error of both estimates; else 0.
     */
    private long ownGrowth(long[] sampled) {
        int n = sampled.length;
        for (int s = 1; s < n; s++) {
            double before = sampled[s - 1] * stepBySnapshot[s - 1];
            double after = sampled[s] * stepBySnapshot[s];
            double samplingError = stepBySnapshot[s - 1] * Math.sqrt(sampled[s - 1])
                    + stepBySnapshot[s] * Math.sqrt(sampled[s]);
            double noise = Math.max(2, 0.02 * Math.max(before, after));
            if (after - before <= noise + 2 * samplingError) {
                return 0;
            }
        }
        return Math.round(sampled[n - 1] * stepBySnapshot[n - 1] - sampled[0] * stepBySnapshot[0]);
    }

    private record Owner(int row, boolean expiring) {
    }

    private static Owner ownerOf(Snapshot snapshot, int instance, Map<Integer, Integer> rowByObject,
            Map<String, Integer> rowByClass) {
        HeapGraph graph = snapshot.graph();
        DominatorTree tree = snapshot.dominatorTree();
        int byClass = -1;
        boolean expiring = false;
        int d = tree.immediateDominatorOf(instance);
        for (int steps = 0; d >= 0 && d != tree.virtualRoot() && steps < 100_000; steps++) {
            Integer row = rowByObject.get(d);
            if (row != null) {
                return new Owner(row, false);
            }
            if (byClass < 0) {
                byClass = rowByClass.getOrDefault(graph.classNameOf(d), -1);
            }
            expiring |= isStaleWeakEntry(graph, d);
            d = tree.immediateDominatorOf(d);
        }
        int heldFrom = rowHoldingFromInside(snapshot, instance, rowByObject);
        if (heldFrom >= 0) {
            return new Owner(heldFrom, false);
        }
        return new Owner(byClass, expiring && byClass < 0);
    }

    /** The first-ranked row that dominates one of the instance's referrers, or -1. */
    private static int rowHoldingFromInside(Snapshot snapshot, int instance, Map<Integer, Integer> rowByObject) {
        HeapGraph graph = snapshot.graph();
        DominatorTree tree = snapshot.dominatorTree();
        IncomingEdges incoming = graph.incoming();
        int best = -1;
        int checked = 0;
        for (int i = incoming.firstIncoming(instance); i < incoming.endIncoming(instance)
                && checked < REFERRERS_CHECKED; i++) {
            if (!retains(graph.edgeKind(incoming.edge(i)))) {
                continue;
            }
            checked++;
            int d = incoming.source(i);
            for (int steps = 0; d >= 0 && d != tree.virtualRoot() && steps < 100_000; steps++) {
                Integer row = rowByObject.get(d);
                if (row != null) {
                    best = best < 0 ? row : Math.min(best, row);
                    break;
                }
                d = tree.immediateDominatorOf(d);
            }
        }
        return best;
    }

    private static boolean retains(EdgeKind kind) {
        return switch (kind) {
            case REFERENT, CLASS, CLASS_INTERNAL, V8_WEAK, V8_SHORTCUT -> false;
            default -> true;
        };
    }

    private static boolean isStaleWeakEntry(HeapGraph graph, int object) {
        return WEAK_ENTRY.equals(graph.classNameOf(object)) && ObjectFields.of(graph, object).reference("referent") < 0;
    }

    /** The part of a path key before its first hop: {@code static Interner.WEAK}, {@code thread "main"}. */
    static String anchorOf(String pathKey) {
        int hop = pathKey.indexOf(PathKeys.SEPARATOR);
        return hop < 0 ? pathKey : pathKey.substring(0, hop);
    }
}
