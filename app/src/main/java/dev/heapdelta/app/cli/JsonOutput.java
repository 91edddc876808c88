package dev.heapdelta.app.cli;

import dev.heapdelta.analyzer.store.PrivateFile;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens a JSON generator on a file, or on the command's standard output for {@code -}. */
final class JsonOutput {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonOutput() {
    }

    /** A callback that writes the document. */
    @FunctionalInterface
    interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    static void write(String target, PrintWriter out, Body body) throws IOException {
        if ("-".equals(target)) {
            JsonGenerator json = FACTORY.createGenerator(out);
            json.useDefaultPrettyPrinter();
            body.write(json);
            json.flush();
            out.println();
            out.flush();
            return;
        }
        Path path = Path.of(target);
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream stream = PrivateFile.create(path);
                JsonGenerator json = FACTORY.createGenerator(stream, JsonEncoding.UTF8)) {
            json.useDefaultPrettyPrinter();
            body.write(json);
        }
    }
}
