package dev.heapdelta.app.gui.paths;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.query.ShortestPaths;
import dev.heapdelta.app.gui.session.GcRoots;
import dev.heapdelta.app.gui.session.ObjectSummary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The shortest paths of a set of instances merged by the objects they pass through, as MAT merges
 * them: one row per object on some path, counting how many instances are reached through it. Built
 * by walking each instance's parent chain up to the first object already seen, so every object is
 * walked once however many instances share it, and a million-long linked list costs O(n), not O(n²).
 */
final class MergedPathTree {
    /** Rows deeper than this are summed into one "deeper" row: a tree view cannot show a 10⁶-deep chain. */
    static final int DEPTH_LIMIT = 300;

    private final HeapGraph graph;
    private final ShortestPaths paths;
    private final Map<Integer, Node> nodeByObject = new HashMap<>();
    private final List<Node> roots = new ArrayList<>();

    private static final class Node {
        final int object;
        final int edgeFromParent;
        Node parent;
        final List<Node> children = new ArrayList<>(2);
        boolean instance;
        long instanceShallowBytes;
        long instancesBelow;
        long shallowBelow;
        int depth = -1;

        Node(int object, int edgeFromParent) {
            this.object = object;
            this.edgeFromParent = edgeFromParent;
        }
    }

    MergedPathTree(HeapGraph graph, ShortestPaths paths) {
        this.graph = graph;
        this.paths = paths;
    }

    /** Adds one instance; it must have a path ({@link ShortestPaths#hasPath}). */
    void add(int instance) {
        Node tail = nodeOf(instance);
        tail.instance = true;
        tail.instanceShallowBytes = graph.shallowSizeOf(instance);
        Node current = tail;
        while (current.parent == null && !isRoot(current)) {
            int parentObject = graph.edgeSource(current.edgeFromParent);
            Node parent = nodeByObject.get(parentObject);
            boolean known = parent != null;
            if (!known) {
                parent = nodeOf(parentObject);
            }
            current.parent = parent;
            parent.children.add(current);
            if (known) {
                break;
            }
            current = parent;
        }
    }

    private Node nodeOf(int object) {
        return nodeByObject.computeIfAbsent(object, o -> {
            Node node = new Node(o, paths.parentEdgeOf(o));
            if (node.edgeFromParent < 0) {
                roots.add(node);
            }
            return node;
        });
    }

    private static boolean isRoot(Node node) {
        return node.edgeFromParent < 0;
    }

    /** The rows from the GC roots down, each level by descending instance count, at most {@code limit} per level. */
    List<PathNode> toRows(Snapshot snapshot, int snapshotIndex, int limit) {
        sumBelow();
        return rowsOf(roots, snapshot, snapshotIndex, limit, 0);
    }

    /** Sums instances and their shallow sizes per node, children before parents, without recursion. */
    private void sumBelow() {
        List<Node> order = new ArrayList<>(nodeByObject.size());
        List<Node> stack = new ArrayList<>(roots);
        for (Node root : roots) {
            root.depth = 0;
        }
        while (!stack.isEmpty()) {
            Node node = stack.remove(stack.size() - 1);
            order.add(node);
            for (Node child : node.children) {
                child.depth = node.depth + 1;
                stack.add(child);
            }
        }
        for (int i = order.size() - 1; i >= 0; i--) {
            Node node = order.get(i);
            if (node.instance) {
                node.instancesBelow++;
                node.shallowBelow += node.instanceShallowBytes;
            }
            if (node.parent != null) {
                node.parent.instancesBelow += node.instancesBelow;
                node.parent.shallowBelow += node.shallowBelow;
            }
        }
    }

    private List<PathNode> rowsOf(List<Node> level, Snapshot snapshot, int snapshotIndex, int limit, int depth) {
        List<Node> sorted = new ArrayList<>(level);
        // A leaf instance is the end of a path, not a step on one: it is counted in its parent's row.
        sorted.removeIf(node -> node.children.isEmpty() && node.depth > 0);
        sorted.sort((a, b) -> a.instancesBelow != b.instancesBelow
                ? Long.compare(b.instancesBelow, a.instancesBelow) : Integer.compare(a.object, b.object));
        List<PathNode> rows = new ArrayList<>();
        for (Node node : sorted.subList(0, Math.min(limit, sorted.size()))) {
            List<PathNode> children;
            if (depth + 1 >= DEPTH_LIMIT && !node.children.isEmpty()) {
                children = List.of(new PathNode(null, "", "", node.instancesBelow, node.shallowBelow, List.of(),
                        node.children.size()));
            } else {
                children = rowsOf(node.children, snapshot, snapshotIndex, limit, depth + 1);
            }
            rows.add(new PathNode(ObjectSummary.of(snapshot, snapshotIndex, node.object),
                    PathsViewModel.edgeName(graph, node.edgeFromParent),
                    depth == 0 ? GcRoots.kindsOf(graph, node.object) : "", node.instancesBelow, node.shallowBelow,
                    children, 0));
        }
        if (sorted.size() > limit) {
            long hiddenObjects = 0;
            long hiddenBytes = 0;
            for (Node hidden : sorted.subList(limit, sorted.size())) {
                hiddenObjects += hidden.instancesBelow;
                hiddenBytes += hidden.shallowBelow;
            }
            rows.add(new PathNode(null, "", "", hiddenObjects, hiddenBytes, List.of(), sorted.size() - limit));
        }
        return rows;
    }
}
