package dev.heapdelta.analyzer.hprof;

import dev.heapdelta.analyzer.graph.EdgeKind;
import dev.heapdelta.analyzer.graph.HeapGraphBuilder;
import dev.heapdelta.analyzer.graph.ObjectKind;
import dev.heapdelta.analyzer.source.AnalysisPhase;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.ProgressListener;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The second pass: reads again the stretches of sub-records the first pass accepted and gives each
 * object its class, MAT's shallow size, its record offset and its outgoing references. The order of
 * an object's edges is fixed, because {@link HprofObjectDetails} names edges by replaying it:
 * instance: its class, its non-null reference fields (class first, then superclasses), then the
 * locals its thread holds; object array: its class, then its non-null elements; class object:
 * {@code java.lang.Class}, its super class, its loader, then its non-null static references.
 */
final class GraphPass {
    private static final long PROGRESS_STEP = 8L << 20;
    private static final byte ARRAY_ELEMENT = EdgeKind.ARRAY_ELEMENT.code();
    private static final int CLASS_CACHE_SIZE = 4096;

    private final BlockInput in;
    private final RecordScan scan;
    private final ClassTable classes;
    private final AddressIndex index;
    private final ObjectLayout layout;
    private final RootAttribution roots;
    private final HeapGraphBuilder builder;
    private final EdgeCollector edges;
    /** A direct-mapped cache of class id to class index: instances of a few classes interleave. */
    private final long[] cachedClassIds = new long[CLASS_CACHE_SIZE];
    private final int[] cachedClasses = new int[CLASS_CACHE_SIZE];
    private final ReadProblems problems;
    private final CancelSignal cancel;
    private final ProgressListener progress;
    private final int idSize;
    private final long[] claimed;
    private final int[] classObjectByClass;
    private final int javaLangClassObject;
    private final Map<Integer, long[]> shallowBytesByAndroidHeap = new LinkedHashMap<>();
    private long[] currentHeapBytes;
    private long danglingReferences;
    private long firstDanglingAddress;
    private long duplicateObjects;
    private long firstDuplicateAddress;
    private long payloadMismatches;
    private long bytesBefore;
    private long totalBytes;
    private long nextCheckpoint;

    GraphPass(BlockInput in, RecordScan scan, ClassTable classes, AddressIndex index, ObjectLayout layout,
            RootAttribution roots, HeapGraphBuilder builder, ReadProblems problems, CancelSignal cancel,
            ProgressListener progress) {
        this.in = in;
        this.scan = scan;
        this.classes = classes;
        this.index = index;
        this.layout = layout;
        this.roots = roots;
        this.builder = builder;
        this.edges = new EdgeCollector(index.size(), builder.store());
        java.util.Arrays.fill(cachedClassIds, Long.MIN_VALUE);
        this.problems = problems;
        this.cancel = cancel;
        this.progress = progress;
        this.idSize = scan.header.idSize();
        this.claimed = new long[(index.size() + 63) >>> 6];
        this.classObjectByClass = new int[classes.count];
        for (int c = 0; c < classes.count; c++) {
            classObjectByClass[c] = classes.hasClassObject[c] ? index.indexOf(classes.addressByClass[c]) : -1;
        }
        this.javaLangClassObject = classes.javaLangClass < 0 ? -1 : classObjectByClass[classes.javaLangClass];
    }

    /** The references read, as CSR arrays; call once, after {@link #run}. */
    EdgeCollector.Csr edges() {
        return edges.finish(cancel);
    }

    int classObjectOf(int classIndex) {
        return classObjectByClass[classIndex];
    }

    /** Android: shallow bytes by heap id. */
    Map<Integer, long[]> shallowBytesByAndroidHeap() {
        return shallowBytesByAndroidHeap;
    }

    void run() throws IOException {
        long segments = scan.segmentStarts.size();
        for (long s = 0; s < segments; s++) {
            totalBytes += scan.segmentEnds.get(s) - scan.segmentStarts.get(s);
        }
        int classDumpCursor = 0;
        for (long s = 0; s < segments; s++) {
            long start = scan.segmentStarts.get(s);
            long end = scan.segmentEnds.get(s);
            long p = start;
            in.seek(p);
            while (p < end) {
                checkpoint(p - start);
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
            bytesBefore += end - start;
        }
        addStandInClassObjects();
        fillUnclaimed();
        problems.warnMany("reference to an object not in the dump, dropped", danglingReferences,
                "0x" + Long.toHexString(firstDanglingAddress));
        problems.warnMany("duplicate object id, the first record kept", duplicateObjects,
                "0x" + Long.toHexString(firstDuplicateAddress));
        problems.warnMany("instance data size differs from its class layout", payloadMismatches, null);
        progress.progress(AnalysisPhase.GRAPH, totalBytes, totalBytes);
    }

    private void checkpoint(long doneInSegment) {
        long done = bytesBefore + doneInSegment;
        if (done >= nextCheckpoint) {
            cancel.throwIfCancelled();
            progress.progress(AnalysisPhase.GRAPH, done, totalBytes);
            nextCheckpoint = done + PROGRESS_STEP;
        }
    }

    /** Marks an object as read; false when another record already gave it (a duplicate id). */
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
        builder.setObject(object, address, c, size, ObjectKind.INSTANCE);
        builder.setRecordOffset(object, p);
        countInHeap(size);
        edges.begin(object);
        if (c >= 0) {
            if (classObjectByClass[c] >= 0) {
                edges.add(classObjectByClass[c], EdgeKind.CLASS.code());
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
        builder.setObject(object, address, c, size, ObjectKind.OBJECT_ARRAY);
        builder.setRecordOffset(object, p);
        countInHeap(size);
        edges.begin(object);
        if (c >= 0 && classObjectByClass[c] >= 0) {
            edges.add(classObjectByClass[c], EdgeKind.CLASS.code());
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
        builder.setObject(object, address, c, size, ObjectKind.PRIMITIVE_ARRAY);
        builder.setRecordOffset(object, p);
        countInHeap(size);
        if (c >= 0 && classObjectByClass[c] >= 0) {
            edges.begin(object);
            edges.add(classObjectByClass[c], EdgeKind.CLASS.code());
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
        builder.setObject(object, dump.address, classes.javaLangClass, size, ObjectKind.CLASS);
        builder.setRecordOffset(object, dump.recordOffset);
        countInHeap(size);
        edges.begin(object);
        if (javaLangClassObject >= 0) {
            edges.add(javaLangClassObject, EdgeKind.CLASS.code());
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

    /** MAT's stand-in class objects: no record in the file; they reference java.lang.Class and their super. */
    private void addStandInClassObjects() {
        for (int c = 0; c < classes.count; c++) {
            int object = classObjectByClass[c];
            if (classes.dumpByClass[c] != null || object < 0 || !claim(object, classes.addressByClass[c])) {
                continue;
            }
            builder.setObject(object, classes.addressByClass[c], classes.javaLangClass, 0, ObjectKind.CLASS);
            builder.setRecordOffset(object, -1);
            edges.begin(object);
            if (javaLangClassObject >= 0) {
                edges.add(javaLangClassObject, EdgeKind.CLASS.code());
            }
            int superClass = classes.superByClass[c];
            if (superClass >= 0 && classObjectByClass[superClass] >= 0) {
                edges.add(classObjectByClass[superClass], EdgeKind.CLASS_INTERNAL.code());
            }
        }
    }

    /** Objects the first pass listed but this one did not read (the file changed in between). */
    private void fillUnclaimed() {
        long missing = 0;
        for (int object = 0; object < index.size(); object++) {
            if ((claimed[object >>> 6] & (1L << object)) == 0) {
                builder.setObject(object, 0, -1, 0, ObjectKind.INSTANCE);
                builder.setRecordOffset(object, -1);
                missing++;
            }
        }
        problems.warnMany("object listed by the first pass but not read by the second", missing, null);
    }
}
