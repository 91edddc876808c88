package dev.heapdelta.analyzer.hprof;

import dev.heapdelta.analyzer.graph.RootKind;

/**
 * The sub-records of a HEAP_DUMP or HEAP_DUMP_SEGMENT, with their wire codes: HotSpot's, the old
 * hprof agent's, and Android's 1.0.3 additions. Roots carry the {@link RootKind} they record and
 * the size of their body after the object id, in {@code extraIds} identifiers plus {@code extraBytes}.
 */
enum HeapDumpTag {
    ROOT_UNKNOWN(0xff, RootKind.UNKNOWN, 0, 0),
    ROOT_JNI_GLOBAL(0x01, RootKind.JNI_GLOBAL, 1, 0),
    ROOT_JNI_LOCAL(0x02, RootKind.JNI_LOCAL, 0, 8),
    ROOT_JAVA_FRAME(0x03, RootKind.JAVA_FRAME, 0, 8),
    ROOT_NATIVE_STACK(0x04, RootKind.NATIVE_STACK, 0, 4),
    ROOT_STICKY_CLASS(0x05, RootKind.STICKY_CLASS, 0, 0),
    ROOT_THREAD_BLOCK(0x06, RootKind.THREAD_BLOCK, 0, 4),
    ROOT_MONITOR_USED(0x07, RootKind.MONITOR_USED, 0, 0),
    ROOT_THREAD_OBJECT(0x08, RootKind.THREAD_OBJECT, 0, 8),
    ROOT_INTERNED_STRING(0x89, RootKind.INTERNED_STRING, 0, 0),
    ROOT_FINALIZING(0x8a, RootKind.FINALIZING, 0, 0),
    ROOT_DEBUGGER(0x8b, RootKind.DEBUGGER, 0, 0),
    ROOT_REFERENCE_CLEANUP(0x8c, RootKind.REFERENCE_CLEANUP, 0, 0),
    ROOT_VM_INTERNAL(0x8d, RootKind.VM_INTERNAL, 0, 0),
    ROOT_JNI_MONITOR(0x8e, RootKind.JNI_MONITOR, 0, 8),
    ROOT_UNREACHABLE(0x90, RootKind.UNREACHABLE, 0, 0),
    CLASS_DUMP(0x20, null, 0, 0),
    INSTANCE_DUMP(0x21, null, 0, 0),
    OBJ_ARRAY_DUMP(0x22, null, 0, 0),
    PRIM_ARRAY_DUMP(0x23, null, 0, 0),
    PRIM_ARRAY_NODATA_DUMP(0xc3, null, 0, 0),
    HEAP_DUMP_INFO(0xfe, null, 0, 0);

    private static final HeapDumpTag[] BY_CODE = new HeapDumpTag[256];

    static {
        for (HeapDumpTag tag : values()) {
            BY_CODE[tag.code] = tag;
        }
    }

    final int code;
    final RootKind rootKind;
    final int extraIds;
    final int extraBytes;

    HeapDumpTag(int code, RootKind rootKind, int extraIds, int extraBytes) {
        this.code = code;
        this.rootKind = rootKind;
        this.extraIds = extraIds;
        this.extraBytes = extraBytes;
    }

    static HeapDumpTag ofCode(int code) {
        return BY_CODE[code & 0xff];
    }

    boolean isRoot() {
        return rootKind != null;
    }

    /** Whether the root names a thread by its serial number (MAT attributes these to the thread). */
    boolean hasThreadSerial() {
        return this == ROOT_JNI_LOCAL || this == ROOT_JAVA_FRAME || this == ROOT_NATIVE_STACK
                || this == ROOT_THREAD_BLOCK;
    }

    /** The whole sub-record size after the tag byte, for roots. */
    int rootBodySize(int idSize) {
        return idSize * (1 + extraIds) + extraBytes;
    }
}
