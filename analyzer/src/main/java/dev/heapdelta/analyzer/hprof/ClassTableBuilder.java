package dev.heapdelta.analyzer.hprof;

import dev.heapdelta.analyzer.graph.EdgeKind;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves the first pass's CLASS_DUMPs into a {@link ClassTable}: names from LOAD_CLASS, the
 * hierarchy, MAT's instance and class-object sizes, the flattened instance layouts, and MAT's
 * stand-in classes for classes that instances, arrays or subclasses name but the dump lacks.
 */
final class ClassTableBuilder {
    private static final String[] PRIMITIVE_ARRAY_NAME_BY_TYPE = new String[16];
    private static final int MAX_STAND_IN_PAYLOAD = 1 << 20;
    private static final String PRIMITIVE_SIGNATURES = "ZCFDBSIJ";
    private static final String[] PRIMITIVE_NAME_BY_SIGNATURE = {
        "boolean", "char", "float", "double", "byte", "short", "int", "long"};

    static {
        for (BasicType type : BasicType.values()) {
            if (type.isPrimitive()) {
                PRIMITIVE_ARRAY_NAME_BY_TYPE[type.code] = type.javaName + "[]";
            }
        }
    }

    /** The table, and the addresses of stand-in class objects that are not in the file. */
    record Result(ClassTable table, long[] standInAddresses) {
    }

    private final RecordScan scan;
    private final FileChannel channel;
    private final ObjectLayout layout;
    private final AddressIndex index;
    private final ReadProblems problems;
    private final int idSize;
    private final Map<Long, String> nameById = new HashMap<>();

    private final List<String> names = new ArrayList<>();
    private final List<Long> addresses = new ArrayList<>();
    private final List<Long> superAddresses = new ArrayList<>();
    private final List<Long> loaderAddresses = new ArrayList<>();
    private final List<ClassDump> dumps = new ArrayList<>();
    private final List<Boolean> hasObject = new ArrayList<>();
    private final List<String[]> fieldNames = new ArrayList<>();
    private final List<byte[]> fieldTypes = new ArrayList<>();
    private final List<String[]> staticNames = new ArrayList<>();
    private final LongIntMap classByAddress = new LongIntMap(1 << 10);
    private final List<Long> standInAddresses = new ArrayList<>();
    private long nextFreeAddress;
    private int standInNumber;

    private ClassTableBuilder(RecordScan scan, FileChannel channel, ObjectLayout layout, AddressIndex index,
            ReadProblems problems) {
        this.scan = scan;
        this.channel = channel;
        this.layout = layout;
        this.index = index;
        this.problems = problems;
        this.idSize = scan.header.idSize();
    }

    static Result build(RecordScan scan, FileChannel channel, ObjectLayout layout, AddressIndex index,
            ReadProblems problems) throws IOException {
        return new ClassTableBuilder(scan, channel, layout, index, problems).build();
    }

    private Result build() throws IOException {
        for (ClassDump dump : scan.classDumps) {
            if (classByAddress.containsKey(dump.address)) {
                problems.warn("duplicate CLASS_DUMP, the first kept", "0x" + Long.toHexString(dump.address));
                continue;
            }
            addDumped(dump);
        }
        addStandIns();
        return new Result(finish(), standInAddresses.stream().mapToLong(Long::longValue).toArray());
    }

    private void addDumped(ClassDump dump) throws IOException {
        classByAddress.put(dump.address, names.size());
        names.add(className(dump.address));
        addresses.add(dump.address);
        superAddresses.add(dump.superAddress);
        loaderAddresses.add(dump.loaderAddress);
        dumps.add(dump);
        hasObject.add(true);
        String[] ownFieldNames = new String[dump.fieldNameIds.length];
        for (int i = 0; i < ownFieldNames.length; i++) {
            ownFieldNames[i] = string(dump.fieldNameIds[i]);
        }
        fieldNames.add(ownFieldNames);
        fieldTypes.add(dump.fieldTypes);
        String[] ownStaticNames = new String[dump.staticNameIds.length];
        for (int i = 0; i < ownStaticNames.length; i++) {
            ownStaticNames[i] = string(dump.staticNameIds[i]);
        }
        staticNames.add(ownStaticNames);
    }

    private String string(long id) throws IOException {
        if (id == 0) {
            return "";
        }
        String known = nameById.get(id);
        if (known == null) {
            known = scan.strings.get(channel, id);
            if (known == null) {
                problems.warn("name string missing from the file", "id 0x" + Long.toHexString(id));
                known = "unresolved-name@0x" + Long.toHexString(id);
            }
            nameById.put(id, known);
        }
        return known;
    }

    /** MAT's display name: dots for slashes, and {@code [[I} written as {@code int[][]}. */
    private String className(long address) throws IOException {
        int slot = scan.loadClassSlotByClassId.get(address);
        if (slot < 0) {
            return "unknown-name@0x" + Long.toHexString(address);
        }
        String name = string(scan.loadClassNameIds.get(slot)).replace('/', '.');
        if (name.isEmpty() || name.charAt(0) != '[') {
            return name.isEmpty() ? "unknown-name@0x" + Long.toHexString(address) : name;
        }
        int dimensions = 0;
        while (dimensions < name.length() && name.charAt(dimensions) == '[') {
            dimensions++;
        }
        String element = name.substring(dimensions);
        String base;
        if (element.length() > 2 && element.charAt(0) == 'L' && element.endsWith(";")) {
            base = element.substring(1, element.length() - 1);
        } else if (element.length() == 1 && PRIMITIVE_SIGNATURES.indexOf(element.charAt(0)) >= 0) {
            base = PRIMITIVE_NAME_BY_SIGNATURE[PRIMITIVE_SIGNATURES.indexOf(element.charAt(0))];
        } else if (element.length() == 1) {
            base = "unknown";
        } else {
            return name;
        }
        return base + "[]".repeat(dimensions);
    }

    private int firstByName(String name) {
        for (int c = 0; c < names.size(); c++) {
            if (names.get(c).equals(name)) {
                return c;
            }
        }
        return -1;
    }

    /** MAT's stand-ins: java.lang.Class, array classes, primitive array classes, then instance classes. */
    private void addStandIns() {
        int javaLangObject = firstByName("java.lang.Object");
        long objectAddress = javaLangObject < 0 ? 0 : addresses.get(javaLangObject);
        if (firstByName("java.lang.Class") < 0) {
            problems.warn("class missing from the dump, a stand-in made as MAT does", "java.lang.Class");
            addStandIn(freeAddress(), "java.lang.Class", objectAddress, new byte[0], true);
        }
        for (long arrayClassId : sortedKeys(scan.arrayClassIds)) {
            if (!classByAddress.containsKey(arrayClassId)) {
                problems.warn("class missing from the dump, a stand-in made as MAT does",
                        "array class 0x" + Long.toHexString(arrayClassId));
                addStandInAt(arrayClassId, "unknown-class-" + standInNumber++ + "[]", objectAddress, new byte[0]);
            }
        }
        for (int type = 0; type < scan.primitiveArrayTypesSeen.length; type++) {
            String name = PRIMITIVE_ARRAY_NAME_BY_TYPE[type];
            if (scan.primitiveArrayTypesSeen[type] && name != null && firstByName(name) < 0) {
                problems.warn("class missing from the dump, a stand-in made as MAT does", name);
                addStandIn(freeAddress(), name, objectAddress, new byte[0], true);
            }
        }
        Map<Long, Integer> required = new LinkedHashMap<>();
        for (long classId : sortedKeys(scan.instanceClassIds)) {
            required.put(classId, scan.instanceClassIds.get(classId));
        }
        for (ClassDump dump : dumps) {
            if (dump != null && dump.superAddress != 0 && !classByAddress.containsKey(dump.superAddress)) {
                required.putIfAbsent(dump.superAddress, Math.max(0, dump.declaredInstanceSize - ownFieldBytes(dump)));
            }
        }
        for (Map.Entry<Long, Integer> entry : required.entrySet()) {
            long classId = entry.getKey();
            if (!classByAddress.containsKey(classId)) {
                problems.warn("class missing from the dump, a stand-in made as MAT does",
                        "class 0x" + Long.toHexString(classId));
                addStandInAt(classId, "unknown-class-" + standInNumber++, objectAddress, paddingFields(entry.getValue()));
            }
        }
    }

    private int ownFieldBytes(ClassDump dump) {
        int bytes = 0;
        for (byte type : dump.fieldTypes) {
            bytes += type == BasicType.OBJECT.code ? idSize : BasicType.primitiveSize(type);
        }
        return bytes;
    }

    /**
     * MAT's unknown fields: ints, then a short and a byte, adding up to the instance data size (up to
     * 1 MB; an instance record larger than that is not a class layout worth imitating).
     */
    private byte[] paddingFields(int wantedSize) {
        int size = wantedSize;
        if (size > MAX_STAND_IN_PAYLOAD) {
            problems.warn("stand-in class for an instance larger than 1 MB left without fields", size + " bytes");
            size = 0;
        }
        int ints = size / 4;
        byte[] types = new byte[ints + ((size & 2) != 0 ? 1 : 0) + ((size & 1) != 0 ? 1 : 0)];
        int i = 0;
        for (; i < ints; i++) {
            types[i] = (byte) BasicType.INT.code;
        }
        if ((size & 2) != 0) {
            types[i++] = (byte) BasicType.SHORT.code;
        }
        if ((size & 1) != 0) {
            types[i] = (byte) BasicType.BYTE.code;
        }
        return types;
    }

    private static long[] sortedKeys(LongIntMap map) {
        long[] keys = map.keys();
        java.util.Arrays.sort(keys);
        return keys;
    }

    private void addStandInAt(long address, String name, long superAddress, byte[] types) {
        boolean free = index.indexOf(address) < 0;
        if (!free) {
            problems.warn("class id names an object that is not a class", "0x" + Long.toHexString(address));
        }
        addStandIn(address, name, superAddress, types, free);
    }

    private void addStandIn(long address, String name, long superAddress, byte[] types, boolean withObject) {
        classByAddress.put(address, names.size());
        names.add(name);
        addresses.add(address);
        superAddresses.add(superAddress);
        loaderAddresses.add(0L);
        dumps.add(null);
        hasObject.add(withObject);
        fieldNames.add(new String[0]);
        fieldTypes.add(types);
        staticNames.add(new String[0]);
        if (withObject) {
            standInAddresses.add(address);
        }
    }

    /** MAT's addresses for stand-ins that have none: the first free multiples of the alignment. */
    private long freeAddress() {
        do {
            nextFreeAddress += layout.alignment();
        } while (index.indexOf(nextFreeAddress) >= 0 || classByAddress.containsKey(nextFreeAddress));
        return nextFreeAddress;
    }

    private ClassTable finish() {
        int count = names.size();
        int[] superByClass = new int[count];
        for (int c = 0; c < count; c++) {
            long superAddress = superAddresses.get(c);
            superByClass[c] = superAddress == 0 ? -1 : classByAddress.get(superAddress);
        }
        breakCycles(superByClass);
        int referenceClass = firstByName("java.lang.ref.Reference");
        int[] instanceSize = new int[count];
        int[] classObjectSize = new int[count];
        int[] payloadSize = new int[count];
        int[][] referenceOffsets = new int[count][];
        byte[][] referenceKinds = new byte[count][];
        int[] unalignedSize = new int[count];
        java.util.Arrays.fill(unalignedSize, -1);
        String[] nameArray = names.toArray(new String[0]);
        for (int c = 0; c < count; c++) {
            boolean array = nameArray[c].endsWith("[]");
            instanceSize[c] = array ? layout.referenceSize()
                    : (int) ObjectLayout.alignUp(recursiveSize(c, superByClass, unalignedSize), layout.alignment());
            ClassDump dump = dumps.get(c);
            int statics = 0;
            if (dump != null) {
                for (byte type : dump.staticTypes) {
                    statics += layout.fieldSize(type);
                }
            }
            classObjectSize[c] = (int) ObjectLayout.alignUp(statics, layout.alignment());
            flattenLayout(c, superByClass, referenceClass, payloadSize, referenceOffsets, referenceKinds);
        }
        int[] primitiveArrayClassByType = new int[16];
        for (int type = 0; type < 16; type++) {
            String name = PRIMITIVE_ARRAY_NAME_BY_TYPE[type];
            primitiveArrayClassByType[type] = name == null ? -1 : firstByName(name);
        }
        boolean[] hasClassObject = new boolean[count];
        long[] addressArray = new long[count];
        long[] loaderArray = new long[count];
        for (int c = 0; c < count; c++) {
            hasClassObject[c] = hasObject.get(c);
            addressArray[c] = addresses.get(c);
            loaderArray[c] = loaderAddresses.get(c);
        }
        return new ClassTable(count, nameArray, addressArray, superByClass, loaderArray, instanceSize,
                classObjectSize, dumps.toArray(new ClassDump[0]), hasClassObject, fieldNames.toArray(new String[0][]),
                fieldTypes.toArray(new byte[0][]), staticNames.toArray(new String[0][]), payloadSize,
                referenceOffsets, referenceKinds, classByAddress, firstByName("java.lang.Class"),
                firstByName("java.lang.Object"), primitiveArrayClassByType);
    }

    /** Cuts every super-class cycle at the class where the walk first meets itself again. */
    private void breakCycles(int[] superByClass) {
        int count = superByClass.length;
        int[] state = new int[count];
        for (int start = 0; start < count; start++) {
            int c = start;
            List<Integer> path = new ArrayList<>();
            while (c >= 0 && state[c] == 0) {
                state[c] = 1;
                path.add(c);
                int s = superByClass[c];
                if (s >= 0 && state[s] == 1) {
                    problems.warn("class hierarchy cycle, broken", names.get(c) + " -> " + names.get(s));
                    superByClass[c] = -1;
                    s = -1;
                }
                c = s;
            }
            for (int p : path) {
                state[p] = 2;
            }
        }
    }

    /** MAT's calculateSizeRecursive: the header at the root, each level's fields padded to the reference size. */
    private int recursiveSize(int c, int[] superByClass, int[] memo) {
        List<Integer> chain = new ArrayList<>();
        int x = c;
        while (x >= 0 && memo[x] < 0) {
            chain.add(x);
            x = superAddresses.get(x) == 0 ? -1 : superByClass[x];
        }
        for (int i = chain.size() - 1; i >= 0; i--) {
            int k = chain.get(i);
            int parent = superAddresses.get(k) == 0 ? -1 : superByClass[k];
            if (parent < 0) {
                memo[k] = layout.objectHeader();
            } else {
                int own = 0;
                for (byte type : fieldTypes.get(k)) {
                    own += layout.fieldSize(type);
                }
                memo[k] = (int) ObjectLayout.alignUp(own + memo[parent], layout.referenceSize());
            }
        }
        return memo[c];
    }

    private void flattenLayout(int c, int[] superByClass, int referenceClass, int[] payloadSize,
            int[][] referenceOffsets, byte[][] referenceKinds) {
        int offset = 0;
        int references = 0;
        for (int x = c; x >= 0; x = superByClass[x]) {
            for (byte type : fieldTypes.get(x)) {
                references += type == BasicType.OBJECT.code ? 1 : 0;
            }
        }
        int[] offsets = new int[references];
        byte[] kinds = new byte[references];
        int r = 0;
        for (int x = c; x >= 0; x = superByClass[x]) {
            byte[] types = fieldTypes.get(x);
            String[] ownNames = fieldNames.get(x);
            for (int f = 0; f < types.length; f++) {
                if (types[f] == BasicType.OBJECT.code) {
                    offsets[r] = offset;
                    kinds[r] = x == referenceClass && f < ownNames.length && "referent".equals(ownNames[f])
                            ? EdgeKind.REFERENT.code() : EdgeKind.FIELD.code();
                    r++;
                    offset += idSize;
                } else {
                    offset += BasicType.primitiveSize(types[f]);
                }
            }
        }
        payloadSize[c] = offset;
        referenceOffsets[c] = offsets;
        referenceKinds[c] = kinds;
    }
}
