package dev.heapdelta.analyzer.hprof;

import dev.heapdelta.analyzer.graph.EdgeKind;
import dev.heapdelta.analyzer.graph.HeapGraphBuilder;
import dev.heapdelta.analyzer.graph.ObjectKind;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One share of the second pass: a run of consecutive stretches of sub-records, read by one thread
 * through its own buffer. It writes only the builder columns and the edge blocks of the objects its
 * records give, and keeps its own counts of what it dropped, so that shares run side by side and
 * {@link GraphPass} adds them up in file order.
 */
final class GraphPassShare {
    private static final long PROGRESS_STEP = 8L << 20;
    private static final byte ARRAY_ELEMENT = EdgeKind.ARRAY_ELEMENT.code();
    private static final int CLASS_CACHE_SIZE = 4096;

    private final GraphPass pass;
    private final BlockInput in;
    private final RecordScan scan;
    private final ClassTable classes;
    private final AddressIndex index;
    private final ObjectLayout layout;
    private final RootAttribution roots;
    private final HeapGraphBuilder builder;
    private final EdgeCollector.Part edges;
    private final int idSize;
    private final int firstStretch;
    private final int endStretch;
    private final int firstClassDump;
    /** A direct-mapped cache of class id to class index: instances of a few classes interleave. */
    private final long[] cachedClassIds = new long[CLASS_CACHE_SIZE];
    private final int[] cachedClasses = new int[CLASS_CACHE_SIZE];
    /** The objects this share read, one bit each. */
    final long[] claimed;
    final Map<Integer, long[]> shallowBytesByAndroidHeap = new LinkedHashMap<>();
    private long[] currentHeapBytes;
    long danglingReferences;
    long firstDanglingAddress;
    long duplicateObjects;
    long firstDuplicateAddress;
    long payloadMismatches;
    /** Bytes of this share's stretches read so far, for the pass's progress. */
    private volatile long bytesDone;
    private long nextCheckpoint;

    /**
     * @param firstStretch the share's first stretch of {@link RecordScan#segmentStarts}, {@code
     *     endStretch} one past its last
     * @param firstClassDump the index in {@link RecordScan#classDumps} of the share's first CLASS_DUMP
     */
    GraphPassShare(GraphPass pass, BlockInput in, EdgeCollector.Part edges, int firstStretch, int endStretch,
            int firstClassDump) {
        this.pass = pass;
        this.in = in;
        this.scan = pass.scan;
        this.classes = pass.classes;
        this.index = pass.index;
        this.layout = pass.layout;
        this.roots = pass.roots;
        this.builder = pass.builder;
        this.edges = edges;
        this.idSize = scan.header.idSize();
        this.firstStretch = firstStretch;
        this.endStretch = endStretch;
        this.firstClassDump = firstClassDump;
        this.claimed = new long[(index.size() + 63) >>> 6];
        Arrays.fill(cachedClassIds, Long.MIN_VALUE);
    }

    long bytesDone() {
        return bytesDone;
    }

    void run() throws IOException {
        int classDumpCursor = firstClassDump;
        long before = 0;
        for (int s = firstStretch; s < endStretch; s++) {
            long start = scan.segmentStarts.get(s);
            long end = scan.segmentEnds.get(s);
            long p = start;
            in.seek(p);
            while (p < end) {
                checkpoint(before + p - start);
                in.ensure(1);
                int tag = in.u1();
                switch (tag) {
                    case 0x21 -> p = instance(p);
                    case 0x22 -> p = objectArray(p);
                    case 0x23 -> p = primitiveArray(p, false);
                    case 0xc3 -> p = primitiveArray(p, true);
                    case 0x20 -> p = classObject(scan.classDumps.get(classDumpCursor++));
                    case 0xfe -> p = heapDumpInfo(p);
                    default -> p = p + 1 + HeapDumpTag.ofCode(tag).rootBodySize(idSize);
                }
                in.seek(p);
            }
            before += end - start;
        }
        edges.end();
        bytesDone = before;
    }

    private void checkpoint(long done) {
        if (done >= nextCheckpoint) {
            bytesDone = done;
            pass.checkpoint(this);
            nextCheckpoint = done + PROGRESS_STEP;
        }
    }

    /** Marks an object as read; false when a record of this share already gave it (a duplicate id). */
    private boolean claim(int object, long address) {
        int w = object >>> 6;
        long mask = 1L << object;
        if ((claimed[w] & mask) != 0) {
            if (duplicateObjects++ == 0) {
                firstDuplicateAddress = address;
            }
            return false;
        }
        claimed[w] |= mask;
        return true;
    }

    private void setObject(int object, long address, int classIndex, long shallowSize, ObjectKind kind,
            long recordOffset) {
        if (shallowSize >= Integer.MAX_VALUE) {
            // The builder keeps sizes past an int in a map, which shares must not fill at once.
            synchronized (builder) {
                builder.setObject(object, address, classIndex, shallowSize, kind);
            }
        } else {
            builder.setObject(object, address, classIndex, shallowSize, kind);
        }
        builder.setRecordOffset(object, recordOffset);
    }

    private void reference(long address, byte kind) {
        int target = index.indexOf(address);
        if (target >= 0) {
            edges.add(target, kind);
        } else if (danglingReferences++ == 0) {
            firstDanglingAddress = address;
        }
    }

    private void countInHeap(long shallow) {
        if (currentHeapBytes != null) {
            currentHeapBytes[0] += shallow;
        }
    }

    private int classOfInstance(long classId) {
        int slot = (int) ((classId ^ classId >>> 17) >>> 3) & (CLASS_CACHE_SIZE - 1);
        if (cachedClassIds[slot] != classId) {
            cachedClassIds[slot] = classId;
            cachedClasses[slot] = classes.classAt(classId);
        }
        return cachedClasses[slot];
    }

    private long instance(long p) throws IOException {
        int fixed = 2 * idSize + 8;
        in.ensure(fixed);
        long address = in.id(idSize);
        in.advance(4);
        long classId = in.id(idSize);
        long payload = in.u4();
        long dataStart = p + 1 + fixed;
        long next = dataStart + payload;
        int object = index.indexOf(address);
        if (object < 0 || !claim(object, address)) {
            return next;
        }
        int c = classOfInstance(classId);
        int size = c < 0 ? 0 : classes.instanceSizeByClass[c];
        setObject(object, address, c, size, ObjectKind.INSTANCE, p);
        countInHeap(size);
        edges.begin(object);
        if (c >= 0) {
            int classObject = pass.classObjectOf(c);
            if (classObject >= 0) {
                edges.add(classObject, EdgeKind.CLASS.code());
            }
            if (payload != classes.payloadSizeByClass[c]) {
                payloadMismatches++;
            }
            instanceReferences(c, dataStart, payload);
        }
        if (roots.threadsWithLocals.get(object)) {
            for (int local : roots.localsOf(object)) {
                edges.add(local, EdgeKind.THREAD_LOCAL.code());
            }
        }
        return next;
    }

    private void instanceReferences(int c, long dataStart, long payload) throws IOException {
        int[] offsets = classes.referenceOffsetsByClass[c];
        byte[] kinds = classes.referenceKindsByClass[c];
        if (offsets.length == 0) {
            return;
        }
        if (payload <= in.capacity()) {
            in.ensure((int) payload);
            byte[] buffer = in.buffer();
            int base = in.index();
            for (int k = 0; k < offsets.length; k++) {
                int offset = offsets[k];
                if (offset + idSize > payload) {
                    break;
                }
                long id = BlockInput.idAt(buffer, base + offset, idSize);
                if (id != 0) {
                    reference(id, kinds[k]);
                }
            }
        } else {
            for (int k = 0; k < offsets.length && offsets[k] + idSize <= payload; k++) {
                in.seek(dataStart + offsets[k]);
                in.ensure(idSize);
                long id = in.id(idSize);
                if (id != 0) {
                    reference(id, kinds[k]);
                }
            }
        }
    }

    private long objectArray(long p) throws IOException {
        int fixed = 2 * idSize + 8;
        in.ensure(fixed);
        long address = in.id(idSize);
        in.advance(4);
        long count = in.u4();
        long classId = in.id(idSize);
        long next = p + 1 + fixed + count * idSize;
        int object = index.indexOf(address);
        if (object < 0 || !claim(object, address)) {
            return next;
        }
        int c = classOfInstance(classId);
        long size = layout.objectArraySize(count);
        setObject(object, address, c, size, ObjectKind.OBJECT_ARRAY, p);
        countInHeap(size);
        edges.begin(object);
        if (c >= 0 && pass.classObjectOf(c) >= 0) {
            edges.add(pass.classObjectOf(c), EdgeKind.CLASS.code());
        }
        int perChunk = in.capacity() / idSize;
        long remaining = count;
        while (remaining > 0) {
            int chunk = (int) Math.min(remaining, perChunk);
            in.ensure(chunk * idSize);
            byte[] buffer = in.buffer();
            int base = in.index();
            for (int i = 0; i < chunk; i++) {
                long id = BlockInput.idAt(buffer, base + i * idSize, idSize);
                if (id != 0) {
                    reference(id, ARRAY_ELEMENT);
                }
            }
            in.advance(chunk * idSize);
            remaining -= chunk;
        }
        return next;
    }

    private long primitiveArray(long p, boolean noData) throws IOException {
        int fixed = idSize + 9;
        in.ensure(fixed);
        long address = in.id(idSize);
        in.advance(4);
        long count = in.u4();
        int type = in.u1();
        int elementSize = BasicType.primitiveSize(type);
        long next = p + 1 + fixed + (noData ? 0 : count * elementSize);
        int object = index.indexOf(address);
        if (object < 0 || !claim(object, address)) {
            return next;
        }
        int c = classes.primitiveArrayClassByType[type];
        long size = layout.primitiveArraySize(elementSize, count);
        setObject(object, address, c, size, ObjectKind.PRIMITIVE_ARRAY, p);
        countInHeap(size);
        if (c >= 0 && pass.classObjectOf(c) >= 0) {
            edges.begin(object);
            edges.add(pass.classObjectOf(c), EdgeKind.CLASS.code());
        }
        return next;
    }

    private long heapDumpInfo(long p) throws IOException {
        in.ensure(4 + idSize);
        int heapId = in.i4();
        currentHeapBytes = shallowBytesByAndroidHeap.computeIfAbsent(heapId, id -> new long[1]);
        return p + 1 + 4 + idSize;
    }

    private long classObject(ClassDump dump) {
        int c = classes.classAt(dump.address);
        int object = index.indexOf(dump.address);
        if (c < 0 || classes.dumpByClass[c] != dump || object < 0 || !claim(object, dump.address)) {
            return dump.recordEnd;
        }
        int size = classes.classObjectSizeByClass[c];
        setObject(object, dump.address, classes.javaLangClass, size, ObjectKind.CLASS, dump.recordOffset);
        countInHeap(size);
        edges.begin(object);
        if (pass.javaLangClassObject() >= 0) {
            edges.add(pass.javaLangClassObject(), EdgeKind.CLASS.code());
        }
        if (dump.superAddress != 0) {
            reference(dump.superAddress, EdgeKind.CLASS_INTERNAL.code());
        }
        if (dump.loaderAddress != 0) {
            int loader = index.indexOf(dump.loaderAddress);
            if (loader >= 0) {
                edges.add(loader, EdgeKind.CLASS_INTERNAL.code());
            }
        }
        for (int i = 0; i < dump.staticTypes.length; i++) {
            if (dump.staticTypes[i] == BasicType.OBJECT.code && dump.staticValues[i] != 0) {
                reference(dump.staticValues[i], EdgeKind.FIELD.code());
            }
        }
        return dump.recordEnd;
    }
}
