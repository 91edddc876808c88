package dev.heapdelta.app.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.heapdelta.analyzer.format.PathStepRow;
import dev.heapdelta.analyzer.graph.DumpInfo;
import dev.heapdelta.analyzer.report.ClassRow;
import dev.heapdelta.analyzer.report.ObjectRow;
import dev.heapdelta.analyzer.report.SummaryReport;
import java.io.IOException;
import dev.heapdelta.analyzer.leaks.Suspect;
import java.util.List;
import java.util.Map;

/** Writes a {@link SummaryReport} as the {@code summary --json} document of DESIGN.md §6. */
final class SummaryJson {
    private SummaryJson() {
    }

    static void write(SummaryReport report, JsonGenerator json) throws IOException {
        write(report, null, json);
    }

    /** @param suspects the one-dump analysis ({@code summary --suspects}), or null to leave the field out */
    static void write(SummaryReport report, List<Suspect> suspects, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("format", report.format());
        json.writeStringField("file", report.file());
        if (report.format().equals("hprof")) {
            json.writeNumberField("idSize", report.idSize());
            json.writeNumberField("dumpsInFile", report.dumpsInFile());
            json.writeNumberField("dump", report.dump());
        }
        json.writeBooleanField("partial", report.partial());
        if (report.partial()) {
            json.writeNumberField("lostBytes", report.lostBytes());
            json.writeNumberField("lostRecords", report.lostRecords());
        }
        writeStrings(json, "warnings", report.warnings());
        json.writeNumberField("objects", report.objects());
        json.writeNumberField("unreachableObjects", report.unreachableObjects());
        json.writeNumberField("classes", report.classes());
        json.writeNumberField("gcRoots", report.gcRoots());
        json.writeNumberField("totalShallowBytes", report.totalShallowBytes());
        json.writeStringField("retention", report.retention());
        json.writeArrayFieldStart("topClasses");
        for (ClassRow row : report.topClasses()) {
            json.writeStartObject();
            json.writeStringField("name", row.name());
            json.writeStringField("key", row.key());
            json.writeNumberField("count", row.count());
            json.writeNumberField("shallowBytes", row.shallowBytes());
            json.writeNumberField("retainedBytes", row.retainedBytes());
            json.writeEndObject();
        }
        json.writeEndArray();
        writeObjects(json, "topDominators", report.topDominators(), true);
        writeObjects(json, "biggestObjects", report.biggestObjects(), false);
        json.writeObjectFieldStart("timingsMs");
        json.writeNumberField("read", report.timings().readMillis());
        json.writeNumberField("graph", report.timings().graphMillis());
        json.writeNumberField("dominators", report.timings().dominatorsMillis());
        json.writeNumberField("histogram", report.timings().histogramMillis());
        json.writeNumberField("total", report.timings().totalMillis());
        json.writeEndObject();
        writeCounts(json, "fileCounts", report.fileCounts());
        writeCounts(json, "rootsByKind", report.rootsByKind());
        if (!report.statistics().isEmpty()) {
            writeCounts(json, "statistics", report.statistics());
        }
        if (!report.heaps().isEmpty()) {
            json.writeArrayFieldStart("heaps");
            for (DumpInfo.AndroidHeap heap : report.heaps()) {
                json.writeStartObject();
                json.writeStringField("name", heap.name());
                json.writeNumberField("id", heap.id());
                json.writeNumberField("classes", heap.classes());
                json.writeNumberField("instances", heap.instances());
                json.writeNumberField("shallowBytes", heap.shallowBytes());
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        if (suspects != null) {
            json.writeArrayFieldStart("suspects");
            for (Suspect suspect : suspects) {
                DiffJson.writeSuspect(json, suspect, null);
            }
            json.writeEndArray();
        }
        json.writeEndObject();
    }

    static void writeObjects(JsonGenerator json, String field, List<ObjectRow> rows, boolean withPath)
            throws IOException {
        json.writeArrayFieldStart(field);
        for (ObjectRow row : rows) {
            json.writeStartObject();
            json.writeStringField("id", row.id());
            json.writeStringField("className", row.className());
            json.writeStringField("label", row.label());
            json.writeNumberField("shallowBytes", row.shallowBytes());
            json.writeNumberField("retainedBytes", row.retainedBytes());
            json.writeStringField("pathKey", row.pathKey());
            if (withPath) {
                writePath(json, "pathToRoot", row.pathToRoot());
            }
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    static void writePath(JsonGenerator json, String field, List<PathStepRow> steps) throws IOException {
        json.writeArrayFieldStart(field);
        for (PathStepRow step : steps) {
            writeStep(json, step);
        }
        json.writeEndArray();
    }

    /**
     * One path step: {@code id}, {@code className}, {@code label} ({@code class SessionStore} for a class
     * object) and {@code edge}, whose array indexes keep their number ({@code [125]}); path keys keep {@code []}.
     */
    static void writeStep(JsonGenerator json, PathStepRow step) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", step.id());
        json.writeStringField("className", step.className());
        json.writeStringField("label", step.label());
        json.writeStringField("edge", step.indexedEdge());
        json.writeEndObject();
    }

    static void writeStrings(JsonGenerator json, String field, List<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    static void writeCounts(JsonGenerator json, String field, Map<String, Long> counts) throws IOException {
        json.writeObjectFieldStart(field);
        for (Map.Entry<String, Long> entry : counts.entrySet()) {
            json.writeNumberField(entry.getKey(), entry.getValue());
        }
        json.writeEndObject();
    }
}
