package dev.heapdelta.analyzer.leaks;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.diff.ClassDiffRow;
import dev.heapdelta.analyzer.diff.Trends;
import dev.heapdelta.analyzer.dominators.DominatorTree;
import dev.heapdelta.analyzer.dominators.LargestKeys;
import dev.heapdelta.analyzer.dominators.TreeWalkStack;
import dev.heapdelta.analyzer.format.ByteSizes;
import dev.heapdelta.analyzer.format.ObjectIds;
import dev.heapdelta.analyzer.format.PathStepRow;
import dev.heapdelta.analyzer.format.PathStepRows;
import dev.heapdelta.analyzer.format.StringRedaction;
import dev.heapdelta.analyzer.graph.HeapFormat;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.graph.ObjectKind;
import dev.heapdelta.analyzer.query.PathStep;
import dev.heapdelta.analyzer.source.CancelSignal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the detectors share about a series of snapshots: the snapshots in command-line order, the
 * class diff, each snapshot's container census, and the evidence helpers (paths, samples, the
 * classes that grow under an object).
 */
public final class SeriesContext {
    private static final int SAMPLES = 3;
    static final int SAMPLE_SEARCH_LIMIT = 2_000;

    private final List<Snapshot> snapshots;
    private final List<ClassDiffRow> classDiff;
    private final boolean includeStrings;
    private final ContainerCensus[] censuses;
    private final List<Suspect> boundedCaches = new ArrayList<>();
    private final CancelSignal cancel;
    private final SuspectSearchProgress progress;

    public SeriesContext(List<Snapshot> snapshots, List<ClassDiffRow> classDiff, boolean includeStrings) {
        this(snapshots, classDiff, includeStrings, CancelSignal.NEVER, SuspectSearchProgress.NONE);
    }

    /**
     * A search that {@code cancel} can stop (the detectors check it between their steps and throw
     * {@link dev.heapdelta.analyzer.source.AnalysisCancelledException}) and that tells {@code progress} of them.
     */
    public SeriesContext(List<Snapshot> snapshots, List<ClassDiffRow> classDiff, boolean includeStrings,
            CancelSignal cancel, SuspectSearchProgress progress) {
        this.snapshots = List.copyOf(snapshots);
        this.classDiff = classDiff;
        this.includeStrings = includeStrings;
        this.censuses = new ContainerCensus[snapshots.size()];
        this.cancel = cancel;
        this.progress = progress;
    }

    /** Ends the search with {@link dev.heapdelta.analyzer.source.AnalysisCancelledException} once it is cancelled. */
    public void throwIfCancelled() {
        cancel.throwIfCancelled();
    }

    CancelSignal cancelSignal() {
        return cancel;
    }

    void stepsDone(int done, int total) {
        progress.stepsDone(done, total);
    }

    public List<Snapshot> snapshots() {
        return snapshots;
    }

    public int size() {
        return snapshots.size();
    }

    public Snapshot last() {
        return snapshots.get(snapshots.size() - 1);
    }

    public List<ClassDiffRow> classDiff() {
        return classDiff;
    }

    public String trendBasis() {
        return Trends.basis(snapshots.size());
    }

    public boolean includeStrings() {
        return includeStrings;
    }

    /** Caches that grow toward their configured maximum: no suspects, but they explain what they hold. */
    public synchronized List<Suspect> boundedCaches() {
        return List.copyOf(boundedCaches);
    }

    synchronized void addBoundedCache(Suspect cache) {
        boundedCaches.add(cache);
    }

    public synchronized ContainerCensus census(int snapshot) {
        if (censuses[snapshot] == null) {
            cancel.throwIfCancelled();
            censuses[snapshot] = ContainerCensus.of(snapshots.get(snapshot), cancel);
        }
        return censuses[snapshot];
    }

    /** The written ids of per-snapshot objects (-1 for absent). */
    public String[] objectIds(int[] objectBySnapshot) {
        String[] ids = new String[objectBySnapshot.length];
        for (int s = 0; s < ids.length; s++) {
            ids[s] = objectBySnapshot[s] < 0 ? null : ObjectIds.format(snapshots.get(s).graph(), objectBySnapshot[s]);
        }
        return ids;
    }

    /** The object of a suspect in snapshot {@code s}, or -1. */
    public int objectOf(Suspect suspect, int s) {
        if (suspect.objectIds() == null || suspect.objectIds()[s] == null) {
            return -1;
        }
        return snapshots.get(s).graph().findObjectById(ObjectIds.parse(suspect.objectIds()[s]));
    }

    public List<PathStepRow> pathRows(int snapshot, int object) {
        Snapshot s = snapshots.get(snapshot);
        return PathStepRows.of(s, s.pathToRoot(object));
    }

    /**
     * The paths to {@code object} beside the one that names it, or none: a thread's beside its static
     * one (see {@link ThreadFramePaths}); for V8, the shortest path when a variable names the object
     * through a longer one (a libuv handle's or an embedder wrapper's, one hop from the root).
     */
    public List<List<PathStepRow>> otherPathRows(int snapshot, int object) {
        Snapshot s = snapshots.get(snapshot);
        List<PathStep> path = s.graph().format() == HeapFormat.V8 ? s.shortestPathTo(object)
                : ThreadFramePaths.from(s, object);
        return path.isEmpty() || path.equals(s.pathToRoot(object)) ? List.of() : List.of(PathStepRows.of(s, path));
    }

    /**
     * Up to three entries held under {@code object}: the first objects in its dominator subtree,
     * breadth-first, that are not container internals. Strings are shown only as their length and a
     * short hash unless the user opted in.
     */
    public List<String> samples(int snapshot, int object) {
        cancel.throwIfCancelled();
        Snapshot s = snapshots.get(snapshot);
        List<String> samples = new ArrayList<>();
        for (int entry : entriesUnder(s, object, SAMPLES)) {
            samples.add(describe(s, entry));
        }
        return samples;
    }

    /** The given objects themselves, described as samples are: what a growing class's instances are. */
    public List<String> describeAll(int snapshot, int[] objects) {
        Snapshot s = snapshots.get(snapshot);
        List<String> described = new ArrayList<>();
        for (int object : objects) {
            described.add(describe(s, object));
        }
        return described;
    }

    /** Where the entries under {@code object} were created, where the dump records it (V8). */
    public List<String> locations(int snapshot, int object) {
        cancel.throwIfCancelled();
        Snapshot s = snapshots.get(snapshot);
        if (s.format() != HeapFormat.V8) {
            // An HPROF dump records no allocation sites: the walk under a large retainer would find none.
            return new ArrayList<>();
        }
        Set<String> locations = new LinkedHashSet<>();
        String own = s.graph().details().locationOf(object);
        if (own != null) {
            locations.add(own);
        }
        for (int entry : entriesUnder(s, object, 10)) {
            String location = s.graph().details().locationOf(entry);
            if (location != null) {
                locations.add(location);
            }
            if (locations.size() == 5) {
                break;
            }
        }
        return new ArrayList<>(locations);
    }

    /**
     * Up to {@code limit} entries (see {@link #isEntry}) under {@code object} in its dominator tree, breadth
     * first and each object's children in retained order, looking at no more than SAMPLE_SEARCH_LIMIT objects.
     */
    static List<Integer> entriesUnder(Snapshot s, int object, int limit) {
        List<Integer> entries = new ArrayList<>();
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(object);
        int visited = 0;
        while (!queue.isEmpty() && entries.size() < limit && visited++ < SAMPLE_SEARCH_LIMIT) {
            takeChildren(s, queue.poll(), limit, visited, entries, queue);
        }
        return entries;
    }

    /**
     * Adds the entries among the children of {@code current} to {@code entries} and queues the others while
     * the search has room. Children are taken in retained order, selected in growing batches rather than all
     * sorted: the search usually stops within the first batch, and objects queued past the search limit would
     * never be polled, so they are not queued.
     */
    private static void takeChildren(Snapshot s, int current, int limit, int visited, List<Integer> entries,
            ArrayDeque<Integer> queue) {
        DominatorTree tree = s.dominatorTree();
        int childCount = tree.childCount(current);
        int ranked = 0;
        int entriesHere = 0;
        int wanted = limit + SAMPLE_SEARCH_LIMIT;
        while (ranked < childCount && entries.size() < limit) {
            if (visited + queue.size() >= SAMPLE_SEARCH_LIMIT) {
                // Nothing more is queued, so only the next entries among the children count: one selection
                // of them, instead of ranking ever more children (all of an array of millions holding none).
                int[] entryChildren = entryChildrenByRetainedSize(s, current, entriesHere + limit - entries.size());
                for (int i = entriesHere; i < entryChildren.length; i++) {
                    entries.add(entryChildren[i]);
                }
                return;
            }
            int[] largest = tree.childrenByRetainedSize(current, wanted);
            for (int i = ranked; i < largest.length && entries.size() < limit; i++) {
                int child = largest[i];
                if (isEntry(s, child)) {
                    entries.add(child);
                    entriesHere++;
                } else if (visited + queue.size() < SAMPLE_SEARCH_LIMIT) {
                    queue.add(child);
                }
            }
            ranked = largest.length;
            wanted = (int) Math.min(Integer.MAX_VALUE, 4L * wanted);
        }
    }

    /**
     * The {@code limit} children of {@code object} that are entries with the largest retained sizes, in the
     * order of {@link DominatorTree#childrenByRetainedSize(int, int)} (ties in child-list order).
     */
    private static int[] entryChildrenByRetainedSize(Snapshot s, int object, int limit) {
        DominatorTree tree = s.dominatorTree();
        int first = tree.firstChildIndex(object);
        int[] positions = LargestKeys.largest(limit, tree.childCount(object),
                i -> tree.retainedSizeOf(tree.childAt(first + i)), i -> isEntry(s, tree.childAt(first + i)));
        for (int i = 0; i < positions.length; i++) {
            positions[i] = tree.childAt(first + positions[i]);
        }
        return positions;
    }

    static boolean isEntry(Snapshot s, int object) {
        HeapGraph graph = s.graph();
        ObjectKind kind = graph.kindOf(object);
        if (graph.format() == HeapFormat.HPROF) {
            if (kind == ObjectKind.OBJECT_ARRAY || kind == ObjectKind.CLASS) {
                return false;
            }
            String name = graph.classNameOf(object);
            return !(name.startsWith("java.util.") || name.startsWith("com.google.common.")
                    || name.startsWith("com.github.benmanes.caffeine.") || name.equals("java.lang.String")
                    || name.startsWith("java.lang.ref."));
        }
        return switch (kind) {
            case V8_OBJECT, V8_CLOSURE, V8_REGEXP, V8_NATIVE -> true;
            default -> false;
        };
    }

    private String describe(Snapshot s, int object) {
        HeapGraph graph = s.graph();
        StringBuilder text = new StringBuilder(graph.classNameOf(object));
        text.append(' ').append(ObjectIds.format(graph, object));
        text.append(", retains ").append(ByteSizes.human(s.dominatorTree().retainedSizeOf(object)));
        String label = s.labelOf(object);
        if (label != null && !label.isEmpty() && !label.equals(graph.classNameOf(object))) {
            text.append(", ").append(includeStrings ? shorten(label, 60) : StringRedaction.redact(label));
        }
        List<String> captured = capturedVariables(graph, object);
        if (!captured.isEmpty()) {
            text.append(", captures ").append(String.join(", ", captured));
        }
        return text.toString();
    }

    /**
     * The variables a V8 closure's context holds (DESIGN.md §4): what a leaking listener keeps alive.
     * They are names from the source, not data, so they are shown unredacted.
     */
    static List<String> capturedVariables(HeapGraph graph, int closure) {
        if (graph.kindOf(closure) != ObjectKind.V8_CLOSURE) {
            return List.of();
        }
        int context = -1;
        for (int e = graph.firstEdge(closure); e < graph.endEdge(closure); e++) {
            if (graph.edgeKind(e) == dev.heapdelta.analyzer.graph.EdgeKind.V8_INTERNAL
                    && "context".equals(graph.details().edgeName(e))) {
                context = graph.edgeTarget(e);
                break;
            }
        }
        List<String> names = new ArrayList<>();
        if (context < 0) {
            return names;
        }
        for (int e = graph.firstEdge(context); e < graph.endEdge(context) && names.size() < 6; e++) {
            if (graph.edgeKind(e) == dev.heapdelta.analyzer.graph.EdgeKind.V8_CONTEXT) {
                names.add(graph.details().edgeName(e));
            }
        }
        return names;
    }

    static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /**
     * Per class, the instances in the dominator subtrees of {@code objects} that no other instance of
     * their class dominates: {count, retained}. What grows under a collection, class by class.
     */
    public Map<String, long[]> classesUnder(int snapshot, int[] objects) {
        Snapshot s = snapshots.get(snapshot);
        HeapGraph graph = s.graph();
        DominatorTree tree = s.dominatorTree();
        long[] countByClass = new long[graph.classCount()];
        long[] retainedByClass = new long[graph.classCount()];
        int[] onPath = new int[graph.classCount()];
        TreeWalkStack stack = new TreeWalkStack(tree);
        for (int start : objects) {
            // Iterative walk with enter/exit, so that "no same-class instance above" is exact.
            enter(graph, tree, start, onPath, countByClass, retainedByClass);
            stack.push(start);
            while (!stack.isEmpty()) {
                int child = stack.nextChildOfTop();
                if (child < 0) {
                    int c = graph.classOf(stack.topObject());
                    if (c >= 0) {
                        onPath[c]--;
                    }
                    stack.pop();
                    continue;
                }
                enter(graph, tree, child, onPath, countByClass, retainedByClass);
                stack.push(child);
            }
        }
        Map<String, long[]> byClass = new HashMap<>();
        for (int c = 0; c < countByClass.length; c++) {
            if (countByClass[c] > 0) {
                long[] figures = byClass.computeIfAbsent(
                        dev.heapdelta.analyzer.diff.ClassDiffs.keyOf(graph, graph.heapClass(c)), k -> new long[2]);
                figures[0] += countByClass[c];
                figures[1] += retainedByClass[c];
            }
        }
        return byClass;
    }

    private static void enter(HeapGraph graph, DominatorTree tree, int object, int[] onPath, long[] countByClass,
            long[] retainedByClass) {
        int c = graph.classOf(object);
        if (c < 0) {
            return;
        }
        countByClass[c]++;
        if (onPath[c] == 0) {
            retainedByClass[c] += tree.retainedSizeOf(object);
        }
        onPath[c]++;
    }

    /** A class key's display name in the class diff, or the key itself. */
    public String classNameForKey(String key) {
        for (ClassDiffRow row : classDiff) {
            if (row.key().equals(key)) {
                return row.name();
            }
        }
        return key;
    }
}
