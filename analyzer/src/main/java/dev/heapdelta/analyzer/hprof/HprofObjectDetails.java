package dev.heapdelta.analyzer.hprof;

import dev.heapdelta.analyzer.graph.EdgeKind;
import dev.heapdelta.analyzer.graph.FieldValue;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.graph.ObjectDetails;
import dev.heapdelta.analyzer.graph.ObjectKind;
import dev.heapdelta.analyzer.graph.ThreadStacks;
import dev.heapdelta.analyzer.store.ColumnFileException;
import dev.heapdelta.analyzer.store.MappedFileWatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Edge names, labels and field values of an HPROF graph, read back from the file on request through
 * each object's record offset. Edges are named by replaying the order in which {@link GraphPass}
 * emitted them. Performance: the object's record read from a mapped window of the dump, without a system
 * call (a positional read across a window's end). A dump cut under an open graph is a
 * {@link ColumnFileException} where a read notices it (the size is looked at every 10 ms), and is watched
 * ({@link MappedFileWatch}) for the bus error of a page read before the size showed the cut.
 */
final class HprofObjectDetails implements ObjectDetails {
    private static final long WINDOW = 1L << 30;
    private static final int WINDOW_OVERLAP = 1 << 20;
    private static final int MAX_ARRAY_FIELDS = 1 << 20;
    /** How often a mapped read looks at the dump's size: a clock read per record, a system call per 10 ms. */
    private static final long SIZE_LOOK_NANOS = 10_000_000;

    private final HeapGraph graph;
    private final ClassTable classes;
    private final FileChannel channel;
    /** The dump as messages name it, watched while open. */
    private final MappedFileWatch.Watched watched;
    /** The dump's size, read once: it does not change under an open graph, and a query reads millions of records. */
    private final long fileSize;
    /** Read-only views of the dump, {@link #WINDOW} bytes apart, each reaching {@link #WINDOW_OVERLAP} into the next. */
    private final AtomicReferenceArray<MappedByteBuffer> windows;
    /**
     * The dump's size when last looked at, at most {@link #SIZE_LOOK_NANOS} ago before a mapped read: a read
     * past it is the clear error at once, instead of a page that faults, whose bus error the JVM raises later
     * and somewhere else, after the read has returned what the page did not hold.
     */
    private volatile long sizeSeen;
    private volatile long sizeSeenAt;
    private volatile boolean mappingRefused;
    private final int idSize;
    private final ThreadStacks threadStacks;
    private volatile Boolean utf16BigEndian;

    HprofObjectDetails(HeapGraph graph, ClassTable classes, String fileName, FileChannel channel, int idSize,
            ThreadStacks threadStacks) {
        this.graph = graph;
        this.classes = classes;
        this.channel = channel;
        this.fileSize = sizeOf(channel);
        this.sizeSeen = fileSize;
        this.sizeSeenAt = System.nanoTime();
        this.watched = MappedFileWatch.watch(fileName, channel, fileSize);
        this.windows = new AtomicReferenceArray<>((int) (fileSize / WINDOW) + 1);
        this.idSize = idSize;
        this.threadStacks = threadStacks;
    }

    @Override
    public ThreadStacks threadStacks() {
        return threadStacks;
    }

    @Override
    public byte[] primitiveArrayBytes(int object) {
        if (graph.kindOf(object) != ObjectKind.PRIMITIVE_ARRAY) {
            return null;
        }
        long offset = graph.recordOffsetOf(object);
        try {
            ByteBuffer head = offset < 0 ? ByteBuffer.allocate(0) : read(offset, 1 + idSize + 9);
            if (head.limit() < 1 + idSize + 9 || head.get(0) == (byte) 0xc3) {
                return null;
            }
            BasicType type = BasicType.ofCode(head.get(1 + idSize + 8));
            if (type == null) {
                return null;
            }
            long bytes = arrayLength(object) * type.sizeInFile(idSize);
            if (bytes > Integer.MAX_VALUE - 16) {
                return null;
            }
            ByteBuffer data = read(offset + 1 + idSize + 9, (int) bytes);
            byte[] result = new byte[data.remaining()];
            data.get(result);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the record of object " + object + " at offset " + offset, e);
        } catch (InternalError e) {
            throw cutWhileOpen(offset, e);
        }
    }

    ClassTable classes() {
        return classes;
    }

    int idSize() {
        return idSize;
    }

    @Override
    public String edgeName(int edge) {
        int source = graph.edgeSource(edge);
        int target = graph.edgeTarget(edge);
        EdgeKind kind = graph.edgeKind(edge);
        switch (kind) {
            case CLASS:
                return "<class>";
            case THREAD_LOCAL:
                return threadLocalName(source, target);
            case CLASS_INTERNAL:
                return classInternalName(source, target);
            default:
                break;
        }
        int ordinal = 0;
        for (int e = graph.firstEdge(source); e < edge; e++) {
            EdgeKind before = graph.edgeKind(e);
            if (before == EdgeKind.FIELD || before == EdgeKind.REFERENT || before == EdgeKind.ARRAY_ELEMENT) {
                ordinal++;
            }
        }
        List<FieldValue> fields = fields(source);
        int seen = 0;
        for (FieldValue field : fields) {
            if (field.target() >= 0) {
                if (seen++ == ordinal) {
                    return field.name();
                }
            }
        }
        return "?";
    }

    @Override
    public String[] edgeNamesOf(HeapGraph graph, int object) {
        int first = graph.firstEdge(object);
        String[] names = new String[graph.endEdge(object) - first];
        List<String> fieldNames = null;
        int ordinal = 0;
        for (int e = 0; e < names.length; e++) {
            EdgeKind kind = graph.edgeKind(first + e);
            if (kind != EdgeKind.FIELD && kind != EdgeKind.REFERENT && kind != EdgeKind.ARRAY_ELEMENT) {
                names[e] = edgeName(first + e);
                continue;
            }
            if (fieldNames == null) {
                fieldNames = new ArrayList<>();
                for (FieldValue field : fields(object)) {
                    if (field.target() >= 0) {
                        fieldNames.add(field.name());
                    }
                }
            }
            names[e] = ordinal < fieldNames.size() ? fieldNames.get(ordinal) : "?";
            ordinal++;
        }
        return names;
    }

    private String threadLocalName(int thread, int target) {
        for (int r = 0; r < graph.rootRecordCount(); r++) {
            if (graph.rootObject(r) == target && graph.rootThread(r) == thread) {
                return "<" + graph.rootKind(r).displayName() + ">";
            }
        }
        return "<Java Local>";
    }

    private String classInternalName(int classObject, int target) {
        int c = classes.classAt(graph.idOf(classObject));
        if (c >= 0) {
            int superClass = classes.superByClass[c];
            if (superClass >= 0 && graph.findObjectById(classes.addressByClass[superClass]) == target) {
                return "<super>";
            }
        }
        return "<classloader>";
    }

    @Override
    public String label(int object) {
        if (graph.kindOf(object) == ObjectKind.CLASS) {
            int c = classes.classAt(graph.idOf(object));
            return c < 0 ? "class ?" : "class " + classes.names[c];
        }
        String value = graph.kindOf(object) == ObjectKind.INSTANCE ? stringValue(object, 80) : null;
        return value == null ? "" : value;
    }

    @Override
    public List<FieldValue> fields(int object) {
        long offset = graph.recordOffsetOf(object);
        ObjectKind kind = graph.kindOf(object);
        try {
            return switch (kind) {
                case CLASS -> staticFields(object);
                case INSTANCE -> offset < 0 ? List.of() : instanceFields(object, offset);
                case OBJECT_ARRAY -> offset < 0 ? List.of() : objectArrayElements(offset);
                case PRIMITIVE_ARRAY -> offset < 0 ? List.of() : primitiveArrayElements(offset);
                default -> List.of();
            };
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the record of object " + object + " at offset " + offset, e);
        } catch (InternalError e) {
            throw cutWhileOpen(offset, e);
        }
    }

    /** From the record header, without reading the elements: as many as the header says and the file holds. */
    @Override
    public long arrayLength(int object) {
        ObjectKind kind = graph.kindOf(object);
        if (kind != ObjectKind.OBJECT_ARRAY && kind != ObjectKind.PRIMITIVE_ARRAY) {
            return fields(object).size();
        }
        long offset = graph.recordOffsetOf(object);
        try {
            ByteBuffer head = offset < 0 ? ByteBuffer.allocate(0) : read(offset, 1 + idSize + 9);
            if (head.limit() < 1 + idSize + 9) {
                return 0;
            }
            long length = head.getInt(1 + idSize + 4) & 0xffffffffL;
            int elementSize;
            long dataStart;
            if (kind == ObjectKind.OBJECT_ARRAY) {
                elementSize = idSize;
                dataStart = offset + 1 + 2 * idSize + 8;
            } else {
                BasicType type = BasicType.ofCode(head.get(1 + idSize + 8));
                if (type == null || head.get(0) == (byte) 0xc3) {
                    return 0;
                }
                elementSize = type.sizeInFile(idSize);
                dataStart = offset + 1 + idSize + 9;
            }
            return Math.min(length, Math.max(0, fileSize - dataStart) / elementSize);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the record of object " + object + " at offset " + offset, e);
        } catch (InternalError e) {
            throw cutWhileOpen(offset, e);
        }
    }

    private List<FieldValue> staticFields(int object) {
        int c = classes.classAt(graph.idOf(object));
        List<FieldValue> result = new ArrayList<>();
        ClassDump dump = c < 0 ? null : classes.dumpByClass[c];
        if (dump == null) {
            return result;
        }
        String[] names = classes.staticNamesByClass[c];
        for (int i = 0; i < dump.staticTypes.length; i++) {
            result.add(value(names[i], dump.staticTypes[i], dump.staticValues[i]));
        }
        return result;
    }

    private List<FieldValue> instanceFields(int object, long offset) throws IOException {
        int header = 1 + 2 * idSize + 8;
        ByteBuffer head = read(offset, header);
        long payload = head.getInt(1 + 2 * idSize + 4) & 0xffffffffL;
        int c = graph.classOf(object);
        List<FieldValue> result = new ArrayList<>();
        if (c < 0) {
            return result;
        }
        ByteBuffer data = read(offset + header, (int) Math.min(payload, classes.payloadSizeByClass[c]));
        for (int x = c; x >= 0; x = classes.superByClass[x]) {
            byte[] types = classes.fieldTypesByClass[x];
            for (int f = 0; f < types.length; f++) {
                BasicType type = BasicType.ofCode(types[f]);
                int size = type.sizeInFile(idSize);
                if (data.remaining() < size) {
                    return result;
                }
                result.add(value(classes.fieldName(x, f), types[f], rawValue(data, type)));
            }
        }
        return result;
    }

    private List<FieldValue> objectArrayElements(long offset) throws IOException {
        ByteBuffer head = read(offset, 1 + 2 * idSize + 8);
        int length = (int) Math.min(head.getInt(1 + idSize + 4) & 0xffffffffL, MAX_ARRAY_FIELDS);
        ByteBuffer data = read(offset + 1 + 2 * idSize + 8, length * idSize);
        List<FieldValue> result = new ArrayList<>(length);
        for (int i = 0; i < length && data.remaining() >= idSize; i++) {
            result.add(value("[" + i + "]", (byte) BasicType.OBJECT.code, rawValue(data, BasicType.OBJECT)));
        }
        return result;
    }

    private List<FieldValue> primitiveArrayElements(long offset) throws IOException {
        ByteBuffer head = read(offset, 1 + idSize + 9);
        int length = (int) Math.min(head.getInt(1 + idSize + 4) & 0xffffffffL, MAX_ARRAY_FIELDS);
        BasicType type = BasicType.ofCode(head.get(1 + idSize + 8));
        List<FieldValue> result = new ArrayList<>();
        if (type == null || head.get(0) == (byte) 0xc3) {
            return result;
        }
        ByteBuffer data = read(offset + 1 + idSize + 9, length * type.sizeInFile(idSize));
        for (int i = 0; i < length && data.remaining() >= type.sizeInFile(idSize); i++) {
            result.add(value("[" + i + "]", (byte) type.code, rawValue(data, type)));
        }
        return result;
    }

    private long rawValue(ByteBuffer data, BasicType type) {
        return switch (type) {
            case OBJECT -> idSize == 8 ? data.getLong() : data.getInt() & 0xffffffffL;
            case BOOLEAN, BYTE -> data.get();
            case CHAR -> data.getChar();
            case SHORT -> data.getShort();
            case INT, FLOAT -> data.getInt();
            case LONG, DOUBLE -> data.getLong();
        };
    }

    private FieldValue value(String name, byte typeCode, long bits) {
        BasicType type = BasicType.ofCode(typeCode);
        if (type == BasicType.OBJECT) {
            int target = bits == 0 ? -1 : graph.findObjectById(bits);
            return new FieldValue(name, "object", target, bits, bits == 0 ? "null" : "0x" + Long.toHexString(bits));
        }
        String text = switch (type) {
            case BOOLEAN -> Boolean.toString(bits != 0);
            case CHAR -> String.valueOf((char) bits);
            case FLOAT -> Float.toString(Float.intBitsToFloat((int) bits));
            case DOUBLE -> Double.toString(Double.longBitsToDouble(bits));
            default -> Long.toString(bits);
        };
        return FieldValue.primitive(name, type.javaName, bits, text);
    }

    @Override
    public String stringValue(int object, int maxChars) {
        if (graph.kindOf(object) == ObjectKind.PRIMITIVE_ARRAY && "char[]".equals(graph.classNameOf(object))) {
            // JDK 5 to 8u05 keep Thread.name as a bare char[].
            try {
                return decode(object, -1, 0, -1, Math.max(0, maxChars));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the characters of char[] object " + object, e);
            } catch (InternalError e) {
                throw cutWhileOpen(graph.recordOffsetOf(object), e);
            }
        }
        if (graph.kindOf(object) != ObjectKind.INSTANCE || !"java.lang.String".equals(graph.classNameOf(object))) {
            return null;
        }
        int value = -1;
        int coder = -1;
        int offset = 0;
        int count = -1;
        for (FieldValue field : fields(object)) {
            switch (field.name()) {
                case "value" -> value = field.target();
                case "coder" -> coder = field.asInt();
                case "offset" -> offset = field.asInt();
                case "count" -> count = field.asInt();
                default -> {
                }
            }
        }
        if (value < 0 || graph.kindOf(value) != ObjectKind.PRIMITIVE_ARRAY) {
            return count == 0 ? "" : null;
        }
        try {
            return decode(value, coder, offset, count, Math.max(0, maxChars));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the characters of String object " + object, e);
        } catch (InternalError e) {
            throw cutWhileOpen(graph.recordOffsetOf(value), e);
        }
    }

    private String decode(int array, int coder, int offset, int count, int maxChars) throws IOException {
        long recordOffset = graph.recordOffsetOf(array);
        ByteBuffer head = read(recordOffset, 1 + idSize + 9);
        long length = head.getInt(1 + idSize + 4) & 0xffffffffL;
        int type = head.get(1 + idSize + 8);
        long data = recordOffset + 1 + idSize + 9;
        boolean utf16Bytes = type == BasicType.BYTE.code && coder == 1;
        int unit = type == BasicType.CHAR.code || utf16Bytes ? 2 : 1;
        // The record's length counts elements: chars for a char[] (JDK 8 and older, Android), bytes for a
        // byte[], of which a UTF-16 string uses two per char.
        long available = utf16Bytes ? length / 2 : length;
        long chars = count >= 0 ? count : available;
        chars = Math.max(0, Math.min(chars, available - offset));
        int wanted = (int) Math.min(chars, maxChars);
        ByteBuffer bytes = read(data + (long) offset * unit, wanted * unit);
        StringBuilder text = new StringBuilder(wanted);
        boolean bigEndian = type == BasicType.CHAR.code || utf16Bytes && utf16BigEndian();
        while (bytes.remaining() >= unit) {
            if (unit == 1) {
                text.append((char) (bytes.get() & 0xff));
            } else {
                int first = bytes.get() & 0xff;
                int second = bytes.get() & 0xff;
                text.append((char) (bigEndian ? first << 8 | second : second << 8 | first));
            }
        }
        return text.toString();
    }

    /** MAT's test: {@code java.lang.StringUTF16.HI_BYTE_SHIFT} is 8 on a big-endian VM. */
    private boolean utf16BigEndian() {
        Boolean known = utf16BigEndian;
        if (known == null) {
            known = false;
            for (int c = 0; c < classes.count; c++) {
                if (classes.names[c].equals("java.lang.StringUTF16") && classes.dumpByClass[c] != null) {
                    ClassDump dump = classes.dumpByClass[c];
                    for (int i = 0; i < dump.staticTypes.length; i++) {
                        if ("HI_BYTE_SHIFT".equals(classes.staticNamesByClass[c][i])) {
                            known = dump.staticValues[i] == 8;
                        }
                    }
                }
            }
            utf16BigEndian = known;
        }
        return known;
    }

    /**
     * The {@code length} bytes at {@code offset}, fewer only where the dump as it was opened ends.
     *
     * @throws ColumnFileException when the file is shorter than it was opened: another process cut it
     */
    private ByteBuffer read(long offset, int length) throws IOException {
        int wanted = (int) Math.max(0, Math.min(length, fileSize - offset));
        if (offset + wanted > currentSize()) {
            throw cutWhileOpen(offset, null);
        }
        ByteBuffer mapped = mappedSlice(offset, wanted);
        if (mapped != null) {
            return mapped;
        }
        ByteBuffer buffer = ByteBuffer.allocate(wanted);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, offset + buffer.position()) < 0) {
                throw cutWhileOpen(offset, null);
            }
        }
        buffer.flip();
        return buffer;
    }

    /** The dump's size as last seen, looked at again when that is more than {@link #SIZE_LOOK_NANOS} old. */
    private long currentSize() {
        long now = System.nanoTime();
        if (now - sizeSeenAt > SIZE_LOOK_NANOS) {
            try {
                sizeSeen = channel.size();
            } catch (IOException e) {
                // A channel that cannot say its size still reads; the reads themselves will tell.
            }
            sizeSeenAt = now;
        }
        return sizeSeen;
    }

    /**
     * The one-line error for a read from a dump that is shorter than when it was opened. The JVM reports
     * a mapped page that the file no longer backs as an {@link InternalError} at the thread's next check,
     * which in compiled code can come after this class's methods have returned (then whoever catches it asks
     * {@link MappedFileWatch#explained}); where it comes inside one, that method turns it into this error. Any
     * other {@code InternalError} is rethrown.
     */
    private ColumnFileException cutWhileOpen(long offset, InternalError busError) {
        if (busError != null && !ColumnFileException.isBusErrorOnAMappedPage(busError)) {
            throw busError;
        }
        long now;
        try {
            now = channel.size();
        } catch (IOException e) {
            now = -1;
        }
        String message = MappedFileWatch.message(watched.name(), fileSize, now, offset);
        return new ColumnFileException(message, new IOException(message, busError));
    }

    /**
     * The bytes as a slice of a read-only mapped window of the dump, or null where no window holds them
     * whole (a read that crosses a window's end, or a system that refuses the mapping). An OQL query over
     * every String reads millions of record headers: from the page cache, without a system call each.
     */
    private ByteBuffer mappedSlice(long offset, int wanted) {
        int index = (int) (offset / WINDOW);
        long start = index * WINDOW;
        if (mappingRefused || offset < 0 || offset + wanted > Math.min(fileSize, start + WINDOW + WINDOW_OVERLAP)) {
            return null;
        }
        MappedByteBuffer window = windows.get(index);
        if (window == null) {
            try {
                window = channel.map(FileChannel.MapMode.READ_ONLY, start,
                        Math.min(fileSize - start, WINDOW + WINDOW_OVERLAP));
            } catch (IOException | UnsupportedOperationException e) {
                mappingRefused = true;
                return null;
            }
            if (!windows.compareAndSet(index, null, window)) {
                window = windows.get(index);
            }
        }
        return window.slice((int) (offset - start), wanted);
    }

    private static long sizeOf(FileChannel channel) {
        try {
            return channel.size();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of the dump", e);
        }
    }

    @Override
    public void close() {
        watched.close();
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
