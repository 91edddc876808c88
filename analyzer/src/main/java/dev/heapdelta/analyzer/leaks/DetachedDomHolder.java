package dev.heapdelta.analyzer.leaks;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.dominators.DominatorTree;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.graph.ObjectKind;

/**
 * Who keeps a detached DOM tree, as the page's script names it, when that is no JS collection: the
 * object whose property holds the tree's root ({@code global › panel › archive}, not the first child
 * that dominates its siblings), or the event target whose Blink listener list holds the closures
 * that capture the nodes ({@code global › bus}, not the list's {@code blink::HeapVectorBacking}).
 * From a large retainer that keeps detached DOM, up the dominator tree over detached nodes and
 * Blink's own objects.
 */
final class DetachedDomHolder {
    private static final String[] EMBEDDER_INTERNALS = {"blink::", "cppgc::", "v8::"};

    private DetachedDomHolder() {
    }

    /** The holder of the detached DOM {@code object} keeps; {@code object} itself when it keeps none. */
    static int of(Snapshot snapshot, int object) {
        if (DetachedDom.under(snapshot, new int[] {object}).trees() == 0) {
            return object;
        }
        HeapGraph graph = snapshot.graph();
        DominatorTree tree = snapshot.dominatorTree();
        int current = object;
        while (true) {
            int dominator = tree.immediateDominatorOf(current);
            if (dominator < 0 || graph.kindOf(dominator) == ObjectKind.V8_SYNTHETIC) {
                return current;
            }
            if (!DetachedDom.isDetachedDomNode(graph, dominator) && !isEmbedderInternal(graph, current)) {
                return current;
            }
            current = dominator;
        }
    }

    private static boolean isEmbedderInternal(HeapGraph graph, int object) {
        if (graph.kindOf(object) != ObjectKind.V8_NATIVE) {
            return false;
        }
        String name = graph.classNameOf(object);
        for (String prefix : EMBEDDER_INTERNALS) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
