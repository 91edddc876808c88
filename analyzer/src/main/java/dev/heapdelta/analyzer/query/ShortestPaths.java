package dev.heapdelta.analyzer.query;

import dev.heapdelta.analyzer.dominators.RetentionRule;
import dev.heapdelta.analyzer.graph.EdgeKind;
import dev.heapdelta.analyzer.graph.HeapFormat;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.graph.ObjectKind;
import dev.heapdelta.analyzer.graph.RootKind;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.store.ColumnStore;
import dev.heapdelta.analyzer.store.IntColumn;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The shortest path from a GC root to every object, by breadth-first search from the graph's
 * entry objects over the edges a path may use (by default never {@code Reference.referent}, never a V8 weak
 * edge; {@link PathExclusions} choose otherwise): first from class objects, so that whatever a static field reaches has its path through
 * one (never through a thread), then from the threads' fields and the other roots, and last from
 * the threads' stack frames. For V8, the stack and handle-scope roots likewise come last.
 *
 * <p>The search runs only as far as the questions asked need: a path to an object, or its parent edge, is
 * final once the search has reached the object, as everything on it was reached before. So a summary that
 * asks for its hundred objects' paths stops where the last of them is reached instead of walking the whole
 * graph, and the answers are those of the whole search; asking about an object the search never reaches
 * finishes it. Performance: O(n + e) at most, 4 bytes per object kept and 4 more per object in the
 * search's frontier (its queue keeps only what lies between head and tail) until the search is finished,
 * in the graph's column store; each path is then O(length · log n).
 */
public final class ShortestPaths {
    private static final int ENTRY = -1;
    private static final int UNREACHED = -2;
    private static final int HELD_BACK = -3;
    /** How often a search that can be cancelled looks at its signal: every 64 Ki objects expanded. */
    private static final int CANCEL_CHECK_MASK = (1 << 16) - 1;

    private final HeapGraph graph;
    private final ColumnStore store;
    private final IntColumn parentEdgeByObject;
    /** The search's state while it is not finished; null once it is (then reads need no lock). */
    private volatile Search search;
    /** Whether {@link #release()} gave the columns back: once only. */
    private boolean released;

    private ShortestPaths(HeapGraph graph, ColumnStore store, IntColumn parentEdgeByObject, Search search) {
        this.graph = graph;
        this.store = store;
        this.parentEdgeByObject = parentEdgeByObject;
        this.search = search;
    }

    /** The rule for paths: MAT's "exclude weak/soft references" for HPROF, DevTools' for V8. */
    public static RetentionRule pathRuleFor(HeapGraph graph) {
        return switch (graph.format()) {
            case HPROF -> RetentionRule.ignoringReferents();
            case V8 -> RetentionRule.devTools(graph);
        };
    }

    /**
     * The default paths, with their two columns in the graph's store's scratch view: out of core, on the heap
     * while there is room (the search writes the parent edges at random), until {@link #release()}.
     */
    public static ShortestPaths of(HeapGraph graph) {
        return of(graph, graph.store().scratch());
    }

    /** The paths with their columns in {@code store}. */
    public static ShortestPaths of(HeapGraph graph, ColumnStore store) {
        return start(graph, store, pathRuleFor(graph), null);
    }

    /**
     * The shortest paths that avoid {@code exclusions}; with the defaults, the same as {@link #of(HeapGraph)}.
     * Performance: as {@link #of(HeapGraph)}, plus one record read per object of a class with an excluded field.
     */
    public static ShortestPaths of(HeapGraph graph, PathExclusions exclusions) {
        if (exclusions.isDefault()) {
            return of(graph);
        }
        return start(graph, graph.store(), RetentionRule.matDefault(), new ExcludedReferences(graph, exclusions));
    }

    /** {@code excluded} is null for the default paths, whose edges {@code rule} alone decides. */
    private static ShortestPaths start(HeapGraph graph, ColumnStore store, RetentionRule rule,
            ExcludedReferences excluded) {
        int n = graph.objectCount();
        IntColumn parentEdge = store.ints("paths-parent-edge", n);
        parentEdge.fill(UNREACHED);
        ChunkedIntQueue queue = new ChunkedIntQueue(store, "paths-queue", n);
        return new ShortestPaths(graph, store, parentEdge, new Search(graph, rule, excluded, parentEdge, queue));
    }

    /**
     * The breadth-first search, resumable between two objects taken from its queue. Three rounds, each
     * continuing the one before (DESIGN.md §4, path keys). First from class objects, with the threads held
     * back: whatever a static field reaches is named by that field, even when a stack frame is nearer, and
     * never through a thread (a shutdown hook's thread group lists every thread). Then from the threads and
     * the other roots, over fields only: a worker's Runnable and what it holds (for V8, then the stack and
     * handle-scope roots). Last, the stack frames' locals, which hold what nothing else does, and change
     * from one dump to the next.
     */
    private static final class Search {
        private static final int CLASSES = 0;
        private static final int ROOTS = 1;
        private static final int V8_SCRATCH = 2;
        private static final int FRAMES = 3;

        private final HeapGraph graph;
        private final RetentionRule rule;
        private final ExcludedReferences excluded;
        private final IntColumn parentEdge;
        private final ChunkedIntQueue queue;
        private int round = CLASSES;
        /** The queue's next object to expand, and its end. */
        private int next;
        private int end;

        Search(HeapGraph graph, RetentionRule rule, ExcludedReferences excluded, IntColumn parentEdge,
                ChunkedIntQueue queue) {
            this.graph = graph;
            this.rule = rule;
            this.excluded = excluded;
            this.parentEdge = parentEdge;
            this.queue = queue;
            for (int r = 0; r < graph.rootRecordCount(); r++) {
                if (graph.rootKind(r) == RootKind.THREAD_OBJECT) {
                    parentEdge.set(graph.rootObject(r), HELD_BACK);
                }
            }
            end = seedEntries(graph, excluded, parentEdge, queue, 0, true);
        }

        /**
         * Searches on until {@code object} is reached (any negative {@code object}: to the end); returns
         * whether the search is finished. Once {@code cancel} is raised it stops with
         * {@link dev.heapdelta.analyzer.source.AnalysisCancelledException}, its queue kept, so that the next
         * question resumes it.
         */
        boolean runUntilReached(int object, CancelSignal cancel) {
            while (true) {
                if (object >= 0 && parentEdge.get(object) >= ENTRY) {
                    return false;
                }
                expandUntilReached(object, cancel);
                cancel.throwIfCancelled();
                if (next < end) {
                    return false;
                }
                if (!startNextRound()) {
                    return true;
                }
            }
        }

        /**
         * Expands queued objects of this round until {@code object} is reached, the queue is empty or
         * {@code cancel} is raised.
         */
        private void expandUntilReached(int object, CancelSignal cancel) {
            HeapGraph graph = this.graph;
            IntColumn parentEdge = this.parentEdge;
            ChunkedIntQueue queue = this.queue;
            boolean frames = round == FRAMES;
            int at = next;
            int tail = end;
            while (at < tail) {
                if ((at & CANCEL_CHECK_MASK) == 0 && cancel.isCancelled()) {
                    break;
                }
                int v = queue.take(at++);
                boolean reached = false;
                for (int e = graph.firstEdge(v); e < graph.endEdge(v); e++) {
                    int w = graph.edgeTarget(e);
                    if (parentEdge.get(w) == UNREACHED && (frames || graph.edgeKind(e) != EdgeKind.THREAD_LOCAL)
                            && follows(graph, rule, excluded, v, e)) {
                        parentEdge.set(w, e);
                        queue.set(tail++, w);
                        reached |= w == object;
                    }
                }
                if (reached) {
                    break;
                }
            }
            next = at;
            end = tail;
        }

        /** Seeds the round after the one whose queue just emptied; false when that was the last. */
        private boolean startNextRound() {
            boolean v8 = graph.format() == HeapFormat.V8;
            switch (round) {
                case CLASSES -> {
                    for (int r = 0; r < graph.rootRecordCount(); r++) {
                        if (parentEdge.get(graph.rootObject(r)) == HELD_BACK) {
                            parentEdge.set(graph.rootObject(r), UNREACHED);
                        }
                    }
                    if (v8) {
                        holdBackV8Scratch(graph, parentEdge);
                    }
                    end = seedEntries(graph, excluded, parentEdge, queue, end, false);
                    round = ROOTS;
                    return true;
                }
                case ROOTS -> {
                    if (v8) {
                        end = releaseV8Scratch(graph, rule, excluded, parentEdge, queue, end);
                        round = V8_SCRATCH;
                        return true;
                    }
                    seedThreadLocals();
                    return true;
                }
                case V8_SCRATCH -> {
                    seedThreadLocals();
                    return true;
                }
                default -> {
                    return false;
                }
            }
        }

        private void seedThreadLocals() {
            for (int r = 0; r < graph.rootRecordCount(); r++) {
                int thread = graph.rootObject(r);
                // A thread that an excluded root kind left unreached holds no path either.
                if (graph.rootKind(r) != RootKind.THREAD_OBJECT || parentEdge.get(thread) == UNREACHED) {
                    continue;
                }
                for (int e = graph.firstEdge(thread); e < graph.endEdge(thread); e++) {
                    int local = graph.edgeTarget(e);
                    if (graph.edgeKind(e) == EdgeKind.THREAD_LOCAL && parentEdge.get(local) == UNREACHED
                            && follows(graph, rule, excluded, thread, e)) {
                        parentEdge.set(local, e);
                        queue.set(end++, local);
                    }
                }
            }
            round = FRAMES;
        }
    }

    /**
     * Runs the search until {@code object} is reached or the search is finished; any negative
     * {@code object} finishes it.
     */
    private void settle(int object, CancelSignal cancel) {
        if (search == null) {
            return;
        }
        synchronized (this) {
            Search running = search;
            if (running != null && running.runUntilReached(object, cancel)) {
                // The queue is garbage from here.
                search = null;
                running.queue.release();
            }
        }
    }

    /**
     * Gives the columns' heap back to a scratch store's budget when the paths' owner closes: no question
     * may follow.
     */
    public synchronized void release() {
        if (released) {
            return;
        }
        released = true;
        Search running = search;
        search = null;
        if (running != null) {
            running.queue.release();
        }
        store.release(parentEdgeByObject);
    }

    /** Runs the search to its end now, as asking about an object without a path does. */
    void finish() {
        finish(CancelSignal.NEVER);
    }

    /**
     * Runs the search to its end, as {@link #finish()}, but stops as {@link #reach} does once {@code cancel} is
     * raised. Safe beside other questions: they wait for it, then find their objects reached.
     */
    public void finish(CancelSignal cancel) {
        settle(-1, cancel);
    }

    /**
     * Runs the search until {@code object} is reached, as any question about it does, but stops with
     * {@link dev.heapdelta.analyzer.source.AnalysisCancelledException} within 64 Ki objects once {@code cancel}
     * is raised: the search for an object far from the roots can walk most of the graph, and a cancelled
     * caller must not wait for it. A stopped search resumes at the next question, with the same answers.
     */
    public void reach(int object, CancelSignal cancel) {
        settle(object, cancel);
    }

    /** Whether the search has reached {@code object} so far, without taking it further. */
    boolean hasReached(int object) {
        synchronized (this) {
            return parentEdgeByObject.get(object) >= ENTRY;
        }
    }

    /**
     * V8's stack and handle-scope roots hold whatever the code running at snapshot time has in its
     * locals and handles: a script's top-level {@code const} or the global object itself, one hop from
     * the root, so a path through them names no variable ({@code (root) › []}). Like a Java thread's
     * frames they go last, and the global property or context variable that holds the object names it.
     */
    private static void holdBackV8Scratch(HeapGraph graph, IntColumn parentEdge) {
        for (int o = 0; o < graph.objectCount(); o++) {
            if (isV8Scratch(graph, o) && parentEdge.get(o) == UNREACHED) {
                parentEdge.set(o, HELD_BACK);
            }
        }
    }

    /** Reaches the held-back roots from the synthetic root category that lists them; returns the queue's new end. */
    private static int releaseV8Scratch(HeapGraph graph, RetentionRule rule, ExcludedReferences excluded,
            IntColumn parentEdge, ChunkedIntQueue queue, int tail) {
        int end = tail;
        for (int o = 0; o < graph.objectCount(); o++) {
            if (graph.kindOf(o) != ObjectKind.V8_SYNTHETIC || parentEdge.get(o) < ENTRY) {
                continue;
            }
            for (int e = graph.firstEdge(o); e < graph.endEdge(o); e++) {
                int w = graph.edgeTarget(e);
                if (parentEdge.get(w) == HELD_BACK && follows(graph, rule, excluded, o, e)) {
                    parentEdge.set(w, e);
                    queue.set(end++, w);
                }
            }
        }
        for (int o = 0; o < graph.objectCount(); o++) {
            if (parentEdge.get(o) == HELD_BACK) {
                parentEdge.set(o, UNREACHED);
            }
        }
        return end;
    }

    private static boolean isV8Scratch(HeapGraph graph, int object) {
        if (graph.kindOf(object) != ObjectKind.V8_SYNTHETIC) {
            return false;
        }
        String name = graph.details().label(object);
        return name.equals("(Stack roots)") || name.equals("(Handle scope)");
    }

    /** Queues the unreached entries that are class objects, or those that are not. */
    private static int seedEntries(HeapGraph graph, ExcludedReferences excluded, IntColumn parentEdge,
            ChunkedIntQueue queue, int tail, boolean classes) {
        int end = tail;
        for (int i = 0; i < graph.entryCount(); i++) {
            int entry = graph.entryObject(i);
            if (parentEdge.get(entry) == UNREACHED && (graph.kindOf(entry) == ObjectKind.CLASS) == classes
                    && (excluded == null || excluded.startsPaths(entry))) {
                parentEdge.set(entry, ENTRY);
                queue.set(end++, entry);
            }
        }
        return end;
    }

    private static boolean follows(HeapGraph graph, RetentionRule rule, ExcludedReferences excluded, int source,
            int edge) {
        return excluded == null ? rule.retains(graph, source, edge) : excluded.follows(source, edge);
    }

    public boolean hasPath(int object) {
        settle(object, CancelSignal.NEVER);
        return parentEdgeByObject.get(object) != UNREACHED;
    }

    /** The path from a GC root to {@code object}, root-first; empty when there is none. */
    public List<PathStep> pathTo(int object) {
        if (!hasPath(object)) {
            return List.of();
        }
        List<PathStep> reversed = new ArrayList<>();
        reversed.add(new PathStep(object, -1));
        int current = object;
        while (parentEdgeByObject.get(current) != ENTRY) {
            int edge = parentEdgeByObject.get(current);
            int source = graph.edgeSource(edge);
            reversed.add(new PathStep(source, edge));
            current = source;
            if (reversed.size() > graph.objectCount()) {
                throw new IllegalStateException("cycle in shortest-path parents at " + object);
            }
        }
        Collections.reverse(reversed);
        return reversed;
    }

    /** The edge by which {@code object} was first reached, -1 for an entry, -2 when unreached. */
    public int parentEdgeOf(int object) {
        settle(object, CancelSignal.NEVER);
        return parentEdgeByObject.get(object);
    }
}
