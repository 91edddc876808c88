package dev.heapdelta.analyzer.testing;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes small HPROF files for tests, record by record: strings, LOAD_CLASS, class dumps with
 * fields and statics, instances, arrays, every kind of GC root, segments, several heap dumps, 4- or
 * 8-byte ids, Android's 1.0.3 records, and raw bytes for damaged files. Heap-dump sub-records are
 * buffered and written as HEAP_DUMP_SEGMENTs (1.0.2) or as one HEAP_DUMP record (1.0.1); large
 * dumps stream to the file a segment at a time.
 *
 * <p>Instance field values are given in HPROF's layout order: the class's own fields first, then
 * its superclass's, each value as a long (an object id, or the primitive's bits).
 */
public final class HprofWriter implements Closeable {
    public static final int TAG_STRING = 0x01;
    public static final int TAG_LOAD_CLASS = 0x02;
    public static final int TAG_STACK_FRAME = 0x04;
    public static final int TAG_STACK_TRACE = 0x05;
    public static final int TAG_HEAP_DUMP = 0x0c;
    public static final int TAG_HEAP_DUMP_SEGMENT = 0x1c;
    public static final int TAG_HEAP_DUMP_END = 0x2c;

    public static final int ROOT_UNKNOWN = 0xff;
    public static final int ROOT_JNI_GLOBAL = 0x01;
    public static final int ROOT_JNI_LOCAL = 0x02;
    public static final int ROOT_JAVA_FRAME = 0x03;
    public static final int ROOT_NATIVE_STACK = 0x04;
    public static final int ROOT_STICKY_CLASS = 0x05;
    public static final int ROOT_THREAD_BLOCK = 0x06;
    public static final int ROOT_MONITOR_USED = 0x07;
    public static final int ROOT_THREAD_OBJECT = 0x08;
    public static final int ROOT_INTERNED_STRING = 0x89;
    public static final int ROOT_FINALIZING = 0x8a;
    public static final int ROOT_DEBUGGER = 0x8b;
    public static final int ROOT_REFERENCE_CLEANUP = 0x8c;
    public static final int ROOT_VM_INTERNAL = 0x8d;
    public static final int ROOT_JNI_MONITOR = 0x8e;
    public static final int HEAP_DUMP_INFO = 0xfe;
    public static final int PRIMITIVE_ARRAY_NODATA = 0xc3;

    /** HPROF basic types with their wire codes and sizes in the file. */
    public enum Type {
        OBJECT(2, 0), BOOLEAN(4, 1), CHAR(5, 2), FLOAT(6, 4), DOUBLE(7, 8), BYTE(8, 1), SHORT(9, 2), INT(10, 4),
        LONG(11, 8);

        public final int code;
        private final int size;

        Type(int code, int size) {
            this.code = code;
            this.size = size;
        }

        int size(int idSize) {
            return this == OBJECT ? idSize : size;
        }
    }

    private static final long FIRST_STRING_ID = 0x7000_0000L;
    private static final int SEGMENT_LIMIT = 1 << 20;

    private final DataOutputStream out;
    private final int idSize;
    private final boolean segmented;
    private final ByteArrayOutputStream heapBytes = new ByteArrayOutputStream();
    private final DataOutputStream heap = new DataOutputStream(heapBytes);
    private final Map<String, Long> stringIds = new HashMap<>();
    private final Map<Long, ClassShape> shapes = new HashMap<>();
    private long nextStringId = FIRST_STRING_ID;
    private int nextClassSerial = 1;
    private boolean autoSegments = true;

    private record ClassShape(long superAddress, List<Type> fieldTypes) {
    }

    /**
     * @param version {@code JAVA PROFILE 1.0.1}, {@code 1.0.2} or {@code 1.0.3}
     * @param segmented true for HEAP_DUMP_SEGMENT records ending in HEAP_DUMP_END, false for one HEAP_DUMP
     */
    public HprofWriter(OutputStream target, String version, int idSize, boolean segmented) {
        this.out = new DataOutputStream(new BufferedOutputStream(target, 1 << 16));
        this.idSize = idSize;
        this.segmented = segmented;
        try {
            out.write(version.getBytes(StandardCharsets.ISO_8859_1));
            out.write(0);
            out.writeInt(idSize);
            out.writeLong(1_700_000_000_000L);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A 1.0.2 writer with segments, streaming to a new file. */
    public static HprofWriter toFile(Path file, int idSize) throws IOException {
        return new HprofWriter(Files.newOutputStream(file), "JAVA PROFILE 1.0.2", idSize, true);
    }

    public static HprofWriter toFile(Path file, String version, int idSize, boolean segmented) throws IOException {
        return new HprofWriter(Files.newOutputStream(file), version, idSize, segmented);
    }

    public int idSize() {
        return idSize;
    }

    /** Whether heap-dump sub-records flush into a new segment on their own once 1 MB is buffered. */
    public HprofWriter autoSegments(boolean on) {
        this.autoSegments = on;
        return this;
    }

    // ---- top-level records

    /** The id of a string, writing its STRING_IN_UTF8 record the first time. */
    public long string(String text) {
        Long known = stringIds.get(text);
        if (known != null) {
            return known;
        }
        long id = nextStringId++;
        stringIds.put(text, id);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(body);
        try {
            writeId(data, id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        body.writeBytes(bytes);
        record(TAG_STRING, body.toByteArray());
        return id;
    }

    /** LOAD_CLASS with the JVM name ({@code java/lang/String}, {@code [B}, {@code [Ljava/lang/Object;}). */
    public HprofWriter loadClass(long classAddress, String jvmName) {
        long nameId = string(jvmName);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(body);
        try {
            data.writeInt(nextClassSerial++);
            writeId(data, classAddress);
            data.writeInt(1);
            writeId(data, nameId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        record(TAG_LOAD_CLASS, body.toByteArray());
        return this;
    }

    public HprofWriter stackTrace(int serial, int threadSerial, long... frameIds) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(body);
        try {
            data.writeInt(serial);
            data.writeInt(threadSerial);
            data.writeInt(frameIds.length);
            for (long frame : frameIds) {
                writeId(data, frame);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        record(TAG_STACK_TRACE, body.toByteArray());
        return this;
    }

    public HprofWriter stackFrame(long frameId, String method, String signature, String source, int classSerial,
            int line) {
        long m = string(method);
        long s = string(signature);
        long f = string(source);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(body);
        try {
            writeId(data, frameId);
            writeId(data, m);
            writeId(data, s);
            writeId(data, f);
            data.writeInt(classSerial);
            data.writeInt(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        record(TAG_STACK_FRAME, body.toByteArray());
        return this;
    }

    /** Any top-level record, for unknown tags and damaged files. */
    public HprofWriter record(int tag, byte[] body) {
        return recordWithLength(tag, body, body.length);
    }

    /** A top-level record whose length field states {@code declaredLength}, whatever the body holds. */
    public HprofWriter recordWithLength(int tag, byte[] body, long declaredLength) {
        try {
            out.writeByte(tag);
            out.writeInt(0);
            out.writeInt((int) declaredLength);
            out.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Raw bytes at the current position of the file, outside any record. */
    public HprofWriter raw(byte[] bytes) {
        try {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    // ---- heap dump sub-records

    /** Starts a CLASS_DUMP; {@link ClassDumpBuilder#write()} writes it and its LOAD_CLASS. */
    public ClassDumpBuilder classDump(long address, String jvmName, long superAddress) {
        return new ClassDumpBuilder(address, jvmName, superAddress);
    }

    /** One CLASS_DUMP under construction. */
    public final class ClassDumpBuilder {
        private final long address;
        private final String jvmName;
        private final long superAddress;
        private long loader;
        private long signers;
        private long protectionDomain;
        private Integer instanceSize;
        private final List<String> fieldNames = new ArrayList<>();
        private final List<Type> fieldTypes = new ArrayList<>();
        private final List<String> staticNames = new ArrayList<>();
        private final List<Type> staticTypes = new ArrayList<>();
        private final List<Long> staticValues = new ArrayList<>();
        private final List<Type> constantTypes = new ArrayList<>();
        private final List<Long> constantValues = new ArrayList<>();

        private ClassDumpBuilder(long address, String jvmName, long superAddress) {
            this.address = address;
            this.jvmName = jvmName;
            this.superAddress = superAddress;
        }

        public ClassDumpBuilder loader(long loaderAddress) {
            this.loader = loaderAddress;
            return this;
        }

        public ClassDumpBuilder signersAndProtectionDomain(long signersAddress, long domainAddress) {
            this.signers = signersAddress;
            this.protectionDomain = domainAddress;
            return this;
        }

        /** Overrides the instance size field (by default the sum of the hierarchy's field sizes in the file). */
        public ClassDumpBuilder instanceSize(int size) {
            this.instanceSize = size;
            return this;
        }

        public ClassDumpBuilder field(String name, Type type) {
            fieldNames.add(name);
            fieldTypes.add(type);
            return this;
        }

        public ClassDumpBuilder staticField(String name, Type type, long value) {
            staticNames.add(name);
            staticTypes.add(type);
            staticValues.add(value);
            return this;
        }

        public ClassDumpBuilder constant(Type type, long value) {
            constantTypes.add(type);
            constantValues.add(value);
            return this;
        }

        /** Writes LOAD_CLASS, the field-name strings and the CLASS_DUMP; returns the class address. */
        public long write() {
            loadClass(address, jvmName);
            List<Long> fieldNameIds = fieldNames.stream().map(HprofWriter.this::string).toList();
            List<Long> staticNameIds = staticNames.stream().map(HprofWriter.this::string).toList();
            shapes.put(address, new ClassShape(superAddress, List.copyOf(fieldTypes)));
            try {
                heap.writeByte(0x20);
                writeId(heap, address);
                heap.writeInt(1);
                writeId(heap, superAddress);
                writeId(heap, loader);
                writeId(heap, signers);
                writeId(heap, protectionDomain);
                writeId(heap, 0);
                writeId(heap, 0);
                heap.writeInt(instanceSize != null ? instanceSize : payloadSize(address));
                heap.writeShort(constantTypes.size());
                for (int i = 0; i < constantTypes.size(); i++) {
                    heap.writeShort(i + 1);
                    heap.writeByte(constantTypes.get(i).code);
                    writeValue(heap, constantTypes.get(i), constantValues.get(i));
                }
                heap.writeShort(staticNames.size());
                for (int i = 0; i < staticNames.size(); i++) {
                    writeId(heap, staticNameIds.get(i));
                    heap.writeByte(staticTypes.get(i).code);
                    writeValue(heap, staticTypes.get(i), staticValues.get(i));
                }
                heap.writeShort(fieldNames.size());
                for (int i = 0; i < fieldNames.size(); i++) {
                    writeId(heap, fieldNameIds.get(i));
                    heap.writeByte(fieldTypes.get(i).code);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            maybeFlushSegment();
            return address;
        }
    }

    /** The field types of a class's instance data, class first, then its superclasses. */
    public List<Type> layout(long classAddress) {
        List<Type> types = new ArrayList<>();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (long c = classAddress; c != 0 && seen.add(c) && shapes.containsKey(c); c = shapes.get(c).superAddress()) {
            types.addAll(shapes.get(c).fieldTypes());
        }
        return types;
    }

    private int payloadSize(long classAddress) {
        int size = 0;
        for (Type type : layout(classAddress)) {
            size += type.size(idSize);
        }
        return size;
    }

    /** An INSTANCE_DUMP; {@code values} follow the class's layout (own fields first, then the super's). */
    public HprofWriter instance(long address, long classAddress, long... values) {
        List<Type> types = layout(classAddress);
        if (types.size() != values.length) {
            throw new IllegalArgumentException("class 0x" + Long.toHexString(classAddress) + " has " + types.size()
                    + " fields, got " + values.length + " values");
        }
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(payload);
        try {
            for (int i = 0; i < values.length; i++) {
                writeValue(data, types.get(i), values[i]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return instanceWithPayload(address, classAddress, payload.toByteArray());
    }

    /** An INSTANCE_DUMP with raw instance data, for mismatched layouts. */
    public HprofWriter instanceWithPayload(long address, long classAddress, byte[] payload) {
        try {
            heap.writeByte(0x21);
            writeId(heap, address);
            heap.writeInt(1);
            writeId(heap, classAddress);
            heap.writeInt(payload.length);
            heap.write(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        maybeFlushSegment();
        return this;
    }

    public HprofWriter objectArray(long address, long arrayClassAddress, long... elements) {
        try {
            heap.writeByte(0x22);
            writeId(heap, address);
            heap.writeInt(1);
            heap.writeInt(elements.length);
            writeId(heap, arrayClassAddress);
            for (long element : elements) {
                writeId(heap, element);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        maybeFlushSegment();
        return this;
    }

    /** A PRIM_ARRAY_DUMP of {@code length} elements whose bytes are {@code data} (zero-padded). */
    public HprofWriter primitiveArray(long address, Type type, int length, byte[] data) {
        try {
            heap.writeByte(0x23);
            writeId(heap, address);
            heap.writeInt(1);
            heap.writeInt(length);
            heap.writeByte(type.code);
            byte[] bytes = new byte[length * type.size(idSize)];
            System.arraycopy(data, 0, bytes, 0, Math.min(data.length, bytes.length));
            heap.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        maybeFlushSegment();
        return this;
    }

    public HprofWriter byteArray(long address, byte[] data) {
        return primitiveArray(address, Type.BYTE, data.length, data);
    }

    /** A {@code char[]} holding {@code text}, big-endian as HPROF writes chars. */
    public HprofWriter charArray(long address, String text) {
        byte[] bytes = new byte[text.length() * 2];
        for (int i = 0; i < text.length(); i++) {
            bytes[2 * i] = (byte) (text.charAt(i) >> 8);
            bytes[2 * i + 1] = (byte) text.charAt(i);
        }
        return primitiveArray(address, Type.CHAR, text.length(), bytes);
    }

    /** Android's PRIMITIVE_ARRAY_NODATA: the array's header without its elements. */
    public HprofWriter primitiveArrayNoData(long address, Type type, int length) {
        try {
            heap.writeByte(PRIMITIVE_ARRAY_NODATA);
            writeId(heap, address);
            heap.writeInt(1);
            heap.writeInt(length);
            heap.writeByte(type.code);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** A root with only an object id: unknown, sticky class, monitor used, and Android's 0x89..0x8d. */
    public HprofWriter root(int tag, long address) {
        try {
            heap.writeByte(tag);
            writeId(heap, address);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public HprofWriter rootJniGlobal(long address, long globalRefId) {
        root(ROOT_JNI_GLOBAL, address);
        return id(globalRefId);
    }

    public HprofWriter rootThreadObject(long address, int threadSerial, int stackTraceSerial) {
        root(ROOT_THREAD_OBJECT, address);
        return ints(threadSerial, stackTraceSerial);
    }

    public HprofWriter rootJavaFrame(long address, int threadSerial, int frameDepth) {
        root(ROOT_JAVA_FRAME, address);
        return ints(threadSerial, frameDepth);
    }

    public HprofWriter rootJniLocal(long address, int threadSerial, int frameDepth) {
        root(ROOT_JNI_LOCAL, address);
        return ints(threadSerial, frameDepth);
    }

    public HprofWriter rootNativeStack(long address, int threadSerial) {
        root(ROOT_NATIVE_STACK, address);
        return ints(threadSerial);
    }

    public HprofWriter rootThreadBlock(long address, int threadSerial) {
        root(ROOT_THREAD_BLOCK, address);
        return ints(threadSerial);
    }

    public HprofWriter rootJniMonitor(long address, int threadSerial, int frameDepth) {
        root(ROOT_JNI_MONITOR, address);
        return ints(threadSerial, frameDepth);
    }

    /** Android's HEAP_DUMP_INFO: the following records belong to heap {@code heapId}. */
    public HprofWriter heapDumpInfo(int heapId, String name) {
        long nameId = string(name);
        try {
            heap.writeByte(HEAP_DUMP_INFO);
            heap.writeInt(heapId);
            writeId(heap, nameId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Raw bytes inside the current heap-dump record, for damaged sub-records. */
    public HprofWriter rawSubRecord(byte[] bytes) {
        heapBytes.writeBytes(bytes);
        return this;
    }

    private HprofWriter ints(int... values) {
        try {
            for (int value : values) {
                heap.writeInt(value);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    private HprofWriter id(long value) {
        try {
            writeId(heap, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    private void maybeFlushSegment() {
        if (segmented && autoSegments && heapBytes.size() >= SEGMENT_LIMIT) {
            segment();
        }
    }

    /** Writes what is buffered as one HEAP_DUMP_SEGMENT (1.0.2 writers only). */
    public HprofWriter segment() {
        if (!segmented) {
            throw new IllegalStateException("a 1.0.1 writer writes one HEAP_DUMP record");
        }
        if (heapBytes.size() > 0) {
            record(TAG_HEAP_DUMP_SEGMENT, heapBytes.toByteArray());
            heapBytes.reset();
        }
        return this;
    }

    /** Ends one heap dump: the last segment and HEAP_DUMP_END, or the whole HEAP_DUMP record. */
    public HprofWriter endHeapDump() {
        if (segmented) {
            segment();
            record(TAG_HEAP_DUMP_END, new byte[0]);
        } else {
            record(TAG_HEAP_DUMP, heapBytes.toByteArray());
            heapBytes.reset();
        }
        return this;
    }

    /** The buffered sub-records as a heap-dump record whose length field states {@code declaredLength}. */
    public HprofWriter endHeapDumpDeclaring(long declaredLength) {
        recordWithLength(segmented ? TAG_HEAP_DUMP_SEGMENT : TAG_HEAP_DUMP, heapBytes.toByteArray(), declaredLength);
        heapBytes.reset();
        return this;
    }

    private void writeId(DataOutputStream data, long id) throws IOException {
        if (idSize == 8) {
            data.writeLong(id);
        } else {
            data.writeInt((int) id);
        }
    }

    private void writeValue(DataOutputStream data, Type type, long value) throws IOException {
        switch (type) {
            case OBJECT -> writeId(data, value);
            case BOOLEAN, BYTE -> data.writeByte((int) value);
            case CHAR, SHORT -> data.writeShort((int) value);
            case INT, FLOAT -> data.writeInt((int) value);
            case LONG, DOUBLE -> data.writeLong(value);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
