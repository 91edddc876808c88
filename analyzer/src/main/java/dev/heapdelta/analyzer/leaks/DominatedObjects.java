package dev.heapdelta.analyzer.leaks;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.dominators.DominatorTree;

/** Counts the objects in a dominator subtree, iteratively. Performance: O(subtree). */
final class DominatedObjects {
    private DominatedObjects() {
    }

    static long count(Snapshot snapshot, int object) {
        DominatorTree tree = snapshot.dominatorTree();
        int[] stack = new int[64];
        int top = 0;
        stack[top++] = object;
        long count = 0;
        while (top > 0) {
            int current = stack[--top];
            count++;
            for (int i = tree.firstChildIndex(current); i < tree.firstChildIndex(current + 1); i++) {
                if (top == stack.length) {
                    stack = java.util.Arrays.copyOf(stack, stack.length * 2);
                }
                stack[top++] = tree.childAt(i);
            }
        }
        return count;
    }
}
