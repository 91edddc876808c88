package dev.heapdelta.analyzer.graph;

/** The kinds of GC root, with the display name MAT uses for HPROF roots. */
public enum RootKind {
    UNKNOWN("Unknown"),
    JNI_GLOBAL("JNI Global"),
    JNI_LOCAL("JNI Local"),
    JAVA_FRAME("Java Local"),
    NATIVE_STACK("Native Stack"),
    STICKY_CLASS("System Class"),
    THREAD_BLOCK("Thread Block"),
    MONITOR_USED("Busy Monitor"),
    THREAD_OBJECT("Thread"),
    INTERNED_STRING("Interned String"),
    FINALIZING("Finalizable"),
    DEBUGGER("Debugger"),
    REFERENCE_CLEANUP("Reference Cleanup"),
    VM_INTERNAL("VM Internal"),
    JNI_MONITOR("JNI Monitor"),
    UNREACHABLE("Unreachable"),
    /** V8: a node directly under one of the {@code (GC roots)} category nodes. */
    V8_GC_ROOT("(GC roots)"),
    /** V8: the synthetic root node itself. */
    V8_SYNTHETIC_ROOT("(root)");

    private final String displayName;

    RootKind(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
