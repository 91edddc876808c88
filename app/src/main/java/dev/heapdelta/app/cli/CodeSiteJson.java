package dev.heapdelta.app.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.heapdelta.analyzer.codesites.CodeSite;
import java.io.IOException;
import java.util.List;

/** A suspect's {@code codeSites} array, written only when the application's classes were given. */
final class CodeSiteJson {
    private CodeSiteJson() {
    }

    static void write(JsonGenerator json, List<CodeSite> sites) throws IOException {
        if (sites.isEmpty()) {
            return;
        }
        json.writeArrayFieldStart("codeSites");
        for (CodeSite site : sites) {
            json.writeStartObject();
            json.writeStringField("className", site.className());
            json.writeStringField("method", site.method());
            json.writeStringField("file", site.file());
            json.writeNumberField("line", site.line());
            json.writeStringField("call", site.call());
            json.writeStringField("kind", site.kind().jsonName());
            json.writeBooleanField("indirect", site.indirect());
            if (site.sourceText() != null) {
                json.writeStringField("sourceText", site.sourceText());
            }
            json.writeEndObject();
        }
        json.writeEndArray();
    }
}
