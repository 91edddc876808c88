package dev.heapdelta.app.capture;

/** What a capture progress figure counts. */
public enum ProgressUnit {
    /** Bytes of the dump written or copied so far. */
    BYTES,
    /** Heap objects serialised so far (V8's {@code reportHeapSnapshotProgress}). */
    OBJECTS
}
