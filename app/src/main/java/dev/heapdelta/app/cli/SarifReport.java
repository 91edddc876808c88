package dev.heapdelta.app.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.heapdelta.analyzer.diff.Trend;
import dev.heapdelta.analyzer.leaks.Suspect;
import dev.heapdelta.analyzer.leaks.SuspectKind;
import dev.heapdelta.analyzer.report.DiffReport;
import dev.heapdelta.analyzer.report.SuspectText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Writes a {@link DiffReport} as SARIF 2.1.0, in the subset GitHub code scanning accepts: one result per
 * suspect, its rule the suspect kind, a fingerprint from kind and path key (stable across runs, as the alert's
 * identity must be), and the figures in {@code properties}.
 */
final class SarifReport {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String FINGERPRINT = "heapdeltaSuspect/v1";

    private SarifReport() {
    }

    static void write(DiffReport report, SarifLocations locations, JsonGenerator json) throws IOException {
        List<SuspectKind> rules = List.of(SuspectKind.values());
        json.writeStartObject();
        json.writeStringField("$schema", SCHEMA);
        json.writeStringField("version", "2.1.0");
        json.writeArrayFieldStart("runs");
        json.writeStartObject();
        writeTool(json, rules);
        json.writeArrayFieldStart("results");
        for (Suspect suspect : report.suspects()) {
            writeResult(json, report, suspect, rules.indexOf(suspect.kind()), locations);
        }
        json.writeEndArray();
        json.writeStringField("columnKind", "unicodeCodePoints");
        json.writeEndObject();
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writeTool(JsonGenerator json, List<SuspectKind> rules) throws IOException {
        json.writeObjectFieldStart("tool");
        json.writeObjectFieldStart("driver");
        json.writeStringField("name", "HeapDelta");
        json.writeStringField("version", VersionProvider.version());
        json.writeArrayFieldStart("rules");
        for (SuspectKind kind : rules) {
            json.writeStartObject();
            json.writeStringField("id", kind.jsonName());
            json.writeStringField("name", SarifRules.name(kind));
            text(json, "shortDescription", SarifRules.shortDescription(kind));
            text(json, "fullDescription", SarifRules.fullDescription(kind));
            text(json, "help", SarifRules.fullDescription(kind));
            json.writeObjectFieldStart("defaultConfiguration");
            json.writeStringField("level", SarifRules.defaultLevel(kind));
            json.writeEndObject();
            json.writeObjectFieldStart("properties");
            json.writeArrayFieldStart("tags");
            json.writeString("memory-leak");
            json.writeString("reliability");
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void writeResult(JsonGenerator json, DiffReport report, Suspect suspect, int ruleIndex,
            SarifLocations locations) throws IOException {
        json.writeStartObject();
        json.writeStringField("ruleId", suspect.kind().jsonName());
        json.writeNumberField("ruleIndex", ruleIndex);
        json.writeStringField("level", suspect.trend() == Trend.GROWING ? "error" : "warning");
        text(json, "message", SuspectText.headline(suspect));
        locations.write(json, suspect);
        json.writeObjectFieldStart("partialFingerprints");
        json.writeStringField(FINGERPRINT, fingerprint(suspect));
        json.writeEndObject();
        Boolean inBaseline = report.baseline().inBaseline(suspect);
        if (inBaseline != null) {
            json.writeStringField("baselineState", inBaseline ? "unchanged" : "new");
        }
        json.writeObjectFieldStart("properties");
        json.writeStringField("pathKey", suspect.pathKey());
        json.writeStringField("className", suspect.className());
        DiffJson.writeLongs(json, "elements", suspect.elements());
        DiffJson.writeLongs(json, "retainedBytes", suspect.retainedBytes());
        json.writeNumberField("retainedGrowth", suspect.retainedGrowth());
        json.writeStringField("trend", suspect.trend().jsonName());
        json.writeStringField("trendBasis", suspect.trendBasis());
        if (inBaseline != null) {
            json.writeBooleanField("inBaseline", inBaseline);
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    /** SHA-256 of kind and path key: the same leak in the next build is the same alert. */
    static String fingerprint(Suspect suspect) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((suspect.kind().jsonName() + "\n"
                    + suspect.pathKey()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static void text(JsonGenerator json, String field, String text) throws IOException {
        json.writeObjectFieldStart(field);
        json.writeStringField("text", text);
        json.writeEndObject();
    }
}
