package dev.heapdelta.analyzer.leaks;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.dominators.TreeWalkStack;
import dev.heapdelta.analyzer.graph.HeapFormat;

/**
 * What an accumulation point or large retainer counts (DESIGN.md §4): a container's entries when it
 * is one, else the objects in its dominator subtree, iteratively. Performance: O(subtree).
 */
final class DominatedObjects {
    private DominatedObjects() {
    }

    /** The entries of the container {@code object} is, or the objects it dominates. */
    static long entriesOrCount(Snapshot snapshot, int object) {
        // Java only: V8's containers are the other detectors' rows, and their retainers keep DevTools' counts.
        Container container = snapshot.format() != HeapFormat.HPROF || snapshot.graph().classOf(object) < 0 ? null
                : ContainerCensus.inspectorFor(snapshot).inspect(snapshot, object);
        return container != null ? container.elements() : count(snapshot, object);
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
