package dev.heapdelta.analyzer.dominators;

import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.source.AnalysisPhase;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.ProgressListener;
import java.util.Arrays;

/**
 * Immediate dominators by the algorithm of T. Lengauer and R. E. Tarjan, "A fast algorithm for
 * finding dominators in a flowgraph", ACM TOPLAS 1(1), 1979: semidominators with the simple EVAL and
 * LINK (path compression without balancing), then the SEMI-NCA step of Georgiadis, Tarjan and
 * Werneck in place of the paper's buckets (see {@link #semidominatorsAndDominators}). Every loop is
 * iterative: a ten-million-long linked list is a normal leaking heap. All arrays are indexed by DFS preorder number, as in the paper; the textbook
 * letters (v, w, u, semi, vertex) are kept so that the code can be checked against it.
 *
 * <p>Vertex {@code n} (one past the last object) is a virtual root whose children are the graph's
 * entry objects.
 */
final class LengauerTarjan {
    private static final int NONE = -1;

    private final HeapGraph graph;
    private final RetentionRule rule;
    private final int attachUnreachableTo;
    private final CancelSignal cancel;
    private final ProgressListener progress;
    private final int n;

    /** vertex[i]: the object (or {@code n}, the virtual root) with preorder number i. */
    private int[] vertex;
    private int[] parent;
    /** The DFS stack; after the DFS, reused as scratch by the later steps. */
    private int[] stackObject;
    private int[] stackNextEdge;
    private int[] semi;
    private int count;
    private int reachedBeforeAttaching;
    /** Preorder numbers that were started as orphans: their extra predecessor is the attach point. */
    private final java.util.BitSet orphanStarts = new java.util.BitSet();
    /** Preorder numbers of unreached objects hung individually from the attach point (cycle members). */
    private final java.util.BitSet isolatedStarts = new java.util.BitSet();

    LengauerTarjan(HeapGraph graph, RetentionRule rule, int attachUnreachableTo, CancelSignal cancel,
            ProgressListener progress) {
        this.graph = graph;
        this.rule = rule;
        this.attachUnreachableTo = attachUnreachableTo;
        this.cancel = cancel;
        this.progress = progress;
        this.n = graph.objectCount();
    }

    /**
     * The result: immediate dominators by preorder number, plus the preorder itself. Both arrays may be
     * longer than {@code reachedCount}; entries past it mean nothing.
     */
    record Result(int[] vertexByPreorder, int[] immediateDominatorByPreorder, int reachedCount,
            int reachedBeforeAttaching) {
    }

    /**
     * Runs all four steps. Memory is the point here: a 38 M-object heap makes every n-sized int array
     * 150 MB, so the arrays of one step are reused by the next once dead (the DFS stack becomes the
     * predecessor cursor and then {@code semi}, the object-to-preorder map becomes the compress stack).
     */
    Result run() {
        int[] preorderByObject = depthFirstSearch();
        int[] firstPredecessor = new int[count + 1];
        int[] predecessors = predecessorsByPreorder(preorderByObject, firstPredecessor, stackObject);
        int attachPreorder = attachUnreachableTo == NONE ? NONE
                : attachUnreachableTo == n ? 0 : preorderByObject[attachUnreachableTo];
        int[] idom = semidominatorsAndDominators(predecessors, firstPredecessor, attachPreorder,
                preorderByObject);
        stackObject = null;
        stackNextEdge = null;
        return new Result(vertex, idom, count, reachedBeforeAttaching);
    }

    private boolean isUnvisited(int[] preorderByObject, int object) {
        return preorderByObject[object] == NONE;
    }

    /** Step 1: number the vertices in DFS preorder, over retaining edges only. */
    private int[] depthFirstSearch() {
        int[] preorderByObject = new int[n + 1];
        Arrays.fill(preorderByObject, NONE);
        vertex = new int[n + 1];
        parent = new int[n + 1];
        stackObject = new int[n + 1];
        stackNextEdge = new int[n + 1];
        count = 0;

        preorderByObject[n] = 0;
        vertex[0] = n;
        parent[0] = NONE;
        count = 1;
        int entries = graph.entryCount();
        for (int i = 0; i < entries; i++) {
            int entry = graph.entryObject(i);
            if (isUnvisited(preorderByObject, entry)) {
                visitFrom(entry, 0, preorderByObject, stackObject, stackNextEdge);
            }
        }
        reachedBeforeAttaching = count;
        if (attachUnreachableTo != NONE) {
            int attachPreorder = attachUnreachableTo == n ? 0 : preorderByObject[attachUnreachableTo];
            if (attachPreorder != NONE && count <= n) {
                attachUnreached(attachPreorder, preorderByObject, stackObject, stackNextEdge);
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
    private void attachUnreached(int attachPreorder, int[] preorderByObject, int[] stackObject, int[] stackNextEdge) {
        java.util.BitSet hasRetainingReferrer = new java.util.BitSet(n);
        for (int source = 0; source < n; source++) {
            for (int e = graph.firstEdge(source); e < graph.endEdge(source); e++) {
                int target = graph.edgeTarget(e);
                if (target != source && isUnvisited(preorderByObject, target) && rule.retains(graph, source, e)) {
                    hasRetainingReferrer.set(target);
                }
            }
        }
        for (int object = 0; object < n; object++) {
            if (isUnvisited(preorderByObject, object) && !hasRetainingReferrer.get(object)) {
                orphanStarts.set(count);
                visitFrom(object, attachPreorder, preorderByObject, stackObject, stackNextEdge);
            }
        }
        for (int object = 0; object < n; object++) {
            if (isUnvisited(preorderByObject, object)) {
                isolatedStarts.set(count);
                number(object, attachPreorder, preorderByObject);
            }
        }
        cancel.throwIfCancelled();
    }

    private void visitFrom(int start, int parentPreorder, int[] preorderByObject, int[] stackObject,
            int[] stackNextEdge) {
        int top = 0;
        number(start, parentPreorder, preorderByObject);
        stackObject[0] = start;
        stackNextEdge[0] = graph.firstEdge(start);
        while (top >= 0) {
            int v = stackObject[top];
            int edge = stackNextEdge[top];
            int end = graph.endEdge(v);
            while (edge < end) {
                int w = graph.edgeTarget(edge);
                if (preorderByObject[w] == NONE && rule.retains(graph, v, edge)) {
                    break;
                }
                edge++;
            }
            if (edge == end) {
                top--;
                continue;
            }
            stackNextEdge[top] = edge + 1;
            int w = graph.edgeTarget(edge);
            number(w, preorderByObject[v], preorderByObject);
            top++;
            stackObject[top] = w;
            stackNextEdge[top] = graph.firstEdge(w);
            if ((count & 0xFFFFF) == 0) {
                cancel.throwIfCancelled();
                progress.progress(AnalysisPhase.DOMINATORS, count, n);
            }
        }
    }

    private void number(int object, int parentPreorder, int[] preorderByObject) {
        preorderByObject[object] = count;
        vertex[count] = object;
        parent[count] = parentPreorder;
        count++;
    }

    /** Predecessors over retaining edges, in preorder numbers, in CSR form; unreached sources are left out. */
    private int[] predecessorsByPreorder(int[] preorderByObject, int[] first, int[] cursor) {
        for (int source = 0; source < n; source++) {
            if (preorderByObject[source] == NONE) {
                continue;
            }
            for (int e = graph.firstEdge(source); e < graph.endEdge(source); e++) {
                int target = preorderByObject[graph.edgeTarget(e)];
                if (target != NONE && rule.retains(graph, source, e)) {
                    first[target + 1]++;
                }
            }
        }
        for (int i = 0; i < graph.entryCount(); i++) {
            int target = preorderByObject[graph.entryObject(i)];
            first[target + 1]++;
        }
        for (int i = 0; i < count; i++) {
            first[i + 1] += first[i];
        }
        int[] predecessors = new int[first[count]];
        System.arraycopy(first, 0, cursor, 0, count);
        for (int source = 0; source < n; source++) {
            int sourcePreorder = preorderByObject[source];
            if (sourcePreorder == NONE) {
                continue;
            }
            for (int e = graph.firstEdge(source); e < graph.endEdge(source); e++) {
                int target = preorderByObject[graph.edgeTarget(e)];
                if (target != NONE && rule.retains(graph, source, e)) {
                    predecessors[cursor[target]++] = sourcePreorder;
                }
            }
        }
        for (int i = 0; i < graph.entryCount(); i++) {
            int target = preorderByObject[graph.entryObject(i)];
            predecessors[cursor[target]++] = 0;
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
    private int[] semidominatorsAndDominators(int[] predecessors, int[] firstPredecessor, int attachPreorder,
            int[] compressStack) {
        semi = stackObject;
        int[] label = stackNextEdge;
        int[] ancestor = new int[count];
        for (int v = 0; v < count; v++) {
            semi[v] = v;
            label[v] = v;
            ancestor[v] = NONE;
        }
        for (int w = count - 1; w >= 1; w--) {
            if (isolatedStarts.get(w)) {
                continue;
            }
            for (int p = firstPredecessor[w]; p < firstPredecessor[w + 1]; p++) {
                int u = eval(predecessors[p], ancestor, label, compressStack);
                if (semi[u] < semi[w]) {
                    semi[w] = semi[u];
                }
            }
            if (orphanStarts.get(w)) {
                int u = eval(attachPreorder, ancestor, label, compressStack);
                if (semi[u] < semi[w]) {
                    semi[w] = semi[u];
                }
            }
            ancestor[w] = parent[w];
            if ((w & 0xFFFFF) == 0) {
                cancel.throwIfCancelled();
            }
        }
        int[] idom = ancestor;
        idom[0] = NONE;
        for (int w = 1; w < count; w++) {
            if (isolatedStarts.get(w)) {
                // As in DevTools: no DFS parent but the attach point, so nothing else can dominate it.
                idom[w] = attachPreorder;
                continue;
            }
            int x = parent[w];
            while (x > semi[w]) {
                x = idom[x];
            }
            idom[w] = x;
        }
        return idom;
    }

    /** EVAL with COMPRESS made iterative: walk up to the forest root, then compress top-down. */
    private int eval(int v, int[] ancestor, int[] label, int[] stack) {
        if (ancestor[v] == NONE) {
            return v;
        }
        int top = 0;
        int x = v;
        while (ancestor[ancestor[x]] != NONE) {
            stack[top++] = x;
            x = ancestor[x];
        }
        while (top > 0) {
            x = stack[--top];
            int a = ancestor[x];
            if (semi[label[a]] < semi[label[x]]) {
                label[x] = label[a];
            }
            ancestor[x] = ancestor[a];
        }
        return label[v];
    }
}
