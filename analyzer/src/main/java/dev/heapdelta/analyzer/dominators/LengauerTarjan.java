package dev.heapdelta.analyzer.dominators;

import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.source.AnalysisPhase;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.ProgressListener;
import dev.heapdelta.analyzer.store.ColumnStore;
import dev.heapdelta.analyzer.store.IntColumn;
import java.util.BitSet;

/**
 * Immediate dominators by the algorithm of T. Lengauer and R. E. Tarjan, "A fast algorithm for
 * finding dominators in a flowgraph", ACM TOPLAS 1(1), 1979: semidominators with the simple EVAL and
 * LINK (path compression without balancing), then the SEMI-NCA step of Georgiadis, Tarjan and
 * Werneck in place of the paper's buckets (see {@link #semidominatorsAndDominators}). Every loop is
 * iterative: a ten-million-long linked list is a normal leaking heap. All arrays are indexed by DFS
 * preorder number, as in the paper; the textbook letters (v, w, u, semi, vertex) are kept so that the
 * code can be checked against it.
 *
 * <p>Vertex {@code n} (one past the last object) is a virtual root whose children are the graph's
 * entry objects. Every n- or e-sized array is a column of the given {@link ColumnStore}, so that the
 * same code runs on the heap or out of core; hot loops keep their columns in locals.
 */
final class LengauerTarjan {
    private static final int NONE = -1;

    private final HeapGraph graph;
    private final RetentionRule rule;
    private final int attachUnreachableTo;
    private final CancelSignal cancel;
    private final ProgressListener progress;
    private final ColumnStore store;
    private final int n;

    /** vertex[i]: the object (or {@code n}, the virtual root) with preorder number i. */
    private IntColumn vertex;
    private IntColumn parent;
    /** The DFS stack; after the DFS, reused as scratch by the later steps. */
    private IntColumn stackObject;
    private IntColumn stackNextEdge;
    private int count;
    private int reachedBeforeAttaching;
    /** Preorder numbers that were started as orphans: their extra predecessor is the attach point. */
    private final BitSet orphanStarts = new BitSet();
    /** Preorder numbers of unreached objects hung individually from the attach point (cycle members). */
    private final BitSet isolatedStarts = new BitSet();

    LengauerTarjan(HeapGraph graph, RetentionRule rule, int attachUnreachableTo, CancelSignal cancel,
            ProgressListener progress, ColumnStore store) {
        this.graph = graph;
        this.rule = rule;
        this.attachUnreachableTo = attachUnreachableTo;
        this.cancel = cancel;
        this.progress = progress;
        this.store = store;
        this.n = graph.objectCount();
    }

    /**
     * The result: immediate dominators by preorder number, plus the preorder itself. Both columns may be
     * longer than {@code reachedCount}; entries past it mean nothing.
     */
    record Result(IntColumn vertexByPreorder, IntColumn immediateDominatorByPreorder, int reachedCount,
            int reachedBeforeAttaching) {
    }

    /**
     * Runs all four steps. Memory is the point here: a 38 M-object heap makes every n-sized int array
     * 150 MB, so the arrays of one step are reused by the next once dead (the DFS stack becomes the
     * predecessor cursor and then {@code semi} and {@code label}, the object-to-preorder map becomes
     * the compress stack), and the runner lets go of each as soon as it is dead.
     */
    Result run() {
        IntColumn preorderByObject = depthFirstSearch();
        IntColumn firstPredecessor = store.ints("dominators-first-predecessor", count + 1);
        IntColumn predecessors = predecessorsByPreorder(preorderByObject, firstPredecessor, stackObject);
        int attachPreorder = attachUnreachableTo == NONE ? NONE
                : attachUnreachableTo == n ? 0 : preorderByObject.get(attachUnreachableTo);
        IntColumn semi = stackObject;
        IntColumn label = stackNextEdge;
        stackObject = null;
        stackNextEdge = null;
        IntColumn idom = semidominatorsAndDominators(predecessors, firstPredecessor, attachPreorder,
                preorderByObject, semi, label);
        parent = null;
        IntColumn result = vertex;
        vertex = null;
        return new Result(result, idom, count, reachedBeforeAttaching);
    }

    /** Step 1: number the vertices in DFS preorder, over retaining edges only. */
    private IntColumn depthFirstSearch() {
        IntColumn preorderByObject = store.ints("dominators-preorder-by-object", n + 1);
        preorderByObject.fill(NONE);
        vertex = store.ints("dominators-vertex", n + 1);
        parent = store.ints("dominators-parent", n + 1);
        stackObject = store.ints("dominators-stack-object", n + 1);
        stackNextEdge = store.ints("dominators-stack-next-edge", n + 1);
        count = 0;

        preorderByObject.set(n, 0);
        vertex.set(0, n);
        parent.set(0, NONE);
        count = 1;
        int entries = graph.entryCount();
        for (int i = 0; i < entries; i++) {
            int entry = graph.entryObject(i);
            if (preorderByObject.get(entry) == NONE) {
                visitFrom(entry, 0, preorderByObject);
            }
        }
        reachedBeforeAttaching = count;
        if (attachUnreachableTo != NONE) {
            int attachPreorder = attachUnreachableTo == n ? 0 : preorderByObject.get(attachUnreachableTo);
            if (attachPreorder != NONE && count <= n) {
                attachUnreached(attachPreorder, preorderByObject);
            }
        }
        return preorderByObject;
    }

    /**
     * Hangs what the entries did not reach from the attach point, as the Chrome DevTools heap snapshot
     * worker does: first every unreached object with no retaining referrer (an orphan, retained only
     * by weak edges or by nothing) in index order, with a DFS from each; then each object still
     * unreached (members of unreachable cycles), individually, with no DFS. The latter are dominated
     * by the attach point directly.
     */
    private void attachUnreached(int attachPreorder, IntColumn preorderByObject) {
        BitSet hasRetainingReferrer = new BitSet(n);
        for (int source = 0; source < n; source++) {
            for (int e = graph.firstEdge(source); e < graph.endEdge(source); e++) {
                int target = graph.edgeTarget(e);
                if (target != source && preorderByObject.get(target) == NONE && rule.retains(graph, source, e)) {
                    hasRetainingReferrer.set(target);
                }
            }
        }
        for (int object = 0; object < n; object++) {
            if (preorderByObject.get(object) == NONE && !hasRetainingReferrer.get(object)) {
                orphanStarts.set(count);
                visitFrom(object, attachPreorder, preorderByObject);
            }
        }
        for (int object = 0; object < n; object++) {
            if (preorderByObject.get(object) == NONE) {
                isolatedStarts.set(count);
                number(object, attachPreorder, preorderByObject, vertex, parent);
            }
        }
        cancel.throwIfCancelled();
    }

    private void visitFrom(int start, int parentPreorder, IntColumn preorderByObject) {
        IntColumn stackObject = this.stackObject;
        IntColumn stackNextEdge = this.stackNextEdge;
        IntColumn vertex = this.vertex;
        IntColumn parent = this.parent;
        int top = 0;
        number(start, parentPreorder, preorderByObject, vertex, parent);
        stackObject.set(0, start);
        stackNextEdge.set(0, graph.firstEdge(start));
        while (top >= 0) {
            int v = stackObject.get(top);
            int edge = stackNextEdge.get(top);
            int end = graph.endEdge(v);
            while (edge < end) {
                int w = graph.edgeTarget(edge);
                if (preorderByObject.get(w) == NONE && rule.retains(graph, v, edge)) {
                    break;
                }
                edge++;
            }
            if (edge == end) {
                top--;
                continue;
            }
            stackNextEdge.set(top, edge + 1);
            int w = graph.edgeTarget(edge);
            number(w, preorderByObject.get(v), preorderByObject, vertex, parent);
            top++;
            stackObject.set(top, w);
            stackNextEdge.set(top, graph.firstEdge(w));
            if ((count & 0xFFFFF) == 0) {
                cancel.throwIfCancelled();
                progress.progress(AnalysisPhase.DOMINATORS, count, n);
            }
        }
    }

    private void number(int object, int parentPreorder, IntColumn preorderByObject, IntColumn vertex,
            IntColumn parent) {
        int v = count;
        preorderByObject.set(object, v);
        vertex.set(v, object);
        parent.set(v, parentPreorder);
        count = v + 1;
    }

    /** Predecessors over retaining edges, in preorder numbers, in CSR form; unreached sources are left out. */
    private IntColumn predecessorsByPreorder(IntColumn preorderByObject, IntColumn first, IntColumn cursor) {
        for (int source = 0; source < n; source++) {
            if (preorderByObject.get(source) == NONE) {
                continue;
            }
            for (int e = graph.firstEdge(source); e < graph.endEdge(source); e++) {
                int target = preorderByObject.get(graph.edgeTarget(e));
                if (target != NONE && rule.retains(graph, source, e)) {
                    first.set(target + 1, first.get(target + 1) + 1);
                }
            }
        }
        for (int i = 0; i < graph.entryCount(); i++) {
            int target = preorderByObject.get(graph.entryObject(i));
            first.set(target + 1, first.get(target + 1) + 1);
        }
        int sum = 0;
        for (int i = 0; i < count; i++) {
            sum += first.get(i);
            first.set(i, sum);
            cursor.set(i, sum);
        }
        first.set(count, sum + first.get(count));
        cancel.throwIfCancelled();
        IntColumn predecessors = store.ints("dominators-predecessors", first.get(count));
        for (int source = 0; source < n; source++) {
            int sourcePreorder = preorderByObject.get(source);
            if (sourcePreorder == NONE) {
                continue;
            }
            for (int e = graph.firstEdge(source); e < graph.endEdge(source); e++) {
                int target = preorderByObject.get(graph.edgeTarget(e));
                if (target != NONE && rule.retains(graph, source, e)) {
                    int at = cursor.get(target);
                    cursor.set(target, at + 1);
                    predecessors.set(at, sourcePreorder);
                }
            }
        }
        for (int i = 0; i < graph.entryCount(); i++) {
            int target = preorderByObject.get(graph.entryObject(i));
            predecessors.set(cursor.getAndAdd(target, 1), 0);
        }
        return predecessors;
    }

    /**
     * Step 2 of the paper (semidominators by EVAL and LINK over the predecessors, in reverse
     * preorder), then immediate dominators as the nearest common ancestor of a vertex's DFS parent and
     * its semidominator, in preorder: the SEMI-NCA variant of Georgiadis, Tarjan and Werneck ("Finding
     * dominators in practice", 2006). It replaces steps 3–4 and their buckets, which saves two
     * n-sized arrays, and walks only short distances on heap graphs because each walk stops at
     * already final dominators.
     */
    private IntColumn semidominatorsAndDominators(IntColumn predecessors, IntColumn firstPredecessor,
            int attachPreorder, IntColumn compressStack, IntColumn semi, IntColumn label) {
        IntColumn ancestor = store.ints("dominators-ancestor", count);
        for (int v = 0; v < count; v++) {
            semi.set(v, v);
            label.set(v, v);
            ancestor.set(v, NONE);
        }
        IntColumn parent = this.parent;
        for (int w = count - 1; w >= 1; w--) {
            if (isolatedStarts.get(w)) {
                continue;
            }
            int semiW = semi.get(w);
            int endPredecessor = firstPredecessor.get(w + 1);
            for (int p = firstPredecessor.get(w); p < endPredecessor; p++) {
                int u = eval(predecessors.get(p), ancestor, label, semi, compressStack);
                int semiU = semi.get(u);
                if (semiU < semiW) {
                    semiW = semiU;
                }
            }
            if (orphanStarts.get(w)) {
                int u = eval(attachPreorder, ancestor, label, semi, compressStack);
                int semiU = semi.get(u);
                if (semiU < semiW) {
                    semiW = semiU;
                }
            }
            semi.set(w, semiW);
            ancestor.set(w, parent.get(w));
            if ((w & 0xFFFFF) == 0) {
                cancel.throwIfCancelled();
            }
        }
        IntColumn idom = ancestor;
        idom.set(0, NONE);
        for (int w = 1; w < count; w++) {
            if (isolatedStarts.get(w)) {
                // As in DevTools: no DFS parent but the attach point, so nothing else can dominate it.
                idom.set(w, attachPreorder);
                continue;
            }
            int x = parent.get(w);
            int semiW = semi.get(w);
            while (x > semiW) {
                x = idom.get(x);
            }
            idom.set(w, x);
        }
        return idom;
    }

    /** EVAL with COMPRESS made iterative: walk up to the forest root, then compress top-down. */
    private static int eval(int v, IntColumn ancestor, IntColumn label, IntColumn semi, IntColumn stack) {
        int a = ancestor.get(v);
        if (a == NONE) {
            return v;
        }
        int top = 0;
        int x = v;
        while (ancestor.get(a) != NONE) {
            stack.set(top++, x);
            x = a;
            a = ancestor.get(x);
        }
        while (top > 0) {
            x = stack.get(--top);
            a = ancestor.get(x);
            int labelA = label.get(a);
            if (semi.get(labelA) < semi.get(label.get(x))) {
                label.set(x, labelA);
            }
            ancestor.set(x, ancestor.get(a));
        }
        return label.get(v);
    }
}
