package dev.heapdelta.analyzer.analysis;

import dev.heapdelta.analyzer.dominators.DominatorTree;
import dev.heapdelta.analyzer.graph.DumpInfo;
import dev.heapdelta.analyzer.graph.HeapFormat;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.graph.ObjectKind;
import dev.heapdelta.analyzer.graph.RootKind;
import dev.heapdelta.analyzer.query.ClassHistogram;
import dev.heapdelta.analyzer.query.NamedPaths;
import dev.heapdelta.analyzer.query.PathKeys;
import dev.heapdelta.analyzer.query.PathStep;
import dev.heapdelta.analyzer.query.PathExclusions;
import dev.heapdelta.analyzer.query.ShortestPaths;
import dev.heapdelta.analyzer.query.TopObjects;
import dev.heapdelta.analyzer.source.UninterruptibleJoin;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One analysed dump: its graph, dominator tree and class histogram, with the summary figures of
 * DESIGN.md §3 and lazily built shortest paths. Immutable once loaded, safe to share between threads.
 */
public final class Snapshot implements AutoCloseable {
    private final String file;
    private final HeapGraph graph;
    private final DominatorTree tree;
    private final ClassHistogram histogram;
    private final AnalysisOptions options;
    private final PhaseTimings timings;
    /** How many of the biggest objects one heap pass keeps for later requests. */
    private static final int BIGGEST_OBJECTS_KEPT = 200;

    private volatile ShortestPaths shortestPaths;
    /** The last paths asked for with other than the default exclusions: the paths view asks again on Back. */
    private volatile ExcludedPaths lastExcludedPaths;

    private record ExcludedPaths(PathExclusions exclusions, ShortestPaths paths) {
    }
    private volatile int[] biggestObjects;
    private volatile int biggestLimit;
    private volatile PathKeys pathKeys;
    private volatile NamedPaths namedPaths;
    private volatile IndexCacheUse indexCache = IndexCacheUse.notUsed();
    /** A fresh analysis's index cache entry, until written or dropped on close. */
    private final AtomicReference<IndexCache> pendingSave = new AtomicReference<>();
    /** The entry being written in the background by {@link #startIndexCacheSave()}, if one is. */
    private volatile Thread backgroundSave;
    /** The check left for later of the index-cache entry this snapshot was reopened from, until it has run. */
    private IndexCacheCheck pendingCheck;
    /** What that check found: null while it has found nothing wrong. */
    private DamagedIndexCacheEntryException damage;
    private final Object checkLock = new Object();

    /** A check of a reopened entry's images. */
    @FunctionalInterface
    interface IndexCacheCheck {
        void run() throws DamagedIndexCacheEntryException;
    }

    Snapshot(String file, HeapGraph graph, DominatorTree tree, ClassHistogram histogram, AnalysisOptions options,
            PhaseTimings timings) {
        this.file = file;
        this.graph = graph;
        this.tree = tree;
        this.histogram = histogram;
        this.options = options;
        this.timings = timings;
    }

    /** The path as the user gave it. */
    public String file() {
        return file;
    }

    public HeapGraph graph() {
        return graph;
    }

    public DominatorTree dominatorTree() {
        return tree;
    }

    public ClassHistogram histogram() {
        return histogram;
    }

    public AnalysisOptions options() {
        return options;
    }

    public PhaseTimings timings() {
        return timings;
    }

    /** Whether this snapshot was rebuilt from the index cache or saved to it, with any warning of the cache. */
    public IndexCacheUse indexCache() {
        return indexCache;
    }

    void recordIndexCache(IndexCacheUse use) {
        indexCache = use;
    }

    void deferIndexCacheCheck(IndexCacheCheck check) {
        synchronized (checkLock) {
            pendingCheck = check;
        }
    }

    /**
     * Checks the index-cache entry this snapshot was reopened from, when that was left for later
     * ({@link SnapshotLoader#loadUnsavedKeepingEntryMapped}); nothing to do otherwise, or once checked. Callers
     * run it before trusting the graph beyond what is shown at once (the app: before searching the suspects);
     * concurrent callers wait for the one check. Performance: one sequential read of most of the entry.
     *
     * @throws DamagedIndexCacheEntryException when the entry is damaged: it is deleted, and this snapshot is to
     *     be replaced by a fresh analysis of the dump (every later call throws the same)
     */
    public void checkIndexCacheEntry() throws DamagedIndexCacheEntryException {
        synchronized (checkLock) {
            if (damage != null) {
                throw damage;
            }
            IndexCacheCheck check = pendingCheck;
            if (check == null) {
                return;
            }
            try {
                check.run();
            } catch (DamagedIndexCacheEntryException e) {
                damage = e;
                throw e;
            } finally {
                pendingCheck = null;
            }
        }
    }

    void deferIndexCacheSave(IndexCache cache) {
        pendingSave.set(cache);
    }

    /**
     * Writes the index cache entry that {@link SnapshotLoader#loadUnsaved} left for later, if any, so that
     * the next load of the dump skips the analysis; then {@link #indexCache()} says how it went. Writing
     * costs about as long as reading the entry back saves on a large dump minus the analysis: callers do it
     * after showing the results, or start it early with {@link #startIndexCacheSave()}, and this waits for it.
     * Performance: one sequential write of about the dump's size.
     */
    public void saveToIndexCache() {
        IndexCache cache = pendingSave.getAndSet(null);
        if (cache != null) {
            cache.save(this);
        }
        awaitBackgroundSave();
    }

    /**
     * Starts writing the pending index cache entry on a background thread, so that the write overlaps the
     * work the user waits for (shortest paths, leak detectors, printing) instead of following it; the
     * snapshot is only read meanwhile. {@link #saveToIndexCache()} and {@link #close()} wait for it, so
     * the entry is complete or, written into a temporary directory until renamed, absent.
     */
    public void startIndexCacheSave() {
        IndexCache cache = pendingSave.getAndSet(null);
        if (cache == null) {
            return;
        }
        Thread writer = new Thread(() -> saveReportingFailure(cache), "heapdelta-index-cache-write");
        // A JVM that exits mid-write leaves only the temporary directory, which pruning removes.
        writer.setDaemon(true);
        backgroundSave = writer;
        writer.start();
    }

    private void saveReportingFailure(IndexCache cache) {
        try {
            cache.save(this);
        } catch (RuntimeException | OutOfMemoryError e) {
            recordIndexCache(new IndexCacheUse(IndexCacheUse.Status.NOT_SAVED, null, "index cache: not saved: " + e));
        }
    }

    private void awaitBackgroundSave() {
        Thread writer = backgroundSave;
        if (writer == null) {
            return;
        }
        // The graph may not be closed under the writer: an interrupt waits for it, then stays set.
        UninterruptibleJoin.await(writer);
        backgroundSave = null;
    }

    public HeapFormat format() {
        return graph.format();
    }

    /** Objects in the analysis: the reachable ones, plus any attached on request (all nodes for V8). */
    public int objectCount() {
        return tree.reachableCount();
    }

    public int unreachableObjectCount() {
        return tree.unreachableCount();
    }

    /**
     * The shallow bytes of the objects in the analysis. For HPROF this adds MAT's pseudo object for the
     * bootstrap class loader, which MAT's used heap counts although it is no object of the dump.
     */
    public long totalShallowBytes() {
        return tree.retainedSizeOf(tree.virtualRoot())
                + graph.info().statistics().getOrDefault(DumpInfo.MAT_BOOTSTRAP_LOADER_BYTES, 0L);
    }

    /** HPROF: reachable class objects. V8: class keys with at least one node. */
    public int classCount() {
        if (graph.format() == HeapFormat.V8) {
            int count = 0;
            for (int c = 0; c < graph.classCount(); c++) {
                if (histogram.count(c) > 0) {
                    count++;
                }
            }
            return count;
        }
        int count = 0;
        for (int c = 0; c < graph.classCount(); c++) {
            int classObject = graph.heapClass(c).classObject();
            if (classObject >= 0 && tree.isReachable(classObject)) {
                count++;
            }
        }
        return count;
    }

    /** Distinct GC-root objects, counted as MAT (HPROF) or as the {@code (GC roots)} children (V8). */
    public int gcRootCount() {
        BitSet roots = new BitSet();
        if (graph.format() == HeapFormat.V8) {
            for (int r = 0; r < graph.rootRecordCount(); r++) {
                if (graph.rootKind(r) == RootKind.V8_GC_ROOT) {
                    roots.set(graph.rootObject(r));
                }
            }
            return roots.cardinality();
        }
        for (int i = 0; i < graph.entryCount(); i++) {
            roots.set(graph.entryObject(i));
        }
        return roots.cardinality();
    }

    /** The object the top dominators hang from: V8's synthetic root, or HPROF's virtual root. */
    public int dominatorRoot() {
        return graph.syntheticRoot() >= 0 ? graph.syntheticRoot() : tree.virtualRoot();
    }

    /** The children of the dominator root, by descending retained size (MAT's {@code dom} rows). */
    public int[] topDominators(int limit) {
        // The root can have millions of children: select the few asked for, never sort them all, and
        // without child lists a summary has dropped.
        return tree.largestChildren(dominatorRoot(), limit);
    }

    /** The objects with the largest retained size anywhere in the tree (MAT's {@code big} rows). */
    public int[] biggestObjects(int limit) {
        int[] biggest = biggestObjects;
        if (biggest == null || (biggest.length < limit && biggest.length == biggestLimit)) {
            // One pass over the heap per larger request: detectors ask for the same list many times.
            int syntheticRoot = graph.syntheticRoot();
            int wanted = Math.max(limit, BIGGEST_OBJECTS_KEPT);
            biggest = TopObjects.largest(wanted, graph.objectCount(), tree::retainedSizeOf,
                    o -> o != syntheticRoot && tree.isReachable(o));
            biggestLimit = wanted;
            biggestObjects = biggest;
        }
        return java.util.Arrays.copyOf(biggest, Math.min(limit, biggest.length));
    }

    public ShortestPaths shortestPaths() {
        ShortestPaths paths = shortestPaths;
        if (paths == null) {
            synchronized (this) {
                paths = shortestPaths;
                if (paths == null) {
                    paths = ShortestPaths.of(graph);
                    shortestPaths = paths;
                }
            }
        }
        return paths;
    }

    /**
     * The shortest paths that avoid {@code exclusions}: {@link #shortestPaths()} for the defaults, else a
     * breadth-first search of the whole graph of its own (the last one is kept).
     */
    public ShortestPaths shortestPaths(PathExclusions exclusions) {
        if (exclusions.isDefault()) {
            return shortestPaths();
        }
        ExcludedPaths last = lastExcludedPaths;
        if (last != null && last.exclusions().equals(exclusions)) {
            return last.paths();
        }
        ShortestPaths paths = ShortestPaths.of(graph, exclusions);
        lastExcludedPaths = new ExcludedPaths(exclusions, paths);
        return paths;
    }

    public PathKeys pathKeys() {
        PathKeys keys = pathKeys;
        if (keys == null) {
            keys = new PathKeys(graph);
            pathKeys = keys;
        }
        return keys;
    }

    /**
     * The path that names {@code object} (its key is read from it): the shortest path from a GC root,
     * except for a V8 object whose shortest path names no variable, where it is the shortest one
     * through a variable when one exists ({@link NamedPaths}): the script's {@code const server}, not
     * the libuv handle one hop from the root. {@link #shortestPathTo} is the other.
     */
    public List<PathStep> pathToRoot(int object) {
        List<PathStep> shortest = shortestPathTo(object);
        if (graph.format() != HeapFormat.V8 || shortest.isEmpty() || pathKeys().namesAnchor(shortest)) {
            return shortest;
        }
        List<PathStep> fromAnchor = namedPaths().pathFromAnchor(object);
        if (fromAnchor.isEmpty() || fromAnchor.get(0).object() == object) {
            // A global object is the holder of its own properties, and one of them leads back to it:
            // that names the property, not the object.
            return shortest;
        }
        List<PathStep> toHolder = shortestPathTo(fromAnchor.get(0).object());
        if (toHolder.isEmpty()) {
            return shortest;
        }
        // The holder's own path may pass through the object: a server's request listener closes over
        // the module scope that declares the server. The walk then shows that loop, every hop real.
        List<PathStep> path = new ArrayList<>(toHolder.subList(0, toHolder.size() - 1));
        path.addAll(fromAnchor);
        return path;
    }

    /** The shortest path from a GC root to {@code object}, root-first, as the paths view shows it. */
    public List<PathStep> shortestPathTo(int object) {
        return shortestPaths().pathTo(object);
    }

    private NamedPaths namedPaths() {
        NamedPaths paths = namedPaths;
        if (paths == null) {
            synchronized (this) {
                paths = namedPaths;
                if (paths == null) {
                    paths = NamedPaths.of(graph, pathKeys(), graph.store());
                    namedPaths = paths;
                }
            }
        }
        return paths;
    }

    public String pathKeyOf(int object) {
        return pathKeys().keyOf(pathToRoot(object));
    }

    /** A display label: {@code class HeapGen} for class objects, a string's start, or empty. */
    public String labelOf(int object) {
        return graph.details().label(object);
    }

    /** The class name as reports show it: {@code java.lang.Class} for HPROF class objects. */
    public String displayClassNameOf(int object) {
        if (graph.format() == HeapFormat.HPROF && graph.kindOf(object) == ObjectKind.CLASS) {
            return "java.lang.Class";
        }
        return graph.classNameOf(object);
    }

    @Override
    public void close() {
        pendingSave.set(null);
        awaitBackgroundSave();
        ShortestPaths paths = shortestPaths;
        if (paths != null) {
            paths.release();
        }
        graph.close();
    }
}
