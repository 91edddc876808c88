package dev.heapdelta.analyzer.hprof;

import java.util.PrimitiveIterator;

/**
 * The object layout HPROF does not state, inferred as Eclipse MAT infers it, and MAT's shallow-size
 * rules built on it (see docs/hprof-shallow-sizes.md):
 * <ul>
 * <li>a header of one pointer ({@code idSize}) plus one reference: 12 bytes with compressed oops, 16
 * without, 8 on a 32-bit VM;</li>
 * <li>an instance: the header plus each class level's fields (references at the reference size),
 * padded to the reference size after every level of the hierarchy, then to the alignment;</li>
 * <li>an object array: header + 4-byte length + one reference per element, aligned;</li>
 * <li>a primitive array: header + length padded to the reference size, then the elements, aligned;</li>
 * <li>a class object: its static fields only (references at the reference size), aligned; a class
 * without statics is 0 bytes.</li>
 * </ul>
 *
 * @param pointerSize the identifier size, which is the VM's pointer size
 * @param referenceSize 4 when MAT detects compressed references in a 64-bit dump, else the pointer size
 * @param alignment the greatest common divisor of address gaps, clamped to 8..256, as MAT computes it
 */
record ObjectLayout(int pointerSize, int referenceSize, int alignment) {
    private static final int MIN_ALIGNMENT = 8;
    private static final int MAX_ALIGNMENT = 256;

    int objectHeader() {
        return pointerSize + referenceSize;
    }

    /** The size of a field of wire type {@code typeCode} in the heap (not in the file). */
    int fieldSize(int typeCode) {
        return typeCode == BasicType.OBJECT.code ? referenceSize : BasicType.primitiveSize(typeCode);
    }

    long objectArraySize(long length) {
        return alignUp(pointerSize + referenceSize + 4 + length * referenceSize, alignment);
    }

    long primitiveArraySize(int elementSize, long length) {
        return alignUp(alignUp(pointerSize + referenceSize + 4, referenceSize) + length * elementSize, alignment);
    }

    static long alignUp(long value, int unit) {
        long remainder = value % unit;
        return remainder == 0 ? value : value + unit - remainder;
    }

    /**
     * MAT's alignment: the GCD of the gaps between successive addresses (the first address and
     * address 0 excluded), stopping once it is down to 8, then clamped to 8..256.
     */
    static int alignmentOf(PrimitiveIterator.OfLong ascendingAddresses) {
        long previous = 0;
        long align = 0;
        while (ascendingAddresses.hasNext()) {
            long next = ascendingAddresses.nextLong();
            if (next == 0) {
                continue;
            }
            long gap = next - previous;
            previous = next;
            if (next == gap || gap <= 0) {
                continue;
            }
            align = align == 0 ? gap : gcd(align, gap);
            if (align <= MIN_ALIGNMENT) {
                break;
            }
        }
        return (int) Math.max(Math.min(align, MAX_ALIGNMENT), MIN_ALIGNMENT);
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
