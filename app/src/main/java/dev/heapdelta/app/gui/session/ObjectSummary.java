package dev.heapdelta.app.gui.session;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.format.ObjectIds;
import dev.heapdelta.app.gui.format.ObjectNames;

/**
 * One object as lists and trees show it: class, written id, label, sizes, and its share of the heap.
 *
 * @param label a class object's {@code class Foo}, a string's start, or empty
 */
public record ObjectSummary(ObjectRef ref, String className, String id, String label, long shallowBytes,
        long retainedBytes, long heapBytes) {

    public static ObjectSummary of(Snapshot snapshot, int snapshotIndex, int object) {
        return new ObjectSummary(new ObjectRef(snapshotIndex, object), snapshot.displayClassNameOf(object),
                ObjectIds.format(snapshot.graph(), object), safeLabel(snapshot, object),
                snapshot.graph().shallowSizeOf(object), snapshot.dominatorTree().retainedSizeOf(object),
                snapshot.totalShallowBytes());
    }

    /** {@code HashMap @ 0x7f00a1b8 "label"}: how a line of text names its object (see {@link ObjectNames}). */
    public String title() {
        return names().plain();
    }

    /** The parts of the object's name, as name cells show them. */
    public ObjectNames names() {
        return ObjectNames.of(className, id, label);
    }

    private static String safeLabel(Snapshot snapshot, int object) {
        String label = snapshot.labelOf(object);
        if (label == null) {
            return "";
        }
        String oneLine = label.replace('\n', ' ').replace('\r', ' ');
        return oneLine.length() > 120 ? oneLine.substring(0, 119) + "…" : oneLine;
    }
}
