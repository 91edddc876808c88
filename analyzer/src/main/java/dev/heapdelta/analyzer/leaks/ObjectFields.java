package dev.heapdelta.analyzer.leaks;

import dev.heapdelta.analyzer.graph.FieldValue;
import dev.heapdelta.analyzer.graph.HeapGraph;
import java.util.List;

/**
 * Named field access over {@link dev.heapdelta.analyzer.graph.ObjectDetails#fields}: the first
 * match wins, which is the most derived class's field when a super class reuses the name.
 */
final class ObjectFields {
    static final long MISSING = Long.MIN_VALUE;

    private final List<FieldValue> fields;

    private ObjectFields(List<FieldValue> fields) {
        this.fields = fields;
    }

    static ObjectFields of(HeapGraph graph, int object) {
        return new ObjectFields(graph.details().fields(object));
    }

    /** An integral primitive field's value, or {@link #MISSING}. */
    long number(String name) {
        for (FieldValue field : fields) {
            if (field.name().equals(name) && !field.isReference()) {
                return field.bits();
            }
        }
        return MISSING;
    }

    /** The object a reference field points to, or -1 for null, dangling or no such field. */
    int reference(String name) {
        for (FieldValue field : fields) {
            if (field.name().equals(name) && field.isReference()) {
                return field.target();
            }
        }
        return -1;
    }

    boolean has(String name) {
        for (FieldValue field : fields) {
            if (field.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    List<FieldValue> all() {
        return fields;
    }
}
