package dev.heapdelta.analyzer.hprof;

import dev.heapdelta.analyzer.store.ImageInput;
import dev.heapdelta.analyzer.store.ImageOutput;
import java.io.IOException;

/** Saves a {@link ClassTable} in full, CLASS_DUMPs included, and reads it back. */
final class ClassTableImage {
    private ClassTableImage() {
    }

    static void write(ClassTable table, ImageOutput out) throws IOException {
        out.writeInt(table.count);
        writeStrings(table.names, out);
        out.writeLongs(table.addressByClass);
        out.writeInts(table.superByClass);
        out.writeLongs(table.loaderAddressByClass);
        out.writeInts(table.instanceSizeByClass);
        out.writeInts(table.classObjectSizeByClass);
        for (int c = 0; c < table.count; c++) {
            writeDump(table.dumpByClass[c], out);
            out.writeBoolean(table.hasClassObject[c]);
            writeStrings(table.fieldNamesByClass[c], out);
            out.writeBytes(table.fieldTypesByClass[c]);
            writeStrings(table.staticNamesByClass[c], out);
            out.writeInts(table.referenceOffsetsByClass[c]);
            out.writeBytes(table.referenceKindsByClass[c]);
        }
        out.writeInts(table.payloadSizeByClass);
        long[] addresses = table.classByAddress.keys();
        out.writeInt(addresses.length);
        for (long address : addresses) {
            out.writeLong(address);
            out.writeInt(table.classByAddress.get(address));
        }
        out.writeInt(table.javaLangClass);
        out.writeInt(table.javaLangObject);
        out.writeInts(table.primitiveArrayClassByType);
    }

    static ClassTable read(ImageInput in) throws IOException {
        int count = in.readCount(Integer.MAX_VALUE - 8);
        String[] names = readStrings(in);
        long[] addressByClass = in.readLongs();
        int[] superByClass = in.readInts();
        long[] loaderAddressByClass = in.readLongs();
        int[] instanceSizeByClass = in.readInts();
        int[] classObjectSizeByClass = in.readInts();
        if (names == null || names.length != count || addressByClass.length != count || superByClass.length != count
                || loaderAddressByClass.length != count || instanceSizeByClass.length != count
                || classObjectSizeByClass.length != count) {
            throw in.damaged("class columns of different lengths");
        }
        ClassDump[] dumpByClass = new ClassDump[count];
        boolean[] hasClassObject = new boolean[count];
        String[][] fieldNamesByClass = new String[count][];
        byte[][] fieldTypesByClass = new byte[count][];
        String[][] staticNamesByClass = new String[count][];
        int[][] referenceOffsetsByClass = new int[count][];
        byte[][] referenceKindsByClass = new byte[count][];
        for (int c = 0; c < count; c++) {
            dumpByClass[c] = readDump(in);
            hasClassObject[c] = in.readBoolean();
            fieldNamesByClass[c] = readStrings(in);
            fieldTypesByClass[c] = in.readBytes();
            staticNamesByClass[c] = readStrings(in);
            referenceOffsetsByClass[c] = in.readInts();
            referenceKindsByClass[c] = in.readBytes();
        }
        int[] payloadSizeByClass = in.readInts();
        int mapped = in.readCount(count);
        LongIntMap classByAddress = new LongIntMap(mapped);
        for (int i = 0; i < mapped; i++) {
            classByAddress.put(in.readLong(), in.readCount(count - 1));
        }
        int javaLangClass = in.readInt();
        int javaLangObject = in.readInt();
        int[] primitiveArrayClassByType = in.readInts();
        return new ClassTable(count, names, addressByClass, superByClass, loaderAddressByClass, instanceSizeByClass,
                classObjectSizeByClass, dumpByClass, hasClassObject, fieldNamesByClass, fieldTypesByClass,
                staticNamesByClass, payloadSizeByClass, referenceOffsetsByClass, referenceKindsByClass,
                classByAddress, javaLangClass, javaLangObject, primitiveArrayClassByType);
    }

    private static void writeDump(ClassDump dump, ImageOutput out) throws IOException {
        out.writeBoolean(dump != null);
        if (dump == null) {
            return;
        }
        out.writeLong(dump.address);
        out.writeLong(dump.superAddress);
        out.writeLong(dump.loaderAddress);
        out.writeLong(dump.signersAddress);
        out.writeLong(dump.protectionDomainAddress);
        out.writeInt(dump.declaredInstanceSize);
        out.writeLong(dump.recordOffset);
        out.writeLong(dump.recordEnd);
        out.writeInt(dump.heapId);
        out.writeLongs(dump.staticNameIds);
        out.writeBytes(dump.staticTypes);
        out.writeLongs(dump.staticValues);
        out.writeLongs(dump.fieldNameIds);
        out.writeBytes(dump.fieldTypes);
    }

    private static ClassDump readDump(ImageInput in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        return new ClassDump(in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readInt(),
                in.readLong(), in.readLong(), in.readInt(), in.readLongs(), in.readBytes(), in.readLongs(),
                in.readLongs(), in.readBytes());
    }

    private static void writeStrings(String[] strings, ImageOutput out) throws IOException {
        out.writeInt(strings == null ? -1 : strings.length);
        if (strings != null) {
            for (String s : strings) {
                out.writeString(s);
            }
        }
    }

    private static String[] readStrings(ImageInput in) throws IOException {
        int length = in.readInt();
        if (length < -1) {
            throw in.damaged("string list of length " + length);
        }
        if (length == -1) {
            return null;
        }
        // Each string takes at least its 4-byte length: never allocate beyond what the file can hold.
        String[] strings = new String[in.countFitting(length, 4)];
        for (int i = 0; i < length; i++) {
            strings[i] = in.readString();
        }
        return strings;
    }
}
