package dev.heapdelta.analyzer.query;

import dev.heapdelta.analyzer.dominators.DominatorTree;
import dev.heapdelta.analyzer.dominators.RetentionRule;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.source.CancelSignal;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * The precise retained set of a set of objects (MAT's {@code AS RETAINED SET} and "calculate precise
 * retained size"): the objects that would become unreachable if the whole set went, which can be more
 * than the sum of the members' own retained sizes when members share what they hold.
 *
 * <p>Computed with the dominator tree plus one marking pass, never by summing. Everything the set
 * retains lies below the members' lowest common dominator L (every path to such an object passes L), and
 * references into L's subtree from outside it only reach L itself. So a marking from L that never enters
 * a member leaves unmarked exactly the retained objects of L's subtree. When L is the top of the tree,
 * the marking starts at the graph's entries and a first marking without exclusions tells the reachable.
 * Performance: O(size of L's subtree + its references); three bit sets of one bit per object.
 */
public final class RetainedSet {
    private final DominatorTree tree;
    private final HeapGraph graph;
    private final RetentionRule rule;
    private final CancelSignal cancel;

    /** The retained objects in index order, and the sum of their shallow sizes. */
    public record Result(int[] objects, long retainedBytes) {
        public int count() {
            return objects.length;
        }
    }

    private RetainedSet(DominatorTree tree, CancelSignal cancel) {
        this.tree = tree;
        this.graph = tree.graph();
        this.rule = tree.rule();
        this.cancel = cancel;
    }

    /** The retained set of {@code members}; members outside the analysis (unreachable) are ignored. */
    public static Result of(DominatorTree tree, int[] members, CancelSignal cancel) {
        return new RetainedSet(tree, cancel).compute(members);
    }

    private Result compute(int[] members) {
        int n = graph.objectCount();
        BitSet memberSet = new BitSet(n);
        for (int member : members) {
            if (member >= 0 && member < n && tree.isReachable(member)) {
                memberSet.set(member);
            }
        }
        if (memberSet.isEmpty()) {
            return new Result(new int[0], 0);
        }
        int top = lowestCommonDominator(memberSet);
        BitSet retained;
        if (memberSet.get(top)) {
            retained = subtree(top);
        } else if (top == tree.virtualRoot() || top == graph.syntheticRoot()) {
            BitSet reachable = markFromTop(top, new BitSet(n));
            BitSet alive = markFromTop(top, memberSet);
            reachable.andNot(alive);
            retained = reachable;
        } else {
            BitSet region = subtree(top);
            BitSet alive = mark(new int[] {top}, memberSet, region);
            region.andNot(alive);
            retained = region;
        }
        int[] objects = retained.stream().filter(o -> o < n).toArray();
        long bytes = 0;
        for (int object : objects) {
            bytes += graph.shallowSizeOf(object);
        }
        return new Result(objects, bytes);
    }

    /**
     * Walks up from the first member to the root (the chain), then from each other member until it meets
     * the chain or a path walked before: each object is walked at most once. The highest meeting point is
     * the lowest common dominator.
     */
    private int lowestCommonDominator(BitSet members) {
        int first = members.nextSetBit(0);
        Map<Integer, Integer> chainIndex = new HashMap<>();
        int[] chain = new int[16];
        int length = 0;
        for (int x = first; x >= 0; x = x == tree.virtualRoot() ? -1 : tree.immediateDominatorOf(x)) {
            if (length == chain.length) {
                chain = Arrays.copyOf(chain, length * 2);
            }
            chainIndex.put(x, length);
            chain[length++] = x;
        }
        BitSet walked = new BitSet(graph.objectCount() + 1);
        int highest = 0;
        int steps = 0;
        for (int member = members.nextSetBit(first + 1); member >= 0; member = members.nextSetBit(member + 1)) {
            for (int x = member; x >= 0; x = tree.immediateDominatorOf(x)) {
                Integer at = chainIndex.get(x);
                if (at != null) {
                    highest = Math.max(highest, at);
                    break;
                }
                if (walked.get(x)) {
                    break;
                }
                walked.set(x);
                if ((++steps & 0xffff) == 0) {
                    cancel.throwIfCancelled();
                }
            }
        }
        return chain[highest];
    }

    /** The objects {@code top} dominates, itself included. */
    private BitSet subtree(int top) {
        BitSet result = new BitSet(graph.objectCount() + 1);
        int[] stack = new int[64];
        int depth = 0;
        long visits = 0;
        stack[depth++] = top;
        result.set(top);
        while (depth > 0) {
            int object = stack[--depth];
            int from = tree.firstChildIndex(object);
            int to = from + tree.childCount(object);
            for (int i = from; i < to; i++) {
                int child = tree.childAt(i);
                result.set(child);
                if (tree.childCount(child) > 0) {
                    if (depth == stack.length) {
                        stack = Arrays.copyOf(stack, depth * 2);
                    }
                    stack[depth++] = child;
                }
            }
            if ((++visits & 0xffff) == 0) {
                cancel.throwIfCancelled();
            }
        }
        return result;
    }

    private BitSet markFromTop(int top, BitSet excluded) {
        int[] starts = top == graph.syntheticRoot() ? new int[] {top} : graph.entryObjects();
        return mark(starts, excluded, null);
    }

    /**
     * Objects reachable from {@code starts} over retaining references without entering {@code excluded},
     * and, when {@code region} is given, without leaving it.
     */
    private BitSet mark(int[] starts, BitSet excluded, BitSet region) {
        BitSet marked = new BitSet(graph.objectCount() + 1);
        int[] stack = new int[Math.max(64, starts.length)];
        int depth = 0;
        for (int start : starts) {
            if (!excluded.get(start) && !marked.get(start)) {
                marked.set(start);
                stack[depth++] = start;
            }
        }
        long visits = 0;
        while (depth > 0) {
            int object = stack[--depth];
            for (int e = graph.firstEdge(object); e < graph.endEdge(object); e++) {
                int target = graph.edgeTarget(e);
                if (target < 0 || marked.get(target) || excluded.get(target) || region != null && !region.get(target)
                        || !rule.retains(graph, object, e)) {
                    continue;
                }
                marked.set(target);
                if (depth == stack.length) {
                    stack = Arrays.copyOf(stack, depth * 2);
                }
                stack[depth++] = target;
            }
            if ((++visits & 0xffff) == 0) {
                cancel.throwIfCancelled();
            }
        }
        return marked;
    }
}
