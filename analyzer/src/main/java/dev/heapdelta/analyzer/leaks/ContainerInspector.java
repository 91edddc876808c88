package dev.heapdelta.analyzer.leaks;

import dev.heapdelta.analyzer.analysis.Snapshot;

/** Recognises one runtime's containers and reads their logical entry counts. */
public interface ContainerInspector {

    /** Whether instances of this class may be containers; lets a census skip most objects cheaply. */
    boolean isCandidateClass(Snapshot snapshot, int classIndex);

    /** The container this object is, or null when it is none. */
    Container inspect(Snapshot snapshot, int object);
}
