package dev.heapdelta.app.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.heapdelta.analyzer.leaks.Suspect;
import dev.heapdelta.analyzer.report.SuspectBaseline;
import dev.heapdelta.analyzer.report.SuspectBaseline.Identity;
import dev.heapdelta.analyzer.store.PrivateFile;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The file of {@code --write-baseline} and {@code --baseline}: the accepted suspects' kinds and path keys,
 * sorted, one per line of JSON so that a review reads the diff of it line by line:
 * <pre>{"heapdeltaBaseline":1,"suspects":[
 * {"kind":"growing-collection","pathKey":"static SessionStore.CACHE"}]}</pre>
 */
final class BaselineFile {
    static final int VERSION = 1;

    private BaselineFile() {
    }

    /** Written readable by its owner only, like every file HeapDelta writes: it names the application's fields. */
    static void write(Path file, List<Suspect> suspects) throws IOException {
        try (Writer writer = new OutputStreamWriter(PrivateFile.create(file), StandardCharsets.UTF_8);
                JsonGenerator json = new JsonFactory().createGenerator(writer)) {
            json.writeStartObject();
            json.writeNumberField("heapdeltaBaseline", VERSION);
            json.writeArrayFieldStart("suspects");
            for (Identity identity : SuspectBaseline.identitiesOf(suspects)) {
                json.writeRaw('\n');
                json.writeStartObject();
                json.writeStringField("kind", identity.kind());
                json.writeStringField("pathKey", identity.pathKey());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeRaw('\n');
        }
    }

    /** @throws UsageException naming the file when it is missing or not a baseline file */
    static SuspectBaseline read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UsageException("--baseline " + file + ": no such file");
        }
        List<Identity> identities = new ArrayList<>();
        boolean versioned = false;
        try (JsonParser json = new JsonFactory().createParser(file.toFile())) {
            expect(json.nextToken() == JsonToken.START_OBJECT, file, json, "a JSON object");
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                json.nextToken();
                if ("heapdeltaBaseline".equals(field)) {
                    expect(json.currentToken() == JsonToken.VALUE_NUMBER_INT && json.getIntValue() == VERSION, file,
                            json, "\"heapdeltaBaseline\": " + VERSION);
                    versioned = true;
                } else if ("suspects".equals(field)) {
                    expect(json.currentToken() == JsonToken.START_ARRAY, file, json, "an array of suspects");
                    while (json.nextToken() == JsonToken.START_OBJECT) {
                        identities.add(identity(json, file));
                    }
                } else {
                    json.skipChildren();
                }
            }
        } catch (JsonParseException e) {
            throw new UsageException("--baseline " + file + ": not JSON at offset "
                    + e.getLocation().getCharOffset() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UsageException("--baseline " + file + ": " + e.getMessage());
        }
        if (!versioned) {
            throw new UsageException("--baseline " + file + ": not a baseline file (no \"heapdeltaBaseline\" field);"
                    + " write one with diff --write-baseline");
        }
        return SuspectBaseline.of(identities);
    }

    private static Identity identity(JsonParser json, Path file) throws IOException {
        String kind = null;
        String pathKey = null;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            json.nextToken();
            if ("kind".equals(field)) {
                kind = json.getValueAsString();
            } else if ("pathKey".equals(field)) {
                pathKey = json.getValueAsString();
            } else {
                json.skipChildren();
            }
        }
        expect(kind != null && pathKey != null, file, json, "a \"kind\" and a \"pathKey\" in each suspect");
        return new Identity(kind, pathKey);
    }

    private static void expect(boolean condition, Path file, JsonParser json, String what) {
        if (!condition) {
            throw new UsageException("--baseline " + file + ": expected " + what + " at offset "
                    + json.currentLocation().getCharOffset());
        }
    }
}
