package dev.heapdelta.analyzer.hprof;

/** HPROF's basic types of fields and array elements, by wire code, with their sizes in the file. */
enum BasicType {
    OBJECT(2, "object", 0),
    BOOLEAN(4, "boolean", 1),
    CHAR(5, "char", 2),
    FLOAT(6, "float", 4),
    DOUBLE(7, "double", 8),
    BYTE(8, "byte", 1),
    SHORT(9, "short", 2),
    INT(10, "int", 4),
    LONG(11, "long", 8);

    private static final BasicType[] BY_CODE = new BasicType[16];
    /** Element size in the file by wire code; 0 for unknown codes and for OBJECT (the id size). */
    private static final int[] SIZE_BY_CODE = new int[256];

    static {
        for (BasicType type : values()) {
            BY_CODE[type.code] = type;
            SIZE_BY_CODE[type.code] = type.size;
        }
    }

    final int code;
    final String javaName;
    private final int size;

    BasicType(int code, String javaName, int size) {
        this.code = code;
        this.javaName = javaName;
        this.size = size;
    }

    /** The type for a wire code, or null when the code is not a basic type. */
    static BasicType ofCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    /** The size of a value of this type in the file. */
    int sizeInFile(int idSize) {
        return this == OBJECT ? idSize : size;
    }

    /** The size of a primitive element by wire code; 0 when the code is not a primitive type. */
    static int primitiveSize(int code) {
        return SIZE_BY_CODE[code & 0xff];
    }

    boolean isPrimitive() {
        return this != OBJECT;
    }
}
