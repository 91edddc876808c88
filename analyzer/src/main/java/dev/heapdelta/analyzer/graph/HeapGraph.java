package dev.heapdelta.analyzer.graph;

import dev.heapdelta.analyzer.store.ByteColumn;
import dev.heapdelta.analyzer.store.ColumnStore;
import dev.heapdelta.analyzer.store.IntColumn;
import dev.heapdelta.analyzer.store.LongColumn;
import java.util.List;
import java.util.Map;

/**
 * One heap dump as a compact object graph, the same model for HPROF and V8.
 *
 * <p>Objects are dense indexes {@code 0..objectCount()-1} into parallel primitive columns, on the heap
 * or mapped out of core ({@link #store()}). Outgoing
 * references are in CSR form: the edges of object {@code o} are {@code firstEdge(o) ..
 * firstEdge(o + 1) - 1}. Incoming references are built on first use. Only {@link HeapGraphBuilder}
 * creates a graph, and nothing writes its arrays afterwards.
 */
public final class HeapGraph implements AutoCloseable {
    /** What the builder handed over; the fields below are its contents, read in hot loops. */
    private final HeapGraphBuilder.Parts parts;
    private final HeapFormat format;
    private final int objectCount;
    /** Null when {@link #rankedIds} gives the ids (HPROF read with a rank-bitmap address index). */
    private final LongColumn idByObject;
    private final RankBitmapIds rankedIds;
    private final IntColumn classByObject;
    private final IntColumn shallowSizeByObject;
    private final Map<Integer, Long> largeShallowSizeByObject;
    private final ByteColumn kindByObject;
    private final LongColumn recordOffsetByObject;
    private final IntColumn compactRecordOffsetByObject;
    private final IntColumn nameByObject;
    private final IntColumn firstEdgeByObject;
    private final int edgeCount;
    private final IntColumn targetByEdge;
    private final ByteColumn kindByEdge;
    private final IntColumn labelByEdge;
    private final long[] neverRetainingEdgeBits;
    private final int[] objectByRoot;
    private final byte[] kindByRoot;
    private final int[] threadByRoot;
    private final int[] entryObjects;
    private final int syntheticRoot;
    private final List<HeapClass> classes;
    private final DumpInfo info;
    private final ObjectDetails details;
    private final boolean idsAscending;
    private final long buildNanos;
    private final ColumnStore store;

    private volatile IntColumn objectsByAscendingId;
    private volatile IncomingEdges incoming;

    HeapGraph(HeapGraphBuilder.Parts parts, ObjectDetailsFactory detailsFactory, DumpInfo info) {
        this.parts = parts;
        this.format = parts.format;
        this.objectCount = parts.objectCount;
        this.idByObject = parts.idByObject;
        this.rankedIds = parts.rankedIds;
        this.classByObject = parts.classByObject;
        this.shallowSizeByObject = parts.shallowSizeByObject;
        this.largeShallowSizeByObject = parts.largeShallowSizeByObject;
        this.kindByObject = parts.kindByObject;
        this.recordOffsetByObject = parts.recordOffsetByObject;
        this.compactRecordOffsetByObject = parts.compactRecordOffsetByObject;
        this.nameByObject = parts.nameByObject;
        this.firstEdgeByObject = parts.firstEdgeByObject;
        this.edgeCount = firstEdgeByObject.get(objectCount);
        this.targetByEdge = parts.targetByEdge;
        this.kindByEdge = parts.kindByEdge;
        this.labelByEdge = parts.labelByEdge;
        this.neverRetainingEdgeBits = parts.neverRetainingEdgeBits;
        this.objectByRoot = parts.objectByRoot;
        this.kindByRoot = parts.kindByRoot;
        this.threadByRoot = parts.threadByRoot;
        this.entryObjects = parts.entryObjects;
        this.syntheticRoot = parts.syntheticRoot;
        this.classes = List.copyOf(parts.classes);
        this.info = info;
        this.idsAscending = idByObject == null || isAscending(idByObject, objectCount);
        this.buildNanos = parts.buildNanos;
        this.store = parts.store;
        this.details = detailsFactory.create(this);
    }

    /** The graph's arrays as the builder handed them over, for {@link GraphImage} to save. */
    HeapGraphBuilder.Parts toParts() {
        return parts;
    }

    /** Creates the format's {@link ObjectDetails} once the graph it describes exists. */
    @FunctionalInterface
    public interface ObjectDetailsFactory {
        ObjectDetails create(HeapGraph graph);
    }

    public HeapFormat format() {
        return format;
    }

    public DumpInfo info() {
        return info;
    }

    public ObjectDetails details() {
        return details;
    }

    /** How long the builder took to turn what the reader collected into this graph's arrays. */
    public long buildNanos() {
        return buildNanos;
    }

    /**
     * Where this graph's columns live, on the heap or mapped out of core: analyses of the graph
     * (dominators, paths) allocate their per-object columns from the same store.
     */
    public ColumnStore store() {
        return store;
    }

    public int objectCount() {
        return objectCount;
    }

    public int edgeCount() {
        return edgeCount;
    }

    /** The HPROF address or the V8 node id. */
    public long idOf(int object) {
        LongColumn ids = idByObject;
        return ids != null ? ids.get(object) : rankedIds.idOf(object);
    }

    public int classOf(int object) {
        return classByObject.get(object);
    }

    public long shallowSizeOf(int object) {
        int size = shallowSizeByObject.get(object);
        if (size == HeapGraphBuilder.LARGE_SIZE_MARKER) {
            return largeShallowSizeByObject.get(object);
        }
        return size;
    }

    public ObjectKind kindOf(int object) {
        return ObjectKind.ofCode(kindByObject.get(object));
    }

    /** HPROF: the file offset of the object's record; -1 where the format has none. */
    public long recordOffsetOf(int object) {
        if (compactRecordOffsetByObject != null) {
            long offset = compactRecordOffsetByObject.get(object) & 0xffffffffL;
            return offset == HeapGraphBuilder.COMPACT_OFFSET_NONE ? -1 : offset;
        }
        return recordOffsetByObject == null ? -1 : recordOffsetByObject.get(object);
    }

    /** V8: the node's name as an index into the snapshot's string table; -1 where the format has none. */
    public int nameIndexOf(int object) {
        return nameByObject == null ? -1 : nameByObject.get(object);
    }

    public int firstEdge(int object) {
        return firstEdgeByObject.get(object);
    }

    /** One past the last edge of {@code object}: {@code firstEdge(object + 1)}. */
    public int endEdge(int object) {
        return firstEdgeByObject.get(object + 1);
    }

    public int edgeTarget(int edge) {
        return targetByEdge.get(edge);
    }

    public EdgeKind edgeKind(int edge) {
        return EdgeKind.ofCode(kindByEdge.get(edge));
    }

    public byte edgeKindCode(int edge) {
        return kindByEdge.get(edge);
    }

    /** The raw label of an edge (V8: a string index or element index); -1 where labels are resolved lazily. */
    public int edgeLabel(int edge) {
        return labelByEdge == null ? -1 : labelByEdge.get(edge);
    }

    /**
     * True for an edge the dump's own tool never counts as retaining, whatever its kind (V8: DevTools'
     * WeakMap-table and debugger-to-page edges). Always false for HPROF.
     */
    public boolean isNeverRetaining(int edge) {
        long[] bits = neverRetainingEdgeBits;
        return bits != null && (bits[edge >>> 6] & (1L << edge)) != 0;
    }

    /** The source object of an edge, by binary search over the CSR offsets. */
    public int edgeSource(int edge) {
        int low = 0;
        int high = objectCount - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (firstEdgeByObject.get(mid) <= edge) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        while (low < objectCount - 1 && firstEdgeByObject.get(low + 1) <= edge) {
            low++;
        }
        return low;
    }

    public int rootRecordCount() {
        return objectByRoot.length;
    }

    public int rootObject(int root) {
        return objectByRoot[root];
    }

    public RootKind rootKind(int root) {
        return RootKind.values()[kindByRoot[root]];
    }

    /** The thread object a root belongs to (Java frame, JNI local), or -1. */
    public int rootThread(int root) {
        return threadByRoot[root];
    }

    /**
     * The distinct objects the dominator tree hangs from a virtual root: the GC roots for HPROF (frame
     * roots of known threads excluded, as MAT attributes them to their thread), the synthetic root for V8.
     */
    public int[] entryObjects() {
        return entryObjects.clone();
    }

    public int entryCount() {
        return entryObjects.length;
    }

    public int entryObject(int i) {
        return entryObjects[i];
    }

    /** V8: the synthetic root node; -1 for HPROF, whose dominator root is virtual. */
    public int syntheticRoot() {
        return syntheticRoot;
    }

    public int classCount() {
        return classes.size();
    }

    public HeapClass heapClass(int classIndex) {
        return classes.get(classIndex);
    }

    public String className(int classIndex) {
        return classes.get(classIndex).name();
    }

    /** The class name of an object, or {@code ?} when its class is unknown. */
    public String classNameOf(int object) {
        int c = classByObject.get(object);
        return c < 0 ? "?" : classes.get(c).name();
    }

    /** Finds an object by its HPROF address or V8 node id; -1 when there is none. */
    public int findObjectById(long id) {
        if (rankedIds != null) {
            return rankedIds.objectOf(id);
        }
        IntColumn order = idsAscending ? null : ascendingIdOrder();
        int low = 0;
        int high = objectCount - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int object = order == null ? mid : order.get(mid);
            long midId = idByObject.get(object);
            if (midId < id) {
                low = mid + 1;
            } else if (midId > id) {
                high = mid - 1;
            } else {
                return object;
            }
        }
        return -1;
    }

    private IntColumn ascendingIdOrder() {
        IntColumn order = objectsByAscendingId;
        if (order == null) {
            synchronized (this) {
                order = objectsByAscendingId;
                if (order == null) {
                    order = PrimitiveSort.indexesByKey(idByObject, objectCount, store);
                    objectsByAscendingId = order;
                }
            }
        }
        return order;
    }

    /** Incoming references, built by counting then filling on first use. Performance: O(n + e) once. */
    public IncomingEdges incoming() {
        IncomingEdges result = incoming;
        if (result == null) {
            synchronized (this) {
                result = incoming;
                if (result == null) {
                    result = IncomingEdges.of(objectCount, firstEdgeByObject, targetByEdge, edgeCount, store);
                    incoming = result;
                }
            }
        }
        return result;
    }

    private static boolean isAscending(LongColumn values, int count) {
        for (int i = 1; i < count; i++) {
            if (values.get(i - 1) >= values.get(i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        details.close();
    }
}
