package dev.heapdelta.app.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.oql.OqlClass;
import dev.heapdelta.analyzer.oql.OqlObject;
import dev.heapdelta.analyzer.oql.OqlResult;
import dev.heapdelta.analyzer.format.ObjectIds;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON of {@code heapdelta oql} (DESIGN.md §6): {@code query, kind, count, objects, columns, rows}; with
 * several dumps these describe the last one, and {@code snapshots} has the same fields per dump.
 */
final class OqlJson {
    private OqlJson() {
    }

    /** One object of a result as the JSON and the text table show it. */
    record ObjectLine(String id, String className, long shallowBytes, long retainedBytes) {
    }

    /** One dump's result, resolved while its snapshot is open. */
    record SnapshotResult(String file, OqlResult result, List<ObjectLine> objects, List<List<Object>> rows) {
    }

    static SnapshotResult of(Snapshot snapshot, OqlResult result) {
        List<ObjectLine> objects = new ArrayList<>(result.objects().length);
        for (int object : result.objects()) {
            objects.add(new ObjectLine(ObjectIds.format(snapshot.graph(), object),
                    snapshot.displayClassNameOf(object), snapshot.graph().shallowSizeOf(object),
                    snapshot.dominatorTree().retainedSizeOf(object)));
        }
        List<List<Object>> rows = new ArrayList<>(result.rows().size());
        for (List<Object> row : result.rows()) {
            List<Object> cells = new ArrayList<>(row.size());
            for (Object cell : row) {
                cells.add(resolved(snapshot, cell));
            }
            rows.add(cells);
        }
        return new SnapshotResult(snapshot.file(), result, objects, rows);
    }

    /** Objects become their ids and classes their names, so that nothing refers to a closed snapshot. */
    private static Object resolved(Snapshot snapshot, Object cell) {
        if (cell instanceof OqlObject ref) {
            return ObjectIds.format(snapshot.graph(), ref.index());
        }
        if (cell instanceof OqlClass type) {
            return snapshot.graph().className(type.classIndex());
        }
        if (cell instanceof List<?> list) {
            List<Object> values = new ArrayList<>(list.size());
            for (Object value : list) {
                values.add(resolved(snapshot, value));
            }
            return values;
        }
        if (cell instanceof Character c) {
            return String.valueOf(c);
        }
        return cell;
    }

    static void write(String query, List<SnapshotResult> results, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("query", query);
        SnapshotResult last = results.get(results.size() - 1);
        fields(last, json);
        if (results.size() > 1) {
            json.writeArrayFieldStart("snapshots");
            for (SnapshotResult result : results) {
                json.writeStartObject();
                json.writeStringField("file", result.file());
                fields(result, json);
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        json.writeEndObject();
    }

    private static void fields(SnapshotResult result, JsonGenerator json) throws IOException {
        OqlResult oql = result.result();
        json.writeStringField("kind", oql.kind().written());
        json.writeNumberField("count", oql.count());
        json.writeArrayFieldStart("objects");
        for (ObjectLine object : result.objects()) {
            json.writeStartObject();
            json.writeStringField("id", object.id());
            json.writeStringField("className", object.className());
            json.writeNumberField("shallowBytes", object.shallowBytes());
            json.writeNumberField("retainedBytes", object.retainedBytes());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("columns");
        for (String column : oql.columns()) {
            json.writeString(column);
        }
        json.writeEndArray();
        json.writeArrayFieldStart("rows");
        for (List<Object> row : result.rows()) {
            writeValue(row, json);
        }
        json.writeEndArray();
        if (oql.kind() == OqlResult.Kind.VALUE) {
            json.writeFieldName("value");
            writeValue(oql.value(), json);
        }
        if (!oql.warnings().isEmpty()) {
            json.writeArrayFieldStart("warnings");
            for (String warning : oql.warnings()) {
                json.writeString(warning);
            }
            json.writeEndArray();
        }
    }

    private static void writeValue(Object value, JsonGenerator json) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof List<?> list) {
            json.writeStartArray();
            for (Object element : list) {
                writeValue(element, json);
            }
            json.writeEndArray();
        } else if (value instanceof Long number) {
            json.writeNumber(number);
        } else if (value instanceof Double number) {
            json.writeNumber(number);
        } else if (value instanceof Boolean flag) {
            json.writeBoolean(flag);
        } else {
            json.writeString(String.valueOf(value));
        }
    }
}
