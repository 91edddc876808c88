package dev.heapdelta.app.gui.session;

import dev.heapdelta.analyzer.graph.HeapGraph;
import java.util.LinkedHashSet;
import java.util.Set;

/** The GC-root kinds of one object, as MAT names them ({@code System Class, Thread}); empty when it is none. */
public final class GcRoots {
    private GcRoots() {
    }

    /** Performance: O(root records). */
    public static String kindsOf(HeapGraph graph, int object) {
        Set<String> kinds = new LinkedHashSet<>();
        for (int r = 0; r < graph.rootRecordCount(); r++) {
            if (graph.rootObject(r) == object) {
                kinds.add(graph.rootKind(r).displayName());
            }
        }
        return String.join(", ", kinds);
    }
}
