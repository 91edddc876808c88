package dev.heapdelta.analyzer.graph;

/** What a heap object is: the HPROF record kinds, and V8's node types (by name, not by position). */
public enum ObjectKind {
    INSTANCE(0),
    OBJECT_ARRAY(1),
    PRIMITIVE_ARRAY(2),
    CLASS(3),
    V8_HIDDEN(10),
    V8_ARRAY(11),
    V8_STRING(12),
    V8_OBJECT(13),
    V8_CODE(14),
    V8_CLOSURE(15),
    V8_REGEXP(16),
    V8_NUMBER(17),
    V8_NATIVE(18),
    V8_SYNTHETIC(19),
    V8_CONCATENATED_STRING(20),
    V8_SLICED_STRING(21),
    V8_SYMBOL(22),
    V8_BIGINT(23),
    V8_OBJECT_SHAPE(24),
    /** A V8 node whose type index is not in the snapshot's own type list. */
    V8_UNKNOWN(25);

    private static final ObjectKind[] BY_CODE = new ObjectKind[32];

    static {
        for (ObjectKind kind : values()) {
            BY_CODE[kind.code] = kind;
        }
    }

    private final byte code;

    ObjectKind(int code) {
        this.code = (byte) code;
    }

    public byte code() {
        return code;
    }

    public static ObjectKind ofCode(byte code) {
        return BY_CODE[code];
    }
}
