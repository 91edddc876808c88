package dev.heapdelta.analyzer.hprof;

import dev.heapdelta.analyzer.graph.GrowableByteColumn;
import dev.heapdelta.analyzer.graph.GrowableIntColumn;
import dev.heapdelta.analyzer.graph.GrowableLongColumn;
import dev.heapdelta.analyzer.source.AnalysisPhase;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.ProgressListener;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The first pass over the file: strings, LOAD_CLASS, every CLASS_DUMP, the GC roots, and the
 * address of every object of the chosen heap dump (object contents are skipped by their length).
 * It also remembers where each readable stretch of heap-dump sub-records lies, so that the second
 * pass reads exactly what this one accepted.
 */
final class RecordScan {
    private static final long PROGRESS_STEP = 8L << 20;

    private final BlockInput in;
    private final String fileName;
    private final int idSize;
    private final int wantedDump;
    private final CancelSignal cancel;
    private final ProgressListener progress;
    private final ReadProblems problems;

    final HprofHeader header;
    final StringTable strings = new StringTable();
    /** LOAD_CLASS: class object id to the slot of its name's string id. */
    final LongIntMap loadClassSlotByClassId = new LongIntMap(1 << 10);
    final GrowableLongColumn loadClassNameIds = new GrowableLongColumn();
    final List<ClassDump> classDumps = new ArrayList<>();
    final AddressList objectAddresses = new AddressList();
    long minAddress = Long.MAX_VALUE;
    long maxAddress = Long.MIN_VALUE;
    long addressBits;
    /**
     * At most how many references the objects hold: a reference slot per {@code idSize} bytes of
     * instance data, one per object-array element, plus the class edge of every object (an upper
     * bound for the footprint estimate, which counts edges before the second pass reads them).
     */
    long referenceSlots;
    final GrowableLongColumn rootAddresses = new GrowableLongColumn();
    final GrowableByteColumn rootTags = new GrowableByteColumn();
    /** The thread object address a root belongs to, or 0 when it names no known thread. */
    final GrowableLongColumn rootThreadAddresses = new GrowableLongColumn();
    /** Class ids named by INSTANCE_DUMPs, with the payload size of the first such instance. */
    final LongIntMap instanceClassIds = new LongIntMap(1 << 10);
    /** Class ids named by OBJ_ARRAY_DUMPs. */
    final LongIntMap arrayClassIds = new LongIntMap(1 << 8);
    final boolean[] primitiveArrayTypesSeen = new boolean[16];
    /** Readable stretches of sub-records of the chosen dump: [start, end) file offsets. */
    final GrowableLongColumn segmentStarts = new GrowableLongColumn();
    final GrowableLongColumn segmentEnds = new GrowableLongColumn();
    final long[] topLevelCountByTag = new long[256];
    final long[] subRecordCountByTag = new long[256];
    /** Android: heap id to {name string id, classes, instances}, in order of first appearance. */
    final Map<Integer, long[]> androidHeapById = new LinkedHashMap<>();
    final Map<Integer, Long> threadAddressBySerial = new HashMap<>();
    /** ROOT_THREAD_OBJECT: thread serial to the serial of its stack trace, in record order. */
    final Map<Integer, Integer> traceSerialByThreadSerial = new LinkedHashMap<>();
    /** ROOT_JAVA_FRAME and ROOT_JNI_LOCAL: the frame depth of each root, -1 for other roots. */
    final GrowableIntColumn rootFrameDepths = new GrowableIntColumn();
    /** Where the STACK_FRAME and STACK_TRACE bodies lie; read once after the scan (few in a HotSpot dump). */
    final GrowableLongColumn stackFrameOffsets = new GrowableLongColumn();
    final GrowableLongColumn stackTraceOffsets = new GrowableLongColumn();
    final GrowableLongColumn stackTraceLengths = new GrowableLongColumn();
    /** LOAD_CLASS: class serial to class object id, for the class of a stack frame. */
    final Map<Integer, Long> classIdBySerial = new HashMap<>();
    int dumpsInFile;
    boolean compressedReferences;
    long heapDumpRecordsOfChosenDump;

    /** Class ids already put in {@link #instanceClassIds}, direct-mapped: skips most map probes. */
    private final long[] seenClassIds = new long[4096];
    private long previousArrayStart;
    private long previousArrayUncompressedEnd;
    private long[] currentHeap;
    private int currentHeapId;
    private long nextCheckpoint;

    /**
     * @param wantedDump the heap dump to scan, from 0; -1 to only count the dumps
     */
    RecordScan(BlockInput in, HprofHeader header, String fileName, int wantedDump, CancelSignal cancel,
            ProgressListener progress, ReadProblems problems) {
        this.in = in;
        this.header = header;
        this.fileName = fileName;
        this.idSize = header.idSize();
        this.wantedDump = wantedDump;
        this.cancel = cancel;
        this.progress = progress;
        this.problems = problems;
        java.util.Arrays.fill(seenClassIds, Long.MIN_VALUE);
    }

    void run() throws IOException {
        long fileSize = in.fileSize();
        long recordStart = header.firstRecordOffset();
        int currentDump = 0;
        boolean segmentsOpen = false;
        in.seek(recordStart);
        while (recordStart < fileSize) {
            checkpoint(recordStart);
            if (!in.ensure(9)) {
                problems.lost("file " + fileName + ": truncated at offset " + fileSize
                        + " in a record header (record started at " + recordStart + ")", fileSize - recordStart, 1);
                break;
            }
            int tagCode = in.u1();
            in.advance(4);
            long length = in.u4();
            long bodyStart = recordStart + 9;
            HprofTag tag = HprofTag.ofCode(tagCode);
            length = plausibleLength(tag, recordStart, bodyStart, length);
            long end = bodyStart + length;
            topLevelCountByTag[tagCode]++;
            boolean truncated = end > fileSize;
            boolean lossRecorded = false;
            if (tag == null) {
                problems.warn("unknown top-level record skipped by its length",
                        "tag 0x" + Integer.toHexString(tagCode) + " at offset " + recordStart);
            } else {
                switch (tag) {
                    case STRING_IN_UTF8 -> readString(recordStart, bodyStart, length, truncated);
                    case LOAD_CLASS -> readLoadClass(recordStart, length, truncated);
                    case STACK_FRAME -> rememberStackRecord(stackFrameOffsets, bodyStart, length, 4 * idSize + 8,
                            truncated);
                    case STACK_TRACE -> {
                        if (rememberStackRecord(stackTraceOffsets, bodyStart, length, 12, truncated)) {
                            stackTraceLengths.add(length);
                        }
                    }
                    case HEAP_DUMP, HEAP_DUMP_SEGMENT -> {
                        if (currentDump == wantedDump) {
                            heapDumpRecordsOfChosenDump++;
                            lossRecorded = scanHeapDump(tag, recordStart, bodyStart, end);
                        }
                        if (tag == HprofTag.HEAP_DUMP) {
                            currentDump++;
                            segmentsOpen = false;
                        } else {
                            segmentsOpen = true;
                        }
                    }
                    case HEAP_DUMP_END -> {
                        currentDump++;
                        segmentsOpen = false;
                    }
                    default -> {
                    }
                }
            }
            if (truncated) {
                if (!lossRecorded) {
                    problems.lost("file " + fileName + ": truncated at offset " + fileSize + " in "
                            + (tag == null ? "record 0x" + Integer.toHexString(tagCode) : tag.name())
                            + " (record started at " + recordStart + ")", end - fileSize, 1);
                }
                break;
            }
            recordStart = end;
            in.seek(recordStart);
        }
        dumpsInFile = currentDump + (segmentsOpen ? 1 : 0);
        if (segmentsOpen && currentDump == wantedDump && !problems.partial()) {
            problems.lost("file " + fileName + ": heap dump " + wantedDump + " has no HEAP_DUMP_END record (the file"
                    + " may have been cut at offset " + fileSize + ")", 0, 0);
        }
        progress.progress(AnalysisPhase.SCAN, fileSize, fileSize);
    }

    /** MAT's two repairs of a heap dump's length: 0 (never written) and a 4 GB overflow. */
    private long plausibleLength(HprofTag tag, long recordStart, long bodyStart, long length) {
        if (tag != HprofTag.HEAP_DUMP && tag != HprofTag.HEAP_DUMP_SEGMENT) {
            return length;
        }
        long left = in.fileSize() - bodyStart;
        if (length == 0 && left > 0) {
            problems.warn("heap dump record of length 0 read to the end of the file", "at offset " + recordStart);
            return left;
        }
        if (tag == HprofTag.HEAP_DUMP && left >= 1L << 32 && (left - length) % (1L << 32) == 0) {
            problems.warn("heap dump record longer than 4 GB read to the end of the file", "at offset " + recordStart);
            return left;
        }
        return length;
    }

    private void checkpoint(long position) {
        if (position >= nextCheckpoint) {
            cancel.throwIfCancelled();
            progress.progress(AnalysisPhase.SCAN, position, in.fileSize());
            nextCheckpoint = position + PROGRESS_STEP;
        }
    }

    private void readString(long recordStart, long bodyStart, long length, boolean truncated) throws IOException {
        if (truncated) {
            return;
        }
        if (length < idSize) {
            problems.warn("STRING_IN_UTF8 shorter than an identifier", "at offset " + recordStart);
            return;
        }
        in.ensure(idSize);
        long id = in.id(idSize);
        strings.add(id, bodyStart + idSize, length - idSize);
    }

    private void readLoadClass(long recordStart, long length, boolean truncated) throws IOException {
        int size = 8 + 2 * idSize;
        if (truncated) {
            return;
        }
        if (length < size) {
            problems.warn("LOAD_CLASS shorter than its fields", "at offset " + recordStart);
            return;
        }
        in.ensure(size);
        int serial = in.i4();
        long classId = in.id(idSize);
        in.advance(4);
        long nameId = in.id(idSize);
        loadClassSlotByClassId.put(classId, (int) loadClassNameIds.size());
        loadClassNameIds.add(nameId);
        classIdBySerial.put(serial, classId);
    }

    private boolean rememberStackRecord(GrowableLongColumn offsets, long bodyStart, long length, int minimum,
            boolean truncated) {
        if (truncated || length < minimum) {
            return false;
        }
        offsets.add(bodyStart);
        return true;
    }

    /** Scans one HEAP_DUMP or HEAP_DUMP_SEGMENT of the chosen dump; true when it recorded a loss. */
    private boolean scanHeapDump(HprofTag tag, long recordStart, long bodyStart, long declaredEnd) throws IOException {
        long end = Math.min(declaredEnd, in.fileSize());
        long p = bodyStart;
        boolean lossRecorded = false;
        in.seek(p);
        while (p < end) {
            checkpoint(p);
            in.ensure(1);
            int subTag = in.u1();
            subRecordCountByTag[subTag]++;
            long next = switch (subTag) {
                case 0x21 -> scanInstance(p, end);
                case 0x22 -> scanObjectArray(p, end);
                case 0x23, 0xc3 -> scanPrimitiveArray(p, end, subTag == 0xc3);
                case 0x20 -> scanClassDump(p, end);
                case 0xfe -> scanHeapDumpInfo(p, end);
                default -> scanRootOrUnknown(subTag, p, end);
            };
            if (next < 0) {
                subRecordCountByTag[subTag]--;
                lose(tag, recordStart, p, end, declaredEnd, subTag);
                lossRecorded = true;
                break;
            }
            p = next;
            in.seek(p);
        }
        segmentStarts.add(bodyStart);
        segmentEnds.add(p);
        return lossRecorded;
    }

    private void lose(HprofTag tag, long recordStart, long p, long end, long declaredEnd, int subTag) {
        HeapDumpTag known = HeapDumpTag.ofCode(subTag);
        String subName = known == null ? "unknown sub-record 0x" + Integer.toHexString(subTag) : known.name();
        if (known != null && end < declaredEnd) {
            problems.lost("file " + fileName + ": truncated at offset " + in.fileSize() + " in " + tag.name()
                    + " (record started at " + recordStart + ")", declaredEnd - p, 1);
        } else if (known == null) {
            problems.lost("file " + fileName + ": " + subName + " at offset " + p + " in " + tag.name()
                    + " (record started at " + recordStart + "); the rest of the record is skipped", end - p, 1);
        } else {
            problems.lost("file " + fileName + ": " + subName + " at offset " + p + " runs past the end of its "
                    + tag.name() + " (record started at " + recordStart + ", ends at " + end + ")", end - p, 1);
        }
    }

    /** Whether {@code count} more bytes of the current sub-record lie before {@code end}, and buffers them. */
    private boolean fits(long count, long end) throws IOException {
        return in.position() + count <= end && in.ensure((int) count);
    }

    private void addObject(long address) {
        objectAddresses.add(address);
        if (address < minAddress) {
            minAddress = address;
        }
        if (address > maxAddress) {
            maxAddress = address;
        }
        addressBits |= address;
    }

    private void countInCurrentHeap(int column) {
        if (currentHeap != null) {
            currentHeap[column]++;
        }
    }

    private long scanInstance(long p, long end) throws IOException {
        int fixed = 2 * idSize + 8;
        if (!fits(fixed, end)) {
            return -1;
        }
        long address = in.id(idSize);
        in.advance(4);
        long classId = in.id(idSize);
        long payload = in.u4();
        long next = p + 1 + fixed + payload;
        if (next > end) {
            return -1;
        }
        addObject(address);
        countInCurrentHeap(2);
        referenceSlots += 1 + payload / idSize;
        int slot = (int) ((classId ^ classId >>> 17) >>> 3) & (seenClassIds.length - 1);
        if (seenClassIds[slot] != classId) {
            seenClassIds[slot] = classId;
            instanceClassIds.putIfAbsent(classId, (int) Math.min(payload, Integer.MAX_VALUE));
        }
        return next;
    }

    private long scanObjectArray(long p, long end) throws IOException {
        int fixed = 2 * idSize + 8;
        if (!fits(fixed, end)) {
            return -1;
        }
        long address = in.id(idSize);
        in.advance(4);
        long count = in.u4();
        long classId = in.id(idSize);
        long next = p + 1 + fixed + count * idSize;
        if (next > end) {
            return -1;
        }
        addObject(address);
        countInCurrentHeap(2);
        referenceSlots += 1 + count;
        arrayClassIds.putIfAbsent(classId, 0);
        if (idSize == 8 && !compressedReferences && address > previousArrayStart
                && address < previousArrayUncompressedEnd) {
            // MAT's test: an array that starts inside where the previous one would end with 8-byte references.
            compressedReferences = true;
        }
        previousArrayStart = address;
        previousArrayUncompressedEnd = address + 16 + count * 8;
        return next;
    }

    private long scanPrimitiveArray(long p, long end, boolean noData) throws IOException {
        int fixed = idSize + 9;
        if (!fits(fixed, end)) {
            return -1;
        }
        long address = in.id(idSize);
        in.advance(4);
        long count = in.u4();
        int type = in.u1();
        int elementSize = BasicType.primitiveSize(type);
        if (elementSize == 0) {
            problems.warn("primitive array of unknown element type", "type " + type + " at offset " + p);
            return -1;
        }
        long next = p + 1 + fixed + (noData ? 0 : count * elementSize);
        if (next > end) {
            return -1;
        }
        addObject(address);
        countInCurrentHeap(2);
        primitiveArrayTypesSeen[type] = true;
        return next;
    }

    private long scanHeapDumpInfo(long p, long end) throws IOException {
        if (!fits(4 + idSize, end)) {
            return -1;
        }
        int heapId = in.i4();
        long nameId = in.id(idSize);
        currentHeap = androidHeapById.computeIfAbsent(heapId, id -> new long[] {nameId, 0, 0});
        currentHeapId = heapId;
        return p + 1 + 4 + idSize;
    }

    private long scanRootOrUnknown(int subTag, long p, long end) throws IOException {
        HeapDumpTag tag = HeapDumpTag.ofCode(subTag);
        if (tag == null || !tag.isRoot()) {
            return -1;
        }
        int body = tag.rootBodySize(idSize);
        if (!fits(body, end)) {
            return -1;
        }
        long address = in.id(idSize);
        long thread = 0;
        int frameDepth = -1;
        if (tag == HeapDumpTag.ROOT_THREAD_OBJECT) {
            int threadSerial = in.i4();
            threadAddressBySerial.put(threadSerial, address);
            traceSerialByThreadSerial.put(threadSerial, in.i4());
        } else if (tag.hasThreadSerial()) {
            Long known = threadAddressBySerial.get(in.i4());
            thread = known == null ? 0 : known;
            if (tag == HeapDumpTag.ROOT_JAVA_FRAME || tag == HeapDumpTag.ROOT_JNI_LOCAL) {
                frameDepth = in.i4();
            }
        }
        rootFrameDepths.add(frameDepth);
        rootAddresses.add(address);
        rootTags.add((byte) subTag);
        rootThreadAddresses.add(thread);
        return p + 1 + body;
    }

    private long scanClassDump(long p, long end) throws IOException {
        int fixed = 7 * idSize + 8;
        if (!fits(fixed, end)) {
            return -1;
        }
        long address = in.id(idSize);
        in.advance(4);
        long superAddress = in.id(idSize);
        long loaderAddress = in.id(idSize);
        long signers = in.id(idSize);
        long protectionDomain = in.id(idSize);
        in.advance(2 * idSize);
        int instanceSize = in.i4();
        if (!fits(2, end)) {
            return -1;
        }
        int constantPoolCount = in.u2();
        for (int i = 0; i < constantPoolCount; i++) {
            if (!fits(3, end)) {
                return -1;
            }
            in.advance(2);
            BasicType type = BasicType.ofCode(in.u1());
            if (type == null || !fits(type.sizeInFile(idSize), end)) {
                return -1;
            }
            in.advance(type.sizeInFile(idSize));
        }
        if (!fits(2, end)) {
            return -1;
        }
        int staticCount = in.u2();
        long[] staticNames = new long[staticCount];
        byte[] staticTypes = new byte[staticCount];
        long[] staticValues = new long[staticCount];
        for (int i = 0; i < staticCount; i++) {
            if (!fits(idSize + 1, end)) {
                return -1;
            }
            staticNames[i] = in.id(idSize);
            BasicType type = BasicType.ofCode(in.u1());
            if (type == null || !fits(type.sizeInFile(idSize), end)) {
                return -1;
            }
            staticTypes[i] = (byte) type.code;
            staticValues[i] = readRawValue(type);
        }
        if (!fits(2, end)) {
            return -1;
        }
        int fieldCount = in.u2();
        long[] fieldNames = new long[fieldCount];
        byte[] fieldTypes = new byte[fieldCount];
        for (int i = 0; i < fieldCount; i++) {
            if (!fits(idSize + 1, end)) {
                return -1;
            }
            fieldNames[i] = in.id(idSize);
            int code = in.u1();
            if (BasicType.ofCode(code) == null) {
                return -1;
            }
            fieldTypes[i] = (byte) code;
        }
        classDumps.add(new ClassDump(address, superAddress, loaderAddress, signers, protectionDomain, instanceSize,
                p, in.position(), currentHeapId, staticNames, staticTypes, staticValues, fieldNames, fieldTypes));
        addObject(address);
        countInCurrentHeap(1);
        return in.position();
    }

    private long readRawValue(BasicType type) {
        return switch (type) {
            case OBJECT -> in.id(idSize);
            case BOOLEAN, BYTE -> (byte) in.u1();
            case CHAR -> in.u2();
            case SHORT -> (short) in.u2();
            case INT, FLOAT -> in.i4();
            case LONG, DOUBLE -> in.i8();
        };
    }

    /** The records of the file by kind: top-level tags, and the sub-records of the chosen dump. */
    Map<String, Long> fileCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int code = 0; code < 256; code++) {
            if (topLevelCountByTag[code] > 0) {
                HprofTag tag = HprofTag.ofCode(code);
                counts.put(tag == null ? "UNKNOWN_0x" + Integer.toHexString(code) : tag.name(), topLevelCountByTag[code]);
            }
        }
        for (int code = 0; code < 256; code++) {
            if (subRecordCountByTag[code] > 0) {
                HeapDumpTag tag = HeapDumpTag.ofCode(code);
                if (tag != null) {
                    counts.put(tag.name(), subRecordCountByTag[code]);
                }
            }
        }
        return counts;
    }
}
