package dev.heapdelta.analyzer.leaks;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.dominators.RetentionRule;
import dev.heapdelta.analyzer.graph.HeapFormat;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.graph.ObjectKind;
import dev.heapdelta.analyzer.graph.RootKind;
import dev.heapdelta.analyzer.query.PathStep;
import dev.heapdelta.analyzer.query.ShortestPaths;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The second path of a suspect that a static field names: the shortest one from a thread, which a
 * worker parked on its queue or a frame that holds the container has. Path keys prefer the static
 * field (it is what the source declares); this path shows the thread too. Performance: a
 * breadth-first search from the threads, a few hops deep and bounded in objects, per suspect.
 */
final class ThreadFramePaths {
    private static final int MAX_DEPTH = 4;
    private static final int MAX_VISITED = 50_000;

    private ThreadFramePaths() {
    }

    /** The path from a thread to {@code target}, root-first, when its primary path starts at a class; else empty. */
    static List<PathStep> from(Snapshot snapshot, int target) {
        HeapGraph graph = snapshot.graph();
        List<PathStep> primary = snapshot.pathToRoot(target);
        if (graph.format() != HeapFormat.HPROF || primary.isEmpty()
                || graph.kindOf(primary.get(0).object()) != ObjectKind.CLASS) {
            return List.of();
        }
        RetentionRule rule = ShortestPaths.pathRuleFor(graph);
        Map<Integer, Integer> parentEdge = new HashMap<>();
        ArrayDeque<int[]> queue = new ArrayDeque<>();
        for (int r = 0; r < graph.rootRecordCount(); r++) {
            int thread = graph.rootObject(r);
            if (graph.rootKind(r) == RootKind.THREAD_OBJECT && parentEdge.putIfAbsent(thread, -1) == null) {
                queue.add(new int[] {thread, 0});
            }
        }
        while (!queue.isEmpty() && parentEdge.size() < MAX_VISITED) {
            int[] next = queue.poll();
            int object = next[0];
            if (object == target) {
                return pathTo(graph, parentEdge, target);
            }
            if (next[1] == MAX_DEPTH) {
                continue;
            }
            for (int e = graph.firstEdge(object); e < graph.endEdge(object); e++) {
                int child = graph.edgeTarget(e);
                if (!parentEdge.containsKey(child) && rule.retains(graph, object, e)) {
                    parentEdge.put(child, e);
                    queue.add(new int[] {child, next[1] + 1});
                }
            }
        }
        return List.of();
    }

    private static List<PathStep> pathTo(HeapGraph graph, Map<Integer, Integer> parentEdge, int target) {
        List<PathStep> reversed = new ArrayList<>();
        reversed.add(new PathStep(target, -1));
        for (int current = target; parentEdge.get(current) >= 0; ) {
            int edge = parentEdge.get(current);
            current = graph.edgeSource(edge);
            reversed.add(new PathStep(current, edge));
        }
        Collections.reverse(reversed);
        return reversed;
    }
}
