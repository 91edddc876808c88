package dev.heapdelta.analyzer.leaks;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.dominators.DominatorTree;
import dev.heapdelta.analyzer.dominators.TreeWalkStack;
import dev.heapdelta.analyzer.graph.EdgeKind;
import dev.heapdelta.analyzer.graph.HeapFormat;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.graph.ObjectKind;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The detached DOM a holder keeps alive in a browser heap snapshot: DOM nodes taken out of the
 * document that its dominator subtree holds (the holder too, when it is one), and the trees they form. A node is detached as
 * DevTools and memlab's {@code isDetachedDOMNode} say: an embedder (native) node that DevTools'
 * DOM-state pass renamed {@code Detached …} (the reader runs that pass on the snapshot's
 * {@code detachedness} field). Only the DOM's own nodes count: elements ({@code Detached <div>}) and
 * the other node types (text, comments, fragments, shadow roots), not Blink's internals hanging
 * off them ({@code Detached blink::UniqueElementData}, {@code Detached InternalNode}). A tree is one
 * connected group of them: Blink links a node to its parent, children and siblings, and never to
 * another detached tree.
 *
 * @param trees the detached trees, each counted once however many of its nodes the holder references
 * @param nodes the detached DOM nodes in them
 * @param retainedBytes what the trees retain: the nodes no other detached node dominates, summed
 */
record DetachedDom(long trees, long nodes, long retainedBytes) {
    static final DetachedDom NONE = new DetachedDom(0, 0, 0);
    private static final String PREFIX = "Detached ";
    private static final Set<String> NODE_TYPES = Set.of("Text", "Comment", "CDATASection",
            "ProcessingInstruction", "DocumentFragment", "ShadowRoot", "DocumentType");

    /** The detached DOM under {@code holders} in their dominator subtrees; none for a Java heap. */
    static DetachedDom under(Snapshot snapshot, int[] holders) {
        HeapGraph graph = snapshot.graph();
        if (graph.format() != HeapFormat.V8) {
            return NONE;
        }
        DominatorTree tree = snapshot.dominatorTree();
        // Each detached DOM node found, numbered for the union-find of its tree.
        Map<Integer, Integer> indexByNode = new HashMap<>();
        long retained = 0;
        TreeWalkStack stack = new TreeWalkStack(tree);
        for (int holder : holders) {
            // A holder that is a detached node itself (a tree's root, held by an object's property) is in its tree.
            if (isDetachedDomNode(graph, holder) && indexByNode.putIfAbsent(holder, indexByNode.size()) == null
                    && !isDetachedDomNode(graph, tree.immediateDominatorOf(holder))) {
                retained += tree.retainedSizeOf(holder);
            }
            stack.push(holder);
            while (!stack.isEmpty()) {
                int child = stack.nextChildOfTop();
                if (child < 0) {
                    stack.pop();
                    continue;
                }
                if (isDetachedDomNode(graph, child)) {
                    if (!isDetachedDomNode(graph, tree.immediateDominatorOf(child))) {
                        retained += tree.retainedSizeOf(child);
                    }
                    indexByNode.putIfAbsent(child, indexByNode.size());
                }
                stack.push(child);
            }
        }
        if (indexByNode.isEmpty()) {
            return NONE;
        }
        int[] parent = new int[indexByNode.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        long trees = parent.length;
        for (Map.Entry<Integer, Integer> entry : indexByNode.entrySet()) {
            int node = entry.getKey();
            for (int e = graph.firstEdge(node); e < graph.endEdge(node); e++) {
                Integer other = graph.edgeKind(e) == EdgeKind.V8_WEAK ? null : indexByNode.get(graph.edgeTarget(e));
                if (other != null && union(parent, entry.getValue(), other)) {
                    trees--;
                }
            }
        }
        return new DetachedDom(trees, parent.length, retained);
    }

    /** A DOM node outside the document: {@code Detached <tag …>} or a detached non-element node. */
    static boolean isDetachedDomNode(HeapGraph graph, int object) {
        if (object < 0 || graph.kindOf(object) != ObjectKind.V8_NATIVE) {
            return false;
        }
        String name = graph.classNameOf(object);
        if (!name.startsWith(PREFIX)) {
            return false;
        }
        String node = name.substring(PREFIX.length());
        return node.startsWith("<") || NODE_TYPES.contains(node);
    }

    /** Joins the groups of {@code a} and {@code b}; false when they were one already. */
    private static boolean union(int[] parent, int a, int b) {
        int rootA = find(parent, a);
        int rootB = find(parent, b);
        if (rootA == rootB) {
            return false;
        }
        parent[rootA] = rootB;
        return true;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
