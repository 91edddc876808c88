package dev.heapdelta.analyzer.graph;

import dev.heapdelta.analyzer.store.ByteColumn;
import dev.heapdelta.analyzer.store.ColumnStore;
import dev.heapdelta.analyzer.store.IntColumn;
import dev.heapdelta.analyzer.store.LongColumn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The one format-neutral place where readers put what they read. The object count is fixed up
 * front and objects may arrive in any order; the edges arrive at once, already in CSR form ({@link
 * #adoptEdges}), from the reader's own collector. Every per-object and per-edge column comes from the
 * builder's {@link ColumnStore}, so that a mapped store keeps the whole graph out of the Java heap.
 */
public final class HeapGraphBuilder {
    static final int LARGE_SIZE_MARKER = Integer.MIN_VALUE;
    /** A compact record offset is an unsigned int; all ones means "no record". */
    static final long COMPACT_OFFSET_NONE = 0xffffffffL;

    private final Parts parts = new Parts();
    private final boolean withEdgeLabels;
    private final GrowableIntColumn rootObjects = new GrowableIntColumn();
    private final GrowableByteColumn rootKinds = new GrowableByteColumn();
    private final GrowableIntColumn rootThreads = new GrowableIntColumn();
    private final LinkedHashSet<Integer> entries = new LinkedHashSet<>();
    private boolean adoptedEdges;

    /**
     * @param withRecordOffsets keep a file offset per object (HPROF)
     * @param withNames keep a string-table index per object (V8)
     * @param withEdgeLabels keep a label per edge (V8); otherwise {@link ObjectDetails} resolves them
     */
    public HeapGraphBuilder(HeapFormat format, int objectCount, boolean withRecordOffsets, boolean withNames,
            boolean withEdgeLabels) {
        this(format, objectCount, withRecordOffsets, withNames, withEdgeLabels, ColumnStore.onHeap());
    }

    /** Like the other constructor, with every column in {@code store}. */
    public HeapGraphBuilder(HeapFormat format, int objectCount, boolean withRecordOffsets, boolean withNames,
            boolean withEdgeLabels, ColumnStore store) {
        this(format, objectCount, withRecordOffsets ? Long.MAX_VALUE : -1, withNames, withEdgeLabels, store);
    }

    /**
     * Like the other constructor, with record offsets when {@code largestRecordOffset >= 0}: offsets
     * below 4 GiB - 1 are kept in 4 bytes instead of 8 (150 MB less on 38 M objects).
     */
    public HeapGraphBuilder(HeapFormat format, int objectCount, long largestRecordOffset, boolean withNames,
            boolean withEdgeLabels) {
        this(format, objectCount, largestRecordOffset, withNames, withEdgeLabels, ColumnStore.onHeap());
    }

    /** Like the other constructor, with every column in {@code store}. */
    public HeapGraphBuilder(HeapFormat format, int objectCount, long largestRecordOffset, boolean withNames,
            boolean withEdgeLabels, ColumnStore store) {
        this(format, objectCount, largestRecordOffset, withNames, withEdgeLabels, store, null);
    }

    /**
     * Like the other constructor; when {@code ids} is not null, the objects' ids are its ranks and the
     * builder keeps no id column ({@link #setObject} then ignores its {@code id}).
     */
    public HeapGraphBuilder(HeapFormat format, int objectCount, long largestRecordOffset, boolean withNames,
            boolean withEdgeLabels, ColumnStore store, RankBitmapIds ids) {
        this(format, objectCount, store, withEdgeLabels);
        if (objectCount < 0) {
            throw new IllegalArgumentException("negative object count " + objectCount);
        }
        if (ids != null && ids.size() != objectCount) {
            throw new IllegalArgumentException(ids.size() + " ids for " + objectCount + " objects");
        }
        parts.rankedIds = ids;
        parts.idByObject = ids == null ? store.longs("object-ids", objectCount) : null;
        parts.classByObject = store.ints("object-classes", objectCount);
        parts.shallowSizeByObject = store.ints("object-shallow-sizes", objectCount);
        parts.kindByObject = store.bytes("object-kinds", objectCount);
        boolean compactOffsets = largestRecordOffset >= 0 && largestRecordOffset < COMPACT_OFFSET_NONE;
        parts.recordOffsetByObject = largestRecordOffset >= 0 && !compactOffsets
                ? store.longs("object-record-offsets", objectCount) : null;
        parts.compactRecordOffsetByObject = compactOffsets ? store.ints("object-record-offsets", objectCount) : null;
        parts.nameByObject = withNames ? store.ints("object-names", objectCount) : null;
    }

    private HeapGraphBuilder(HeapFormat format, int objectCount, ColumnStore store, boolean withEdgeLabels) {
        parts.format = format;
        parts.objectCount = Math.max(0, objectCount);
        parts.store = store;
        this.withEdgeLabels = withEdgeLabels;
    }

    /**
     * A builder that adopts the reader's own id, class and name columns instead of copying them (V8:
     * saves columns' worth of memory at the peak), and a work array of the reader's whose contents
     * do not matter as the shallow-size column, which {@link #setObject} then fills for every object.
     * The arrays must not be changed by the caller afterwards; their length is the object count.
     */
    public static HeapGraphBuilder adoptingColumns(HeapFormat format, long[] idByObject, int[] classByObject,
            int[] nameByObject, int[] shallowSizeColumn, boolean withEdgeLabels) {
        return adoptingColumns(format, idByObject, classByObject, nameByObject, shallowSizeColumn, withEdgeLabels,
                ColumnStore.onHeap());
    }

    /**
     * As above, with the store that the graph's analyses (dominators, paths) will allocate from: the
     * adopted arrays stay on the heap where the reader made them, but what is computed from them can go
     * out of core.
     */
    public static HeapGraphBuilder adoptingColumns(HeapFormat format, long[] idByObject, int[] classByObject,
            int[] nameByObject, int[] shallowSizeColumn, boolean withEdgeLabels, ColumnStore store) {
        int objectCount = idByObject.length;
        if (classByObject.length != objectCount || (nameByObject != null && nameByObject.length != objectCount)
                || shallowSizeColumn.length != objectCount) {
            throw new IllegalArgumentException("object columns of different lengths");
        }
        return new HeapGraphBuilder(format, idByObject, classByObject, nameByObject, shallowSizeColumn,
                withEdgeLabels, store);
    }

    private HeapGraphBuilder(HeapFormat format, long[] idByObject, int[] classByObject, int[] nameByObject,
            int[] shallowSizeColumn, boolean withEdgeLabels, ColumnStore store) {
        this(format, idByObject.length, store, withEdgeLabels);
        parts.idByObject = LongColumn.wrap(idByObject);
        parts.classByObject = IntColumn.wrap(classByObject);
        parts.shallowSizeByObject = IntColumn.wrap(shallowSizeColumn);
        parts.kindByObject = ByteColumn.wrap(new byte[idByObject.length]);
        parts.recordOffsetByObject = null;
        parts.nameByObject = nameByObject == null ? null : IntColumn.wrap(nameByObject);
    }

    /** Where the builder's columns live. */
    public ColumnStore store() {
        return parts.store;
    }

    public int objectCount() {
        return parts.objectCount;
    }

    public void setObject(int object, long id, int classIndex, long shallowSize, ObjectKind kind) {
        LongColumn ids = parts.idByObject;
        if (ids != null) {
            ids.set(object, id);
        }
        parts.classByObject.set(object, classIndex);
        setShallowSize(object, shallowSize);
        parts.kindByObject.set(object, kind.code());
    }

    public void setShallowSize(int object, long shallowSize) {
        if (shallowSize >= 0 && shallowSize < Integer.MAX_VALUE) {
            parts.shallowSizeByObject.set(object, (int) shallowSize);
        } else {
            parts.shallowSizeByObject.set(object, LARGE_SIZE_MARKER);
            parts.largeShallowSizeByObject.put(object, Math.max(0, shallowSize));
        }
    }

    public long shallowSizeOf(int object) {
        int size = parts.shallowSizeByObject.get(object);
        return size == LARGE_SIZE_MARKER ? parts.largeShallowSizeByObject.get(object) : size;
    }

    public int classOf(int object) {
        return parts.classByObject.get(object);
    }

    public long idOf(int object) {
        return parts.idByObject != null ? parts.idByObject.get(object) : parts.rankedIds.idOf(object);
    }

    public void setRecordOffset(int object, long offset) {
        if (parts.compactRecordOffsetByObject != null) {
            if (offset >= COMPACT_OFFSET_NONE) {
                throw new IllegalArgumentException("record offset " + offset + " beyond the declared largest");
            }
            parts.compactRecordOffsetByObject.set(object, offset < 0 ? -1 : (int) offset);
        } else {
            parts.recordOffsetByObject.set(object, offset);
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
     * Takes the whole CSR edge set (V8, whose edges already come in object order). The arrays are
     * adopted, not copied. A graph whose edges are never adopted has none.
     *
     * @param firstEdgeByObject object count + 1 offsets; the edges of {@code o} are {@code
     *     firstEdgeByObject[o] .. firstEdgeByObject[o + 1] - 1}
     * @param labelByEdge null when the builder keeps no labels
     */
    public void adoptEdges(int[] firstEdgeByObject, int[] targetByEdge, byte[] kindByEdge, int[] labelByEdge) {
        adoptEdges(IntColumn.wrap(firstEdgeByObject), IntColumn.wrap(targetByEdge), ByteColumn.wrap(kindByEdge),
                labelByEdge == null ? null : IntColumn.wrap(labelByEdge));
    }

    /** {@link #adoptEdges(int[], int[], byte[], int[])} over columns (HPROF, whose columns may be mapped). */
    public void adoptEdges(IntColumn firstEdgeByObject, IntColumn targetByEdge, ByteColumn kindByEdge,
            IntColumn labelByEdge) {
        if (adoptedEdges) {
            throw new IllegalStateException("edges adopted twice");
        }
        if (firstEdgeByObject.length() != parts.objectCount + 1
                || firstEdgeByObject.get(parts.objectCount) != targetByEdge.length()
                || kindByEdge.length() != targetByEdge.length()
                || (labelByEdge != null && labelByEdge.length() != targetByEdge.length())) {
            throw new IllegalArgumentException("inconsistent CSR edge arrays");
        }
        adoptedEdges = true;
        parts.firstEdgeByObject = firstEdgeByObject;
        parts.targetByEdge = targetByEdge;
        parts.kindByEdge = kindByEdge;
        parts.labelByEdge = withEdgeLabels ? labelByEdge : null;
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
        if (!adoptedEdges) {
            adoptEdges(parts.store.ints("first-edges", parts.objectCount + 1), IntColumn.wrap(new int[0]),
                    ByteColumn.wrap(new byte[0]), IntColumn.wrap(new int[0]));
        }
        parts.objectByRoot = rootObjects.toArray();
        parts.kindByRoot = rootKinds.toArray();
        parts.threadByRoot = rootThreads.toArray();
        parts.entryObjects = entries.stream().mapToInt(Integer::intValue).toArray();
        parts.buildNanos = System.nanoTime() - started;
        return new HeapGraph(parts, details, info);
    }

    /** The columns handed to {@link HeapGraph}; package-private so nothing else can write them. */
    static final class Parts {
        HeapFormat format;
        int objectCount;
        /** Null when {@link #rankedIds} gives the ids. */
        LongColumn idByObject;
        RankBitmapIds rankedIds;
        IntColumn classByObject;
        IntColumn shallowSizeByObject;
        final Map<Integer, Long> largeShallowSizeByObject = new HashMap<>();
        ByteColumn kindByObject;
        LongColumn recordOffsetByObject;
        /** Instead of {@link #recordOffsetByObject} when every offset fits in an unsigned int. */
        IntColumn compactRecordOffsetByObject;
        IntColumn nameByObject;
        IntColumn firstEdgeByObject;
        IntColumn targetByEdge;
        ByteColumn kindByEdge;
        IntColumn labelByEdge;
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
