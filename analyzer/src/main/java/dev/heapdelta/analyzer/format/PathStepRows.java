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

    public static List<PathStepRow> of(Snapshot snapshot, List<PathStep> path) {
        List<PathStepRow> rows = new ArrayList<>();
        HeapGraph graph = snapshot.graph();
        for (PathStep step : path) {
            String edge = "";
            if (step.edgeToNext() >= 0) {
                edge = PathKeys.displayEdgeName(graph.details().edgeName(step.edgeToNext()));
            }
            rows.add(new PathStepRow(ObjectIds.format(graph, step.object()), snapshot.displayClassNameOf(step.object()),
                    edge));
        }
        return rows;
    }
}
