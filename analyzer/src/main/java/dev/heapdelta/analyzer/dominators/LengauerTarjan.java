package dev.heapdelta.analyzer.dominators;

import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.source.AnalysisPhase;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.ProgressListener;
import dev.heapdelta.analyzer.store.ColumnStore;
import dev.heapdelta.analyzer.store.IntColumn;
import java.util.BitSet;

/**
 * Immediate dominators by the SEMI-NCA algorithm of L. Georgiadis, R. E. Tarjan and R. F. Werneck
 * ("Finding dominators in practice", JGAA 10(1), 2006): the semidominators of T. Lengauer and R. E.
 * Tarjan ("A fast algorithm for finding dominators in a flowgraph", ACM TOPLAS 1(1), 1979) with the
 * simple EVAL and LINK (path compression without balancing), then each immediate dominator as the
 * nearest common ancestor of the vertex's DFS parent and its semidominator. Every loop is iterative:
 * a ten-million-long linked list is a normal leaking heap. All arrays are indexed by DFS preorder
 * number, as in the papers, so that after the search the steps walk them in order; the textbook
 * letters (v, w, u, semi, vertex) are kept so that the code can be checked against them.
 *
 * <p>The search itself sorts every retaining edge v → w by the preorder numbers: a tree edge
 * (w new) or a forward edge (w numbered after v, so a descendant) offers v itself as a candidate
 * semidominator of w, which is folded into {@code semi[w]} at once; only the edges to a vertex
 * numbered before v (back and cross edges), whose candidate depends on EVAL at w's turn, are kept,
 * in one list per w. So the edges are read once, and no predecessor lists of all edges are built.
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
    /** Until w's turn in step 2, the smallest tree or forward predecessor of w; then its semidominator. */
    private IntColumn semi;
    /**
     * Shared by two uses that never overlap per vertex: before w's turn in step 2, {@code -2 - k}
     * where k is the first entry of w's late-predecessor list ({@code -1}: none); from its turn on,
     * its ancestor in the LINK forest (a preorder number, so never negative). Negative means "not yet
     * linked" to EVAL either way, which saves an n-sized array.
     */
    private IntColumn lateHeadOrAncestor;
    /** The late predecessors: pairs (preorder of the source v, index of the next pair of the same w). */
    private LatePredecessors late;
    /**
     * The search's object-to-preorder map, dead once it is done: step 2 takes it over as the label of
     * EVAL, which it writes for a vertex when it links it, before any read. Reusing it, rather than
     * counting on the collector to free it before the label is allocated, keeps that peak one n-sized
     * array lower.
     */
    private IntColumn preorderByObjectThenLabel;
    private int count;
    private int reachedBeforeAttaching;
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
     * Runs the steps. Memory is the point here: a 38 M-object heap makes every n-sized int array 150
     * MB. The search holds five of them (the object-to-preorder map, vertex, parent, semi and the late
     * list heads) plus its stacks, as deep as the search, and the late edges; the map is dead after it,
     * and the label of step 2 reuses it; the ancestors become the immediate dominators.
     */
    Result run() {
        int attachPreorder = depthFirstSearch();
        IntColumn idom = semidominatorsAndDominators(attachPreorder);
        IntColumn result = vertex;
        vertex = null;
        return new Result(result, idom, count, reachedBeforeAttaching);
    }

    /**
     * Step 1: number the vertices in DFS preorder over retaining edges only, folding the tree and
     * forward edges into {@code semi} and listing the others. Returns the attach point's preorder
     * number, or {@link #NONE}.
     */
    private int depthFirstSearch() {
        // Out of core, the columns read at random go first to the heap's scratch room; vertex, kept, is mapped.
        ColumnStore scratch = store.scratch();
        IntColumn preorderByObject = scratch.ints("dominators-preorder-by-object", n + 1);
        preorderByObject.fill(NONE);
        preorderByObjectThenLabel = preorderByObject;
        lateHeadOrAncestor = scratch.ints("dominators-late-head-or-ancestor", n + 1);
        lateHeadOrAncestor.fill(NONE);
        semi = scratch.ints("dominators-semi", n + 1);
        parent = scratch.ints("dominators-parent", n + 1);
        vertex = store.ints("dominators-vertex", n + 1);
        late = new LatePredecessors(scratch);
        IntStack vertices = new IntStack(scratch, n + 1);
        IntStack nextEdges = new IntStack(scratch, n + 1);

        preorderByObject.set(n, 0);
        vertex.set(0, n);
        parent.set(0, NONE);
        semi.set(0, 0);
        count = 1;
        int entries = graph.entryCount();
        for (int i = 0; i < entries; i++) {
            int entry = graph.entryObject(i);
            int w = preorderByObject.get(entry);
            if (w == NONE) {
                visitFrom(entry, 0, preorderByObject, vertices, nextEdges);
            } else {
                // The virtual root precedes everything: the smallest candidate there is.
                semi.set(w, 0);
            }
        }
        reachedBeforeAttaching = count;
        int attachPreorder = NONE;
        if (attachUnreachableTo != NONE) {
            attachPreorder = attachUnreachableTo == n ? 0 : preorderByObject.get(attachUnreachableTo);
            if (attachPreorder != NONE && count <= n) {
                attachUnreached(attachPreorder, preorderByObject, vertices, nextEdges);
            }
        }
        vertices.release();
        nextEdges.release();
        return attachPreorder;
    }

    /**
     * Hangs what the entries did not reach from the attach point, as the Chrome DevTools heap snapshot
     * worker does: first every unreached object with no retaining referrer (an orphan, retained only
     * by weak edges or by nothing) in index order, with a DFS from each, which makes the attach point
     * its DFS parent and so its extra predecessor; then each object still unreached (members of
     * unreachable cycles), individually, with no DFS. The latter are dominated by the attach point
     * directly, and their own edges are not followed: they offer no candidate to anything.
     */
    private void attachUnreached(int attachPreorder, IntColumn preorderByObject, IntStack vertices,
            IntStack nextEdges) {
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
                visitFrom(object, attachPreorder, preorderByObject, vertices, nextEdges);
            }
        }
        for (int object = 0; object < n; object++) {
            if (preorderByObject.get(object) == NONE) {
                isolatedStarts.set(count);
                number(object, attachPreorder, preorderByObject);
            }
        }
        cancel.throwIfCancelled();
    }

    /**
     * The DFS from {@code start}. The stacks hold, per level, the vertex and its next edge; the object
     * is looked up in {@code vertex}, whose entries for the levels near the top were just written.
     */
    private void visitFrom(int start, int parentPreorder, IntColumn preorderByObject, IntStack vertices,
            IntStack nextEdges) {
        IntColumn semi = this.semi;
        IntColumn vertex = this.vertex;
        vertices.push(number(start, parentPreorder, preorderByObject));
        nextEdges.push(graph.firstEdge(start));
        while (!vertices.isEmpty()) {
            int top = vertices.size() - 1;
            int v = vertices.get(top);
            int object = vertex.get(v);
            int edge = nextEdges.get(top);
            int end = graph.endEdge(object);
            int child = NONE;
            for (; edge < end; edge++) {
                if (!rule.retains(graph, object, edge)) {
                    continue;
                }
                int target = graph.edgeTarget(edge);
                int w = preorderByObject.get(target);
                if (w == NONE) {
                    child = target;
                    edge++;
                    break;
                }
                if (w > v) {
                    if (v < semi.get(w)) {
                        semi.set(w, v);
                    }
                } else if (w < v) {
                    addLatePredecessor(w, v);
                }
            }
            if (child == NONE) {
                vertices.pop();
                nextEdges.pop();
                continue;
            }
            nextEdges.set(top, edge);
            vertices.push(number(child, v, preorderByObject));
            nextEdges.push(graph.firstEdge(child));
            if ((count & 0xFFFFF) == 0) {
                cancel.throwIfCancelled();
                progress.progress(AnalysisPhase.DOMINATORS, count, n);
            }
        }
    }

    /** Numbers {@code object} as the next vertex, child of {@code parentPreorder}; returns its number. */
    private int number(int object, int parentPreorder, IntColumn preorderByObject) {
        int v = count;
        preorderByObject.set(object, v);
        vertex.set(v, object);
        parent.set(v, parentPreorder);
        semi.set(v, parentPreorder);
        count = v + 1;
        return v;
    }

    private void addLatePredecessor(int w, int v) {
        int head = lateHeadOrAncestor.get(w);
        int entry = late.add(v, NONE - 1 - head);
        lateHeadOrAncestor.set(w, (int) (NONE - 1 - entry));
    }

    /**
     * Step 2 of Lengauer–Tarjan (semidominators by EVAL and LINK, in reverse preorder, over the late
     * predecessors only: the others were folded into {@code semi} during the search), then immediate
     * dominators as the nearest common ancestor of a vertex's DFS parent and its semidominator, in
     * preorder: SEMI-NCA. It replaces steps 3–4 and their buckets, and walks only short distances on
     * heap graphs because each walk stops at already final dominators.
     */
    private IntColumn semidominatorsAndDominators(int attachPreorder) {
        IntColumn label = preorderByObjectThenLabel;
        preorderByObjectThenLabel = null;
        IntColumn ancestor = lateHeadOrAncestor;
        IntColumn semi = this.semi;
        IntColumn parent = this.parent;
        LatePredecessors late = this.late;
        IntStack compressStack = new IntStack(store.scratch(), count);
        for (int w = count - 1; w >= 1; w--) {
            if (isolatedStarts.get(w)) {
                // Never linked: EVAL never passes through it, as its edges are not followed.
                continue;
            }
            int semiW = semi.get(w);
            for (int entry = NONE - 1 - ancestor.get(w); entry != NONE; entry = late.next(entry)) {
                int u = eval(late.source(entry), ancestor, label, semi, compressStack);
                int semiU = semi.get(u);
                if (semiU < semiW) {
                    semiW = semiU;
                }
            }
            semi.set(w, semiW);
            label.set(w, w);
            ancestor.set(w, parent.get(w));
            if ((w & 0xFFFFF) == 0) {
                cancel.throwIfCancelled();
            }
        }
        late.release();
        compressStack.release();
        this.late = null;
        lateHeadOrAncestor = null;
        store.scratch().release(label);
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
        this.semi = null;
        this.parent = null;
        store.scratch().release(semi);
        store.scratch().release(parent);
        return idom;
    }

    /**
     * EVAL with COMPRESS made iterative: walk up to the forest root, then compress top-down. A vertex
     * is linked when its ancestor entry is a preorder number (not negative); vertex 0, the root,
     * never is.
     */
    private static int eval(int v, IntColumn ancestor, IntColumn label, IntColumn semi, IntStack stack) {
        int a = ancestor.get(v);
        if (a < 0) {
            return v;
        }
        int x = v;
        while (ancestor.get(a) >= 0) {
            stack.push(x);
            x = a;
            a = ancestor.get(x);
        }
        while (!stack.isEmpty()) {
            x = stack.pop();
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
