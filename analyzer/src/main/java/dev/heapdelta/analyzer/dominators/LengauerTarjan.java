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
 * in one list per w. The search only counts them per w and marks them in a bit per edge; a second
 * pass over the marked edges then lists their sources in CSR form, 4 bytes each (41 M of them on the
 * 1.9 GB benchmark dump): a linked list built during the search took 8 bytes each, 165 MB more at the
 * peak. No predecessor lists of all edges are built.
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
     * Shared by three uses that never overlap per vertex: during the search, the number of w's late
     * predecessors; once they are listed and before w's turn in step 2, {@code -2 - k} where k is the
     * end of w's entries in {@link #lateSources} (w's start at {@code w - 1}'s end); from its turn on,
     * its ancestor in the LINK forest (a preorder number, so never negative). Negative means "not yet
     * linked" to EVAL, which saves an n-sized array.
     */
    private IntColumn lateEndOrAncestor;
    /** The late predecessors' preorder numbers, grouped by w in preorder of w (CSR). */
    private IntColumn lateSources;
    /**
     * One bit per edge, set for the edges the search counted as late (10 MB on 79 M edges): the listing
     * pass then reads only those, without the retention rule or a preorder lookup for the others.
     */
    private long[] lateEdgeBits;
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
     * counts) plus its stack of next edges, as deep as the search (the vertices on it are found through
     * {@code parent}); then the stack is dead and the late sources are listed; the map is dead after
     * that, and the label of step 2 reuses it; the ancestors become the immediate dominators.
     */
    Result run() {
        int attachPreorder = depthFirstSearch();
        // After the search returns, so that its stack is garbage while the sources are listed.
        listLatePredecessors(preorderByObjectThenLabel);
        IntColumn idom = semidominatorsAndDominators(attachPreorder);
        IntColumn result = vertex;
        vertex = null;
        return new Result(result, idom, count, reachedBeforeAttaching);
    }

    /**
     * Step 1: number the vertices in DFS preorder over retaining edges only, folding the tree and
     * forward edges into {@code semi} and counting the others per target. Returns the attach point's preorder
     * number, or {@link #NONE}.
     */
    private int depthFirstSearch() {
        // Out of core, the columns read at random go first to the heap's scratch room; vertex, kept, is mapped.
        // So is parent, though it dies with step 2: it is written in preorder and read near the search's top,
        // then in order, so the budget it would take is left to the late predecessors listed next, written at
        // random.
        ColumnStore scratch = store.scratch();
        IntColumn preorderByObject = scratch.ints("dominators-preorder-by-object", n + 1);
        preorderByObject.fill(NONE);
        preorderByObjectThenLabel = preorderByObject;
        lateEndOrAncestor = scratch.ints("dominators-late-end-or-ancestor", n + 1);
        semi = scratch.ints("dominators-semi", n + 1);
        parent = store.ints("dominators-parent", n + 1);
        vertex = store.ints("dominators-vertex", n + 1);
        lateEdgeBits = new long[(graph.edgeCount() + 63) >>> 6];
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
                visitFrom(entry, 0, preorderByObject, nextEdges);
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
                attachUnreached(attachPreorder, preorderByObject, nextEdges);
            }
        }
        nextEdges.release();
        return attachPreorder;
    }

    /**
     * The second pass: the search's counts become each w's slot range in {@link #lateSources}, and every
     * edge the search counted (marked in {@link #lateEdgeBits}) puts its source v in its target w's
     * range. The column then holds each range's end.
     */
    private void listLatePredecessors(IntColumn preorderByObject) {
        IntColumn ends = lateEndOrAncestor;
        int total = 0;
        for (int w = 0; w < count; w++) {
            int late = ends.get(w);
            ends.set(w, NONE - 1 - total);
            total += late;
        }
        IntColumn sources = store.scratch().ints("dominators-late-predecessors", total);
        long[] bits = lateEdgeBits;
        lateEdgeBits = null;
        // The marked edges in order, with the object whose edge range holds each: a cursor over the objects.
        int object = 0;
        int objectEnd = n > 0 ? graph.endEdge(0) : 0;
        int v = n > 0 ? preorderByObject.get(0) : NONE;
        for (int word = 0; word < bits.length; word++) {
            long marked = bits[word];
            while (marked != 0) {
                int edge = (word << 6) + Long.numberOfTrailingZeros(marked);
                marked &= marked - 1;
                while (edge >= objectEnd) {
                    object++;
                    objectEnd = graph.endEdge(object);
                    v = -2;
                }
                if (v == -2) {
                    v = preorderByObject.get(object);
                }
                int w = preorderByObject.get(graph.edgeTarget(edge));
                int encodedEnd = ends.get(w);
                sources.set(NONE - 1 - encodedEnd, v);
                ends.set(w, encodedEnd - 1);
            }
            if ((word & 0xFFFF) == 0) {
                cancel.throwIfCancelled();
            }
        }
        lateSources = sources;
    }

    /**
     * Hangs what the entries did not reach from the attach point, as the Chrome DevTools heap snapshot
     * worker does: first every unreached object with no retaining referrer (an orphan, retained only
     * by weak edges or by nothing) in index order, with a DFS from each, which makes the attach point
     * its DFS parent and so its extra predecessor; then each object still unreached (members of
     * unreachable cycles), individually, with no DFS. The latter are dominated by the attach point
     * directly, and their own edges are not followed: they offer no candidate to anything.
     */
    private void attachUnreached(int attachPreorder, IntColumn preorderByObject, IntStack nextEdges) {
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
                visitFrom(object, attachPreorder, preorderByObject, nextEdges);
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
     * The DFS from {@code start}. The stack holds, per level, the next edge of that level's vertex; the
     * vertices themselves are the current one's chain of DFS parents, so that a deep search (a leaking
     * linked list) costs 4 bytes a level, not 8. The object is looked up in {@code vertex}.
     */
    private void visitFrom(int start, int parentPreorder, IntColumn preorderByObject, IntStack nextEdges) {
        IntColumn semi = this.semi;
        IntColumn vertex = this.vertex;
        IntColumn parent = this.parent;
        IntColumn lateCounts = lateEndOrAncestor;
        long[] lateEdges = lateEdgeBits;
        int startPreorder = number(start, parentPreorder, preorderByObject);
        nextEdges.push(graph.firstEdge(start));
        int v = startPreorder;
        while (true) {
            int top = nextEdges.size() - 1;
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
                    lateCounts.set(w, lateCounts.get(w) + 1);
                    lateEdges[edge >>> 6] |= 1L << edge;
                }
            }
            if (child == NONE) {
                nextEdges.pop();
                if (v == startPreorder) {
                    return;
                }
                v = parent.get(v);
                continue;
            }
            nextEdges.set(top, edge);
            v = number(child, v, preorderByObject);
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
        IntColumn ancestor = lateEndOrAncestor;
        IntColumn semi = this.semi;
        IntColumn parent = this.parent;
        IntColumn sources = lateSources;
        IntStack compressStack = new IntStack(store.scratch(), count);
        for (int w = count - 1; w >= 1; w--) {
            if (isolatedStarts.get(w)) {
                // Never linked: EVAL never passes through it, as its edges are not followed.
                continue;
            }
            int semiW = semi.get(w);
            // w - 1 is not linked yet (it comes later in this loop), so its entry still holds its end.
            int end = NONE - 1 - ancestor.get(w);
            for (int k = NONE - 1 - ancestor.get(w - 1); k < end; k++) {
                int u = eval(sources.get(k), ancestor, label, semi, compressStack);
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
        store.scratch().release(sources);
        compressStack.release();
        lateSources = null;
        lateEndOrAncestor = null;
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
