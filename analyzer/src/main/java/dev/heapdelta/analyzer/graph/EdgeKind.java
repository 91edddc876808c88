package dev.heapdelta.analyzer.graph;

/**
 * What a reference is, in the terms of both formats. The code is what {@link HeapGraph} stores per
 * edge. Whether an edge retains is decided by a {@link RetentionRule}, not here.
 */
public enum EdgeKind {
    /** HPROF: an instance field, a static field, or an object array element. */
    FIELD(0),
    /** HPROF: an object array element. */
    ARRAY_ELEMENT(1),
    /** HPROF: {@code java.lang.ref.Reference.referent}. Paths to GC roots never use it. */
    REFERENT(2),
    /** HPROF: the implicit reference from an object to its class object, as MAT models it. */
    CLASS(3),
    /** HPROF: a class object's super class, loader, signers, protection domain or constant-pool entry. */
    CLASS_INTERNAL(4),
    /** HPROF: a thread object's reference to what its stack frames and JNI locals hold. */
    THREAD_LOCAL(5),
    /** V8 edge types, in the order of V8's {@code edge_types} list. */
    V8_CONTEXT(10),
    V8_ELEMENT(11),
    V8_PROPERTY(12),
    V8_INTERNAL(13),
    V8_HIDDEN(14),
    V8_SHORTCUT(15),
    V8_WEAK(16);

    private static final EdgeKind[] BY_CODE = new EdgeKind[32];

    static {
        for (EdgeKind kind : values()) {
            BY_CODE[kind.code] = kind;
        }
    }

    private final byte code;

    EdgeKind(int code) {
        this.code = (byte) code;
    }

    public byte code() {
        return code;
    }

    public static EdgeKind ofCode(byte code) {
        return BY_CODE[code];
    }

}
