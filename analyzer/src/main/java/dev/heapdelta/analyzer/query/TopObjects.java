package dev.heapdelta.analyzer.query;

import dev.heapdelta.analyzer.dominators.LargestKeys;
import java.util.function.IntPredicate;
import java.util.function.IntToLongFunction;

/** Selects the k objects with the largest key without sorting all n: O(n log k). */
public final class TopObjects {
    private TopObjects() {
    }

    /**
     * The objects of {@code 0..universe-1} accepted by {@code filter}, by descending key, at most {@code k};
     * ties by index.
     */
    public static int[] largest(int k, int universe, IntToLongFunction key, IntPredicate filter) {
        return LargestKeys.largest(k, universe, key, filter);
    }
}
