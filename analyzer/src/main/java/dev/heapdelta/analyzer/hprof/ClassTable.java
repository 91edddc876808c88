package dev.heapdelta.analyzer.hprof;


/**
 * The classes of one dump, by class index: the CLASS_DUMPs in file order, then the stand-in classes
 * MAT makes up for classes the dump names but does not contain. Holds what both passes and the
 * lazy field reader need: names, hierarchy, MAT's sizes, and each class's flattened instance layout.
 */
final class ClassTable {
    final int count;
    final String[] names;
    final long[] addressByClass;
    final int[] superByClass;
    final long[] loaderAddressByClass;
    /** MAT's heap size per instance (for array classes, the reference size, as in MAT). */
    final int[] instanceSizeByClass;
    /** MAT's shallow size of the class object itself: its statics, aligned. */
    final int[] classObjectSizeByClass;
    /** The CLASS_DUMP, or null for a stand-in class. */
    final ClassDump[] dumpByClass;
    /** Whether a class object exists for the class (false only when its address holds another object). */
    final boolean[] hasClassObject;
    /** Own declared instance fields: names (see {@link #fieldName}) and wire types. */
    final String[][] fieldNamesByClass;
    final byte[][] fieldTypesByClass;
    final String[][] staticNamesByClass;
    /** Bytes of instance data an INSTANCE_DUMP of the class holds, its whole hierarchy included. */
    final int[] payloadSizeByClass;
    /** Offsets in the instance data of the reference fields, class first, then its superclasses. */
    final int[][] referenceOffsetsByClass;
    /** The edge kind of each of those fields: REFERENT for {@code java.lang.ref.Reference.referent}. */
    final byte[][] referenceKindsByClass;
    final LongIntMap classByAddress;
    final int javaLangClass;
    final int javaLangObject;
    final int[] primitiveArrayClassByType;

    ClassTable(int count, String[] names, long[] addressByClass, int[] superByClass, long[] loaderAddressByClass,
            int[] instanceSizeByClass, int[] classObjectSizeByClass, ClassDump[] dumpByClass,
            boolean[] hasClassObject, String[][] fieldNamesByClass, byte[][] fieldTypesByClass,
            String[][] staticNamesByClass, int[] payloadSizeByClass, int[][] referenceOffsetsByClass,
            byte[][] referenceKindsByClass, LongIntMap classByAddress, int javaLangClass, int javaLangObject,
            int[] primitiveArrayClassByType) {
        this.count = count;
        this.names = names;
        this.addressByClass = addressByClass;
        this.superByClass = superByClass;
        this.loaderAddressByClass = loaderAddressByClass;
        this.instanceSizeByClass = instanceSizeByClass;
        this.classObjectSizeByClass = classObjectSizeByClass;
        this.dumpByClass = dumpByClass;
        this.hasClassObject = hasClassObject;
        this.fieldNamesByClass = fieldNamesByClass;
        this.fieldTypesByClass = fieldTypesByClass;
        this.staticNamesByClass = staticNamesByClass;
        this.payloadSizeByClass = payloadSizeByClass;
        this.referenceOffsetsByClass = referenceOffsetsByClass;
        this.referenceKindsByClass = referenceKindsByClass;
        this.classByAddress = classByAddress;
        this.javaLangClass = javaLangClass;
        this.javaLangObject = javaLangObject;
        this.primitiveArrayClassByType = primitiveArrayClassByType;
    }

    /** The class whose class object has this address, or -1. */
    int classAt(long address) {
        return classByAddress.get(address);
    }

    /** The name of a class's own instance field; stand-in classes have MAT's {@code unknown-field-N}. */
    String fieldName(int classIndex, int field) {
        String[] names = fieldNamesByClass[classIndex];
        return field < names.length ? names[field] : "unknown-field-" + field;
    }

    boolean isArrayClass(int classIndex) {
        return names[classIndex].endsWith("[]");
    }

}
