package dev.heapdelta.analyzer.leaks;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.dominators.TreeWalkStack;

/** Counts the objects in a dominator subtree, iteratively. Performance: O(subtree). */
final class DominatedObjects {
    private DominatedObjects() {
    }

    static long count(Snapshot snapshot, int object) {
        // Depth-first with a child cursor per level: the stack is as deep as the subtree, never as wide.
        TreeWalkStack stack = new TreeWalkStack(snapshot.dominatorTree());
        stack.push(object);
        long count = 1;
        while (!stack.isEmpty()) {
            int child = stack.nextChildOfTop();
            if (child < 0) {
                stack.pop();
            } else {
                count++;
                stack.push(child);
            }
        }
        return count;
    }
}
