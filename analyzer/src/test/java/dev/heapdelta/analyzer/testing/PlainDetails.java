package dev.heapdelta.analyzer.testing;

import dev.heapdelta.analyzer.graph.FieldValue;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.graph.ObjectDetails;
import java.util.ArrayList;
import java.util.List;

/** Object details for graphs built directly in tests: edges are named by their index. */
public final class PlainDetails implements ObjectDetails {
    private final HeapGraph graph;

    public PlainDetails(HeapGraph graph) {
        this.graph = graph;
    }

    @Override
    public String edgeName(int edgeIndex) {
        int label = graph.edgeLabel(edgeIndex);
        return label >= 0 ? "f" + label : "e" + edgeIndex;
    }

    @Override
    public String label(int object) {
        return "";
    }

    @Override
    public List<FieldValue> fields(int object) {
        List<FieldValue> fields = new ArrayList<>();
        for (int e = graph.firstEdge(object); e < graph.endEdge(object); e++) {
            fields.add(FieldValue.reference(edgeName(e), "object", graph.edgeTarget(e)));
        }
        return fields;
    }

    @Override
    public String stringValue(int object, int maxChars) {
        return null;
    }
}
