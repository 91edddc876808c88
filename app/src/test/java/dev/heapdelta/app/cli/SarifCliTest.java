package dev.heapdelta.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.heapdelta.analyzer.testing.TestEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code diff --sarif} on the bundled Java example: valid SARIF 2.1.0 by the OASIS schema, in the shape GitHub
 * code scanning uploads (tool.driver.name and rules, a rule per ruleId, a fingerprint and a file location per
 * result), one result per suspect of the JSON report.
 */
class SarifCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static Path sarif;
    static String sarifText;
    static JsonNode report;

    @BeforeAll
    static void diffTheExampleAsJsonAndSarif() throws IOException {
        Path samples = TestEnvironment.repositoryRoot().resolve("sample-dumps/java");
        sarif = dir.resolve("heapdelta.sarif");
        Path json = dir.resolve("report.json");
        Path baseline = dir.resolve("baseline.json");
        Files.writeString(baseline, "{\"heapdeltaBaseline\":1,\"suspects\":[]}");
        CliRun run = CliRun.of("diff", samples.resolve("leaks-t0.hprof.gz").toString(),
                samples.resolve("leaks-t1.hprof.gz").toString(), samples.resolve("leaks-t2.hprof.gz").toString(),
                "--sarif", sarif.toString(), "--sarif-anchor", "pom.xml", "--json", json.toString(),
                "--baseline", baseline.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        sarifText = Files.readString(sarif);
        report = JSON.readTree(json.toFile());
    }

    @Test
    void theSarifValidatesAgainstTheSarif210Schema() throws IOException {
        Schema schema;
        try (InputStream in = SarifCliTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
        }
        List<Error> errors = schema.validate(sarifText, InputFormat.JSON);
        assertEquals(List.of(), errors.stream().map(Error::toString).toList());
        // The schema can fail: a result without its message breaks it.
        String broken = sarifText.replaceFirst("\"message\"", "\"messageLost\"");
        assertFalse(schema.validate(broken, InputFormat.JSON).isEmpty(), "the schema check can fail");
    }

    @Test
    void thereIsOneResultPerSuspectWithItsKindLevelHeadlineAndFigures() {
        JsonNode run = sarifTree().get("runs").get(0);
        JsonNode results = run.get("results");
        JsonNode suspects = report.get("suspects");
        assertEquals(suspects.size(), results.size());
        assertTrue(suspects.size() > 0, "the example leaks");
        for (int i = 0; i < suspects.size(); i++) {
            JsonNode suspect = suspects.get(i);
            JsonNode result = results.get(i);
            assertEquals(suspect.get("kind").asString(), result.get("ruleId").asString());
            assertEquals("growing".equals(suspect.get("trend").asString()) ? "error" : "warning",
                    result.get("level").asString());
            assertEquals("[" + suspect.get("kind").asString() + "] " + suspect.get("title").asString(),
                    result.get("message").get("text").asString());
            JsonNode properties = result.get("properties");
            assertEquals(suspect.get("elements"), properties.get("elements"));
            assertEquals(suspect.get("retainedBytes"), properties.get("retainedBytes"));
            assertEquals(suspect.get("trend"), properties.get("trend"));
            assertEquals(suspect.get("pathKey"), properties.get("pathKey"));
            assertFalse(properties.get("inBaseline").asBoolean());
            assertEquals("new", result.get("baselineState").asString(), "an empty baseline knows no suspect");
        }
    }

    @Test
    void itMeetsCodeScanningsUploadRequirements() throws IOException {
        JsonNode sarifTree = sarifTree();
        assertEquals("2.1.0", sarifTree.get("version").asString());
        JsonNode driver = sarifTree.get("runs").get(0).get("tool").get("driver");
        assertEquals("HeapDelta", driver.get("name").asString());
        Set<String> ruleIds = new HashSet<>();
        List<String> ruleOrder = new ArrayList<>();
        for (JsonNode rule : driver.get("rules")) {
            ruleIds.add(rule.get("id").asString());
            ruleOrder.add(rule.get("id").asString());
            assertFalse(rule.get("shortDescription").get("text").asString().isBlank());
            assertFalse(rule.get("fullDescription").get("text").asString().isBlank());
        }
        Set<String> fingerprints = new HashSet<>();
        for (JsonNode result : sarifTree.get("runs").get(0).get("results")) {
            String ruleId = result.get("ruleId").asString();
            assertTrue(ruleIds.contains(ruleId), ruleId);
            assertEquals(ruleOrder.indexOf(ruleId), result.get("ruleIndex").asInt());
            JsonNode location = result.get("locations").get(0);
            assertEquals("pom.xml", location.get("physicalLocation").get("artifactLocation").get("uri").asString());
            assertTrue(location.get("physicalLocation").get("region").get("startLine").asInt() >= 1);
            assertEquals(result.get("properties").get("pathKey").asString(),
                    location.get("logicalLocations").get(0).get("fullyQualifiedName").asString());
            String fingerprint = result.get("partialFingerprints").get(SarifReport.FINGERPRINT).asString();
            assertTrue(fingerprint.matches("[0-9a-f]{64}"), fingerprint);
            assertTrue(fingerprints.add(fingerprint), "each suspect is its own alert");
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(sarif)));
    }

    private static JsonNode sarifTree() {
        return JSON.readTree(sarifText);
    }
}
