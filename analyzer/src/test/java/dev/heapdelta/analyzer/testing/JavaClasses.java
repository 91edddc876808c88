package dev.heapdelta.analyzer.testing;

import dev.heapdelta.analyzer.testing.HprofWriter.Type;

/**
 * The JDK classes most test dumps need, written by {@link #write} at fixed addresses 8 bytes apart,
 * each held by a sticky-class root. With 8-byte ids and no compressed references MAT's layout gives
 * a 16-byte header: Object 16 bytes, String 32, Reference 48, SoftReference 56, Thread 24.
 */
public final class JavaClasses {
    public static final long OBJECT = 0x1000;
    public static final long CLASS = 0x1008;
    public static final long STRING = 0x1010;
    public static final long REFERENCE = 0x1018;
    public static final long SOFT_REFERENCE = 0x1020;
    public static final long WEAK_REFERENCE = 0x1028;
    public static final long OBJECT_ARRAY = 0x1030;
    public static final long BYTE_ARRAY = 0x1038;
    public static final long CHAR_ARRAY = 0x1040;
    public static final long THREAD = 0x1048;
    public static final long CLASS_LOADER = 0x1050;
    /** Where tests can start placing their own objects. */
    public static final long FIRST_FREE = 0x10000;

    private JavaClasses() {
    }

    public static void write(HprofWriter w) {
        w.classDump(OBJECT, "java/lang/Object", 0).write();
        w.classDump(CLASS, "java/lang/Class", OBJECT).write();
        w.classDump(STRING, "java/lang/String", OBJECT)
                .field("value", Type.OBJECT).field("coder", Type.BYTE).field("hash", Type.INT).write();
        w.classDump(REFERENCE, "java/lang/ref/Reference", OBJECT)
                .field("referent", Type.OBJECT).field("queue", Type.OBJECT).field("next", Type.OBJECT)
                .field("discovered", Type.OBJECT).write();
        w.classDump(SOFT_REFERENCE, "java/lang/ref/SoftReference", REFERENCE).field("timestamp", Type.LONG).write();
        w.classDump(WEAK_REFERENCE, "java/lang/ref/WeakReference", REFERENCE).write();
        w.classDump(OBJECT_ARRAY, "[Ljava/lang/Object;", OBJECT).write();
        w.classDump(BYTE_ARRAY, "[B", OBJECT).write();
        w.classDump(CHAR_ARRAY, "[C", OBJECT).write();
        w.classDump(THREAD, "java/lang/Thread", OBJECT).field("name", Type.OBJECT).write();
        w.classDump(CLASS_LOADER, "java/lang/ClassLoader", OBJECT).write();
        for (long c = OBJECT; c <= CLASS_LOADER; c += 8) {
            w.root(HprofWriter.ROOT_STICKY_CLASS, c);
        }
    }
}
