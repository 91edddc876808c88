package dev.heapdelta.analyzer.format;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.query.PathKeys;
import dev.heapdelta.analyzer.query.PathStep;
import java.util.ArrayList;
import java.util.List;

/** Writes a path to a GC root as the rows that reports and leak suspects show. */
public final class PathStepRows {
    private PathStepRows() {
    }

    /**
     * A class object's label, {@code class SessionStore}; empty for other objects, whose labels can be string
     * contents, which reports redact.
     */
    private static String classLabelOf(Snapshot snapshot, int object) {
        HeapGraph graph = snapshot.graph();
        if (graph.kindOf(object) != dev.heapdelta.analyzer.graph.ObjectKind.CLASS) {
            return "";
        }
        String label = snapshot.labelOf(object);
        return label == null ? "" : label;
    }

    public static List<PathStepRow> of(Snapshot snapshot, List<PathStep> path) {
        List<PathStepRow> rows = new ArrayList<>();
        HeapGraph graph = snapshot.graph();
        for (PathStep step : path) {
            String edge = "";
            String indexed = "";
            if (step.edgeToNext() >= 0) {
                String name = graph.details().edgeName(step.edgeToNext());
                edge = PathKeys.displayEdgeName(name);
                indexed = edge.equals(name) ? name : name.startsWith("[") ? name : "[" + name + "]";
            }
            rows.add(new PathStepRow(ObjectIds.format(graph, step.object()), snapshot.displayClassNameOf(step.object()),
                    edge, classLabelOf(snapshot, step.object()), indexed));
        }
        return rows;
    }
}
