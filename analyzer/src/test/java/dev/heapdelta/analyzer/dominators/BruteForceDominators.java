package dev.heapdelta.analyzer.dominators;

import dev.heapdelta.analyzer.graph.HeapGraph;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The test oracle: dominators by definition. Object d dominates v when v is reachable from the
 * virtual root, and is not once d is removed. Quadratic; only for small graphs.
 */
final class BruteForceDominators {
    final int[] immediateDominator;
    final long[] retainedSize;
    /** Objects hung individually from the virtual root: their edges are not followed. */
    private BitSet isolated;

    /**
     * @param attachUnreachable hang unreachable objects from the virtual root as the fast algorithm
     *     (and Chrome DevTools) does: in index order, each unreached object with no retaining referrer
     *     but itself becomes a start of its own; what is still unreached (unreachable cycles) hangs from
     *     the virtual root one object at a time, its own edges not followed
     */
    BruteForceDominators(HeapGraph graph, RetentionRule rule, boolean attachUnreachable) {
        int n = graph.objectCount();
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < graph.entryCount(); i++) {
            starts.add(graph.entryObject(i));
        }
        isolated = new BitSet(n);
        BitSet reachable = reach(graph, rule, -1, starts);
        if (attachUnreachable) {
            BitSet referred = new BitSet(n);
            for (int v = 0; v < n; v++) {
                for (int e = graph.firstEdge(v); e < graph.endEdge(v); e++) {
                    if (graph.edgeTarget(e) != v && rule.retains(graph, v, e)) {
                        referred.set(graph.edgeTarget(e));
                    }
                }
            }
            for (int o = 0; o < n; o++) {
                if (!reachable.get(o) && !referred.get(o)) {
                    starts.add(o);
                    reachable = reach(graph, rule, -1, starts);
                }
            }
            for (int o = 0; o < n; o++) {
                if (!reachable.get(o)) {
                    isolated.set(o);
                    starts.add(o);
                }
            }
            reachable = reach(graph, rule, -1, starts);
        }
        BitSet[] dominatedBy = new BitSet[n];
        for (int d = 0; d < n; d++) {
            if (reachable.get(d)) {
                BitSet dominated = (BitSet) reachable.clone();
                dominated.andNot(reach(graph, rule, d, starts));
                dominatedBy[d] = dominated;
            }
        }
        immediateDominator = new int[n];
        retainedSize = new long[n];
        for (int v = 0; v < n; v++) {
            if (!reachable.get(v)) {
                immediateDominator[v] = DominatorTree.UNREACHABLE;
                continue;
            }
            for (int u = dominatedBy[v].nextSetBit(0); u >= 0; u = dominatedBy[v].nextSetBit(u + 1)) {
                retainedSize[v] += graph.shallowSizeOf(u);
            }
            // The immediate dominator is the strict dominator that dominates the fewest objects.
            int best = n;
            int bestSize = Integer.MAX_VALUE;
            for (int d = 0; d < n; d++) {
                if (d != v && dominatedBy[d] != null && dominatedBy[d].get(v)
                        && dominatedBy[d].cardinality() < bestSize) {
                    best = d;
                    bestSize = dominatedBy[d].cardinality();
                }
            }
            immediateDominator[v] = best;
        }
    }

    private BitSet reach(HeapGraph graph, RetentionRule rule, int removed, List<Integer> starts) {
        BitSet seen = new BitSet();
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int start : starts) {
            if (start != removed && !seen.get(start)) {
                seen.set(start);
                queue.add(start);
            }
        }
        while (!queue.isEmpty()) {
            int v = queue.poll();
            if (isolated.get(v)) {
                continue;
            }
            for (int e = graph.firstEdge(v); e < graph.endEdge(v); e++) {
                int w = graph.edgeTarget(e);
                if (w != removed && !seen.get(w) && rule.retains(graph, v, e)) {
                    seen.set(w);
                    queue.add(w);
                }
            }
        }
        return seen;
    }
}
