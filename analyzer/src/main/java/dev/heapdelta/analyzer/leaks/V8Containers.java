package dev.heapdelta.analyzer.leaks;

import dev.heapdelta.analyzer.analysis.Snapshot;

/** V8's containers: Map, Set, Array, objects used as dictionaries, EventEmitter listener lists. */
public final class V8Containers implements ContainerInspector {

    @Override
    public boolean isCandidateClass(Snapshot snapshot, int classIndex) {
        return false;
    }

    @Override
    public Container inspect(Snapshot snapshot, int object) {
        return null;
    }
}
