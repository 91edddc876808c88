package dev.heapdelta.analyzer.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.heapdelta.analyzer.dominators.DominatorTree;

/** Compares two dominator trees of one graph entry by entry, e.g. computed on the heap and in mapped files. */
public final class SameTrees {
    private SameTrees() {
    }

    /** Same dominators, sizes, preorder and child lists in the same order. */
    public static void assertSame(DominatorTree expected, DominatorTree actual, String what) {
        int n = expected.graph().objectCount();
        assertEquals(expected.reachableCount(), actual.reachableCount(), what + ": reachable");
        assertEquals(expected.unreachableCount(), actual.unreachableCount(), what + ": unreachable");
        for (int o = 0; o <= n; o++) {
            assertEquals(expected.immediateDominatorOf(o), actual.immediateDominatorOf(o), what + ": idom of " + o);
            assertEquals(expected.retainedSizeOf(o), actual.retainedSizeOf(o), what + ": retained of " + o);
            assertArrayEquals(expected.childrenOf(o), actual.childrenOf(o), what + ": children of " + o);
        }
        for (int i = 0; i < expected.reachableCount(); i++) {
            assertEquals(expected.objectInPreorder(i), actual.objectInPreorder(i), what + ": preorder " + i);
        }
    }

}
