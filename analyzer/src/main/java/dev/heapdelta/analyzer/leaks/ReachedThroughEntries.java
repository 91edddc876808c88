package dev.heapdelta.analyzer.leaks;

import dev.heapdelta.analyzer.dominators.DominatorTree;
import dev.heapdelta.analyzer.graph.HeapGraph;
import java.util.Arrays;
import java.util.BitSet;

/**
 * How much of a holder's retained size its collection reaches: the objects the holder dominates that
 * a walk from the collection along strong references gets to. A cache such as lru-cache 6 keeps its
 * entries in a {@code Map} and, beside it, in a linked list of the same entries: the holder, not the
 * {@code Map}, dominates the entries, so the {@code Map}'s own retained growth is a fraction of the
 * holder's although the holder grew by nothing but those entries. Performance: O(reached objects and
 * their edges), at most {@link #MAX_OBJECTS} objects.
 */
final class ReachedThroughEntries {
    static final int MAX_OBJECTS = 2_000_000;

    private ReachedThroughEntries() {
    }

    /** The shallow bytes of the objects {@code holder} dominates that {@code collection} reaches, itself included. */
    static long bytes(DominatorTree tree, int holder, int collection) {
        HeapGraph graph = tree.graph();
        BitSet seen = new BitSet(graph.objectCount());
        int[] queue = new int[64];
        int head = 0;
        int tail = 0;
        seen.set(collection);
        queue[tail++] = collection;
        long bytes = 0;
        while (head < tail && tail <= MAX_OBJECTS) {
            int object = queue[head++];
            bytes += graph.shallowSizeOf(object);
            for (int e = graph.firstEdge(object); e < graph.endEdge(object); e++) {
                int target = graph.edgeTarget(e);
                if (target == holder || graph.isNeverRetaining(e) || seen.get(target)) {
                    continue;
                }
                int dominator = tree.immediateDominatorOf(target);
                if (dominator == holder || (dominator >= 0 && seen.get(dominator))
                        || LargeRetainerDetector.dominates(tree, holder, target)) {
                    seen.set(target);
                    if (tail == queue.length) {
                        queue = Arrays.copyOf(queue, tail * 2);
                    }
                    queue[tail++] = target;
                }
            }
        }
        return bytes;
    }
}
