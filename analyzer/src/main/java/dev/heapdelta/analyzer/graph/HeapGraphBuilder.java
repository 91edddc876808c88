package dev.heapdelta.analyzer.graph;

import dev.heapdelta.analyzer.store.ColumnStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The one format-neutral place where readers put what they read. The object count is fixed up
 * front; objects and their edges may arrive in any order, and one object's edges may arrive in
 * several runs (an HPROF thread gets its frame locals after its own record).
 */
public final class HeapGraphBuilder {
    static final int LARGE_SIZE_MARKER = Integer.MIN_VALUE;
    /** A compact record offset is an unsigned int; all ones means "no record". */
    static final long COMPACT_OFFSET_NONE = 0xffffffffL;

    private final Parts parts = new Parts();
    private final GrowableIntArray sourceByRun = new GrowableIntArray();
    private final GrowableIntArray lengthByRun = new GrowableIntArray();
    private final GrowableIntArray targets = new GrowableIntArray();
    private final GrowableByteArray kinds = new GrowableByteArray();
    private final GrowableIntArray labels;
    private final GrowableIntArray rootObjects = new GrowableIntArray();
    private final GrowableByteArray rootKinds = new GrowableByteArray();
    private final GrowableIntArray rootThreads = new GrowableIntArray();
    private final LinkedHashSet<Integer> entries = new LinkedHashSet<>();
    private int currentRunLength = -1;
    private boolean runsAscending = true;
    private int lastRunSource = -1;
    private boolean adoptedEdges;

    /**
     * @param withRecordOffsets keep a file offset per object (HPROF)
     * @param withNames keep a string-table index per object (V8)
     * @param withEdgeLabels keep a label per edge (V8); otherwise {@link ObjectDetails} resolves them
     */
    public HeapGraphBuilder(HeapFormat format, int objectCount, boolean withRecordOffsets, boolean withNames,
            boolean withEdgeLabels) {
        this(format, objectCount, withRecordOffsets ? Long.MAX_VALUE : -1, withNames, withEdgeLabels);
    }

    /**
     * Like the other constructor, with record offsets when {@code largestRecordOffset >= 0}: offsets
     * below 4 GiB - 1 are kept in 4 bytes instead of 8 (150 MB less on 38 M objects).
     */
    public HeapGraphBuilder(HeapFormat format, int objectCount, long largestRecordOffset, boolean withNames,
            boolean withEdgeLabels) {
        if (objectCount < 0) {
            throw new IllegalArgumentException("negative object count " + objectCount);
        }
        parts.format = format;
        parts.objectCount = objectCount;
        parts.idByObject = new long[objectCount];
        parts.classByObject = new int[objectCount];
        parts.shallowSizeByObject = new int[objectCount];
        parts.kindByObject = new byte[objectCount];
        boolean compactOffsets = largestRecordOffset >= 0 && largestRecordOffset < COMPACT_OFFSET_NONE;
        parts.recordOffsetByObject = largestRecordOffset >= 0 && !compactOffsets ? new long[objectCount] : null;
        parts.compactRecordOffsetByObject = compactOffsets ? new int[objectCount] : null;
        parts.nameByObject = withNames ? new int[objectCount] : null;
        labels = withEdgeLabels ? new GrowableIntArray() : null;
    }

    /**
     * A builder that adopts the reader's own id, class and name columns instead of copying them (V8:
     * saves columns' worth of memory at the peak), and a work array of the reader's whose contents
     * do not matter as the shallow-size column, which {@link #setObject} then fills for every object.
     * The arrays must not be changed by the caller afterwards; their length is the object count.
     */
    public static HeapGraphBuilder adoptingColumns(HeapFormat format, long[] idByObject, int[] classByObject,
            int[] nameByObject, int[] shallowSizeColumn, boolean withEdgeLabels) {
        int objectCount = idByObject.length;
        if (classByObject.length != objectCount || (nameByObject != null && nameByObject.length != objectCount)
                || shallowSizeColumn.length != objectCount) {
            throw new IllegalArgumentException("object columns of different lengths");
        }
        return new HeapGraphBuilder(format, idByObject, classByObject, nameByObject, shallowSizeColumn,
                withEdgeLabels);
    }

    private HeapGraphBuilder(HeapFormat format, long[] idByObject, int[] classByObject, int[] nameByObject,
            int[] shallowSizeColumn, boolean withEdgeLabels) {
        int objectCount = idByObject.length;
        parts.format = format;
        parts.objectCount = objectCount;
        parts.idByObject = idByObject;
        parts.classByObject = classByObject;
        parts.shallowSizeByObject = shallowSizeColumn;
        parts.kindByObject = new byte[objectCount];
        parts.recordOffsetByObject = null;
        parts.nameByObject = nameByObject;
        labels = withEdgeLabels ? new GrowableIntArray() : null;
    }

    public int objectCount() {
        return parts.objectCount;
    }

    public void setObject(int object, long id, int classIndex, long shallowSize, ObjectKind kind) {
        parts.idByObject[object] = id;
        parts.classByObject[object] = classIndex;
        setShallowSize(object, shallowSize);
        parts.kindByObject[object] = kind.code();
    }

    public void setShallowSize(int object, long shallowSize) {
        if (shallowSize >= 0 && shallowSize < Integer.MAX_VALUE) {
            parts.shallowSizeByObject[object] = (int) shallowSize;
        } else {
            parts.shallowSizeByObject[object] = LARGE_SIZE_MARKER;
            parts.largeShallowSizeByObject.put(object, Math.max(0, shallowSize));
        }
    }

    public long shallowSizeOf(int object) {
        int size = parts.shallowSizeByObject[object];
        return size == LARGE_SIZE_MARKER ? parts.largeShallowSizeByObject.get(object) : size;
    }

    public int classOf(int object) {
        return parts.classByObject[object];
    }

    public long idOf(int object) {
        return parts.idByObject[object];
    }

    public void setRecordOffset(int object, long offset) {
        if (parts.compactRecordOffsetByObject != null) {
            if (offset >= COMPACT_OFFSET_NONE) {
                throw new IllegalArgumentException("record offset " + offset + " beyond the declared largest");
            }
            parts.compactRecordOffsetByObject[object] = offset < 0 ? -1 : (int) offset;
        } else {
            parts.recordOffsetByObject[object] = offset;
        }
    }

    /** Adds a class and returns its class index. */
    public int addClass(HeapClass heapClass) {
        parts.classes.add(heapClass);
        return parts.classes.size() - 1;
    }

    public int classCount() {
        return parts.classes.size();
    }

    public HeapClass heapClass(int classIndex) {
        return parts.classes.get(classIndex);
    }

    /** Starts a run of outgoing edges of {@code source}; the following {@link #addEdge} calls belong to it. */
    public void beginEdges(int source) {
        closeRun();
        if (source <= lastRunSource) {
            runsAscending = false;
        }
        lastRunSource = source;
        sourceByRun.add(source);
        currentRunLength = 0;
    }

    public void addEdge(int target, EdgeKind kind, int label) {
        if (currentRunLength < 0) {
            throw new IllegalStateException("addEdge before beginEdges");
        }
        targets.add(target);
        kinds.add(kind.code());
        if (labels != null) {
            labels.add(label);
        }
        currentRunLength++;
    }

    public long edgeCount() {
        return targets.size();
    }

    private void closeRun() {
        if (currentRunLength >= 0) {
            lengthByRun.add(currentRunLength);
            currentRunLength = -1;
        }
    }

    /** Records one GC-root record; several records may name the same object. */
    public void addRoot(int object, RootKind kind, int threadObject) {
        rootObjects.add(object);
        rootKinds.add((byte) kind.ordinal());
        rootThreads.add(threadObject);
    }

    /** Marks an object as an entry of the dominator tree (see {@link HeapGraph#entryObjects()}). */
    public void addEntry(int object) {
        entries.add(object);
    }

    /** V8: the synthetic root node. */
    public void setSyntheticRoot(int object) {
        parts.syntheticRoot = object;
    }

    /**
     * Takes a whole CSR edge set at once instead of runs (V8, whose edges already come in object
     * order). The arrays are adopted, not copied; no {@link #beginEdges} may be used with it.
     *
     * @param firstEdgeByObject object count + 1 offsets; the edges of {@code o} are {@code
     *     firstEdgeByObject[o] .. firstEdgeByObject[o + 1] - 1}
     * @param labelByEdge null when the builder keeps no labels
     */
    public void adoptEdges(int[] firstEdgeByObject, int[] targetByEdge, byte[] kindByEdge, int[] labelByEdge) {
        if (sourceByRun.size() > 0 || currentRunLength >= 0) {
            throw new IllegalStateException("adoptEdges after beginEdges");
        }
        if (firstEdgeByObject.length != parts.objectCount + 1
                || firstEdgeByObject[parts.objectCount] != targetByEdge.length
                || kindByEdge.length != targetByEdge.length
                || (labelByEdge != null && labelByEdge.length != targetByEdge.length)) {
            throw new IllegalArgumentException("inconsistent CSR edge arrays");
        }
        adoptedEdges = true;
        parts.firstEdgeByObject = firstEdgeByObject;
        parts.targetByEdge = targetByEdge;
        parts.kindByEdge = kindByEdge;
        parts.labelByEdge = labels == null ? null : labelByEdge;
    }

    /**
     * Marks edges that never retain under the format's own tool, beyond what their kind says (V8:
     * DevTools' WeakMap-table edges and its debugger-to-page edges). Bit {@code e} of {@code
     * neverRetainingEdgeBits} is edge {@code e} of the built graph; only valid with {@link #adoptEdges}.
     */
    public void setNeverRetainingEdges(long[] neverRetainingEdgeBits) {
        parts.neverRetainingEdgeBits = neverRetainingEdgeBits;
    }

    /** Builds the graph; the builder must not be used afterwards. */
    public HeapGraph build(HeapGraph.ObjectDetailsFactory details, DumpInfo info) {
        long started = System.nanoTime();
        closeRun();
        if (!adoptedEdges) {
            buildEdgeArrays();
        }
        parts.objectByRoot = rootObjects.toArray();
        parts.kindByRoot = rootKinds.toArray();
        parts.threadByRoot = rootThreads.toArray();
        parts.entryObjects = entries.stream().mapToInt(Integer::intValue).toArray();
        parts.buildNanos = System.nanoTime() - started;
        return new HeapGraph(parts, details, info);
    }

    private void buildEdgeArrays() {
        int n = parts.objectCount;
        long edgeTotal = targets.size();
        if (edgeTotal > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("more than 2^31 edges: " + edgeTotal);
        }
        int[] first = new int[n + 1];
        long runs = sourceByRun.size();
        for (long r = 0; r < runs; r++) {
            first[sourceByRun.get(r) + 1] += lengthByRun.get(r);
        }
        for (int o = 0; o < n; o++) {
            first[o + 1] += first[o];
        }
        parts.firstEdgeByObject = first;
        if (runsAscending) {
            // Runs arrived in object order: the collected arrays already are the CSR arrays.
            parts.targetByEdge = targets.toArray();
            targets.clear();
            parts.kindByEdge = kinds.toArray();
            parts.labelByEdge = labels == null ? null : labels.toArray();
        } else {
            int[] cursor = java.util.Arrays.copyOf(first, n);
            int[] targetByEdge = new int[(int) edgeTotal];
            byte[] kindByEdge = new byte[(int) edgeTotal];
            int[] labelByEdge = labels == null ? null : new int[(int) edgeTotal];
            long read = 0;
            for (long r = 0; r < runs; r++) {
                int source = sourceByRun.get(r);
                int length = lengthByRun.get(r);
                int slot = cursor[source];
                for (int i = 0; i < length; i++, read++, slot++) {
                    targetByEdge[slot] = targets.get(read);
                    kindByEdge[slot] = kinds.get(read);
                    if (labelByEdge != null) {
                        labelByEdge[slot] = labels.get(read);
                    }
                }
                cursor[source] = slot;
            }
            parts.targetByEdge = targetByEdge;
            parts.kindByEdge = kindByEdge;
            parts.labelByEdge = labelByEdge;
        }
        targets.clear();
        kinds.clear();
        if (labels != null) {
            labels.clear();
        }
        sourceByRun.clear();
        lengthByRun.clear();
    }


    /** The arrays handed to {@link HeapGraph}; package-private so nothing else can write them. */
    static final class Parts {
        HeapFormat format;
        int objectCount;
        long[] idByObject;
        int[] classByObject;
        int[] shallowSizeByObject;
        final Map<Integer, Long> largeShallowSizeByObject = new HashMap<>();
        byte[] kindByObject;
        long[] recordOffsetByObject;
        /** Instead of {@link #recordOffsetByObject} when every offset fits in an unsigned int. */
        int[] compactRecordOffsetByObject;
        int[] nameByObject;
        int[] firstEdgeByObject;
        int[] targetByEdge;
        byte[] kindByEdge;
        int[] labelByEdge;
        long[] neverRetainingEdgeBits;
        int[] objectByRoot;
        byte[] kindByRoot;
        int[] threadByRoot;
        int[] entryObjects;
        int syntheticRoot = -1;
        long buildNanos;
        final List<HeapClass> classes = new ArrayList<>();
        /** Where the columns live; the analyses of the graph allocate theirs here too. */
        ColumnStore store = ColumnStore.onHeap();
    }
}
