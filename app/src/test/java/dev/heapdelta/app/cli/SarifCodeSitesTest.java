package dev.heapdelta.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.heapdelta.app.codesites.LeakingShop;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** With {@code --classpath} and {@code --sources}, a SARIF result points at the line that fills the leak. */
class SarifCodeSitesTest {
    @TempDir
    Path directory;

    @Test
    void aResultsLocationIsTheSourceLineThatFillsItsContainer() throws Exception {
        LeakingShop shop = LeakingShop.build(directory);
        Path sarif = directory.resolve("shop.sarif");
        CliRun run = CliRun.of("diff", shop.dumps.get(0).toString(), shop.dumps.get(1).toString(),
                shop.dumps.get(2).toString(), "--classpath", shop.classes.toString(), "--sources",
                shop.sources.toString(), "--sarif", sarif.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        String text = Files.readString(sarif);
        assertEquals(List.of(), schema().validate(text, InputFormat.JSON).stream().map(Object::toString).toList());

        JsonNode result = resultAt(new ObjectMapper().readTree(text), "static OrderCache.ORDERS");
        JsonNode physical = result.get("locations").get(0).get("physicalLocation");
        String expectedFile = shop.sources.resolve("shop").resolve(LeakingShop.fileOf("static-map")).toString();
        assertEquals(expectedFile, physical.get("artifactLocation").get("uri").asString());
        assertEquals(LeakingShop.lineOf("static-map"), physical.get("region").get("startLine").asInt());
        assertTrue(result.get("locations").get(0).get("message").get("text").asString()
                .startsWith("OrderCache.remember("), result.toString());
    }

    private static JsonNode resultAt(JsonNode sarif, String pathKey) {
        for (JsonNode result : sarif.get("runs").get(0).get("results")) {
            if (pathKey.equals(result.get("properties").get("pathKey").asString())) {
                return result;
            }
        }
        throw new AssertionError("no result at " + pathKey + " in " + sarif);
    }

    static Schema schema() throws IOException {
        try (InputStream in = SarifCodeSitesTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
        }
    }
}
