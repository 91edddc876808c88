package dev.heapdelta.app.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.heapdelta.analyzer.diff.ClassDiffRow;
import dev.heapdelta.analyzer.format.PathStepRow;
import dev.heapdelta.analyzer.leaks.Evidence;
import dev.heapdelta.analyzer.leaks.Suspect;
import dev.heapdelta.analyzer.report.DiffReport;
import dev.heapdelta.analyzer.report.SnapshotRow;
import dev.heapdelta.analyzer.report.SuspectText;
import com.fasterxml.jackson.core.JsonFactory;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** Writes a {@link DiffReport} as the {@code diff --json} document of DESIGN.md §6. */
public final class DiffJson {
    private DiffJson() {
    }

    /** The whole document, pretty-printed, as "Copy as JSON" puts it on the clipboard. */
    public static String toJson(DiffReport report) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = new JsonFactory().createGenerator(text)) {
            json.useDefaultPrettyPrinter();
            write(report, -1, json);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to a string failed", e);
        }
        return text.toString();
    }

    /** @param topClasses how many class rows, or -1 for every class with a non-zero count */
    static void write(DiffReport report, int topClasses, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeArrayFieldStart("snapshots");
        for (SnapshotRow snapshot : report.snapshots()) {
            json.writeStartObject();
            json.writeStringField("file", snapshot.file());
            json.writeStringField("format", snapshot.format());
            json.writeNumberField("objects", snapshot.objects());
            json.writeNumberField("totalShallowBytes", snapshot.totalShallowBytes());
            json.writeBooleanField("partial", snapshot.partial());
            if (snapshot.partial()) {
                json.writeNumberField("lostBytes", snapshot.lostBytes());
                json.writeNumberField("lostRecords", snapshot.lostRecords());
                json.writeArrayFieldStart("warnings");
                for (String warning : snapshot.warnings()) {
                    json.writeString(warning);
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeStringField("trendBasis", report.trendBasis());
        json.writeStringField("retention", report.retention());
        json.writeArrayFieldStart("classes");
        List<ClassDiffRow> classes = topClasses < 0 ? report.classes()
                : report.classes().subList(0, Math.min(topClasses, report.classes().size()));
        for (ClassDiffRow row : classes) {
            json.writeStartObject();
            json.writeStringField("name", row.name());
            json.writeStringField("key", row.key());
            writeLongs(json, "count", row.count());
            writeLongs(json, "shallowBytes", row.shallowBytes());
            writeLongs(json, "retainedBytes", row.retainedBytes());
            if (row.newObjects() != null) {
                json.writeNumberField("new", row.newObjects());
                json.writeNumberField("deleted", row.deletedObjects());
                json.writeNumberField("newBytes", row.newBytes() == null ? 0 : row.newBytes());
                json.writeNumberField("freedBytes", row.freedBytes() == null ? 0 : row.freedBytes());
            }
            json.writeStringField("trend", row.trend().jsonName());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("suspects");
        for (Suspect suspect : report.suspects()) {
            writeSuspect(json, suspect, report.baseline().inBaseline(suspect));
        }
        json.writeEndArray();
        json.writeArrayFieldStart("largeRetainers");
        for (Suspect retainer : report.largeRetainers()) {
            writeSuspect(json, retainer, report.baseline().inBaseline(retainer));
        }
        json.writeEndArray();
        json.writeArrayFieldStart("boundedCaches");
        for (Suspect cache : report.boundedCaches()) {
            writeSuspect(json, cache, report.baseline().inBaseline(cache));
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    /** @param inBaseline null when no baseline was given: the field is left out */
    static void writeSuspect(JsonGenerator json, Suspect suspect, Boolean inBaseline) throws IOException {
        json.writeStartObject();
        json.writeStringField("kind", suspect.kind().jsonName());
        json.writeStringField("title", suspect.title());
        json.writeStringField("className", suspect.className());
        json.writeStringField("pathKey", suspect.pathKey());
        writeLongs(json, "elements", suspect.elements());
        writeLongs(json, "retainedBytes", suspect.retainedBytes());
        json.writeNumberField("retainedGrowth", suspect.retainedGrowth());
        json.writeStringField("trend", suspect.trend().jsonName());
        json.writeStringField("trendBasis", suspect.trendBasis());
        json.writeArrayFieldStart("pathToRoot");
        writeSteps(json, suspect.pathToRoot());
        json.writeEndArray();
        if (!suspect.otherPaths().isEmpty()) {
            // A thread's path beside the static one that names the suspect.
            json.writeArrayFieldStart("otherPaths");
            for (var path : suspect.otherPaths()) {
                json.writeStartArray();
                writeSteps(json, path);
                json.writeEndArray();
            }
            json.writeEndArray();
        }
        SummaryJson.writeStrings(json, "samples", suspect.samples());
        SummaryJson.writeStrings(json, "locations", suspect.locations());
        json.writeArrayFieldStart("evidence");
        for (Evidence evidence : suspect.evidence()) {
            json.writeStartObject();
            json.writeStringField("name", evidence.name());
            writeLongs(json, "count", evidence.count());
            writeLongs(json, "retainedBytes", evidence.retainedBytes());
            json.writeEndObject();
        }
        json.writeEndArray();
        SummaryJson.writeStrings(json, "reasons", suspect.reasons());
        if (suspect.cacheBounds().isBounded()) {
            json.writeNumberField("cacheMaximum", suspect.cacheBounds().maximum());
            json.writeNumberField("cacheWeight", suspect.cacheBounds().weight());
        }
        String cacheNote = SuspectText.cacheNote(suspect);
        if (cacheNote != null) {
            json.writeStringField("note", cacheNote);
        }
        CodeSiteJson.write(json, suspect.codeSites());
        if (suspect.objectIds() != null) {
            json.writeArrayFieldStart("objectIds");
            for (String id : suspect.objectIds()) {
                json.writeString(id);
            }
            json.writeEndArray();
        }
        if (inBaseline != null) {
            json.writeBooleanField("inBaseline", inBaseline);
        }
        json.writeEndObject();
    }

    private static void writeSteps(JsonGenerator json, List<PathStepRow> steps) throws IOException {
        for (PathStepRow step : steps) {
            SummaryJson.writeStep(json, step);
        }
    }

    static void writeLongs(JsonGenerator json, String field, Long[] values) throws IOException {
        json.writeArrayFieldStart(field);
        if (values != null) {
            for (Long value : values) {
                if (value == null) {
                    json.writeNull();
                } else {
                    json.writeNumber(value);
                }
            }
        }
        json.writeEndArray();
    }
}
