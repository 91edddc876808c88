package dev.heapdelta.app.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.testing.TestEnvironment;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code heapdelta mcp} in a child JVM, driven by the MCP Java SDK's own client over stdio: the tools it lists,
 * a diff of the bundled example's three dumps, and a file outside {@code --root} refused.
 */
class McpServerTest {
    @TempDir
    static Path root;
    @TempDir
    static Path elsewhere;

    static McpSyncClient client;
    static List<String> dumps = new ArrayList<>();

    @BeforeAll
    static void startTheServerOnACopyOfTheExample() throws IOException {
        Path samples = TestEnvironment.repositoryRoot().resolve("sample-dumps/java");
        for (String moment : List.of("t0", "t1", "t2")) {
            Path copy = root.resolve("leaks-" + moment + ".hprof.gz");
            Files.copy(samples.resolve("leaks-" + moment + ".hprof.gz"), copy);
            dumps.add(copy.toString());
        }
        Files.copy(samples.resolve("leaks-t0.hprof.gz"), elsewhere.resolve("outside.hprof.gz"));
        StdioClientTransport transport = new StdioClientTransport(ServerParameters.builder(java())
                .args(serverCommand(root)).build(), McpJsonDefaults.getMapper());
        client = McpClient.sync(transport).requestTimeout(Duration.ofMinutes(5))
                .initializationTimeout(Duration.ofMinutes(1)).build();
        client.initialize();
    }

    @AfterAll
    static void stopTheServer() {
        if (client != null) {
            client.closeGracefully();
        }
    }

    @Test
    void itListsTheFiveTools() {
        Set<String> names = new TreeSet<>();
        for (Tool tool : client.listTools().tools()) {
            names.add(tool.name());
            assertFalse(tool.description().isBlank(), tool.name());
        }
        assertEquals(Set.of("summary", "diff", "paths", "oql", "capture_list"), names);
    }

    @Test
    void diffOfTheExampleNamesTheLeakWithTheCliJsonAndAShortText() {
        long started = System.nanoTime();
        CallToolResult result = client.callTool(new CallToolRequest("diff", Map.of("files", dumps)));
        long firstMillis = (System.nanoTime() - started) / 1_000_000;
        assertFalse(Boolean.TRUE.equals(result.isError()), text(result, 0));
        String sentence = text(result, 0);
        assertTrue(sentence.contains("the most likely: [growing-collection]")
                && sentence.contains("static SessionStore.CACHE"), sentence);
        JsonNode document = new ObjectMapper().readTree(text(result, 1));
        JsonNode first = document.get("suspects").get(0);
        assertEquals("static SessionStore.CACHE", first.get("pathKey").asString());
        assertEquals(List.of(500L, 3_000L, 6_000L), longs(first.get("elements")), "the example's documented counts");
        assertEquals(3, document.get("snapshots").size());
        assertTrue(result.structuredContent() instanceof Map<?, ?> structured && structured.containsKey("suspects"));

        started = System.nanoTime();
        CallToolResult again = client.callTool(new CallToolRequest("diff", Map.of("files", dumps)));
        long secondMillis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(text(result, 1), text(again, 1), "the same answer from the index cache");
        System.out.printf("MCP diff of the example: %d ms first, %d ms again (index cache)%n", firstMillis,
                secondMillis);
    }

    @Test
    void diffWithTheExamplesClassPathGivesTheLineThatFillsTheCache() throws Exception {
        Path classes = Path.of(dev.heapdelta.samples.LeakingJvmService.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI());
        Path copy = root.resolve("service-classes" + (Files.isDirectory(classes) ? "" : ".jar"));
        if (Files.isDirectory(classes)) {
            try (var walk = Files.walk(classes)) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    Path target = copy.resolve(classes.relativize(file).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target);
                }
            }
        } else {
            Files.copy(classes, copy);
        }
        CallToolResult result = client.callTool(new CallToolRequest("diff",
                Map.of("files", dumps, "classpath", List.of(copy.toString()))));
        assertFalse(Boolean.TRUE.equals(result.isError()), text(result, 0));
        JsonNode site = new ObjectMapper().readTree(text(result, 1)).get("suspects").get(0).get("codeSites").get(0);
        List<String> source = Files.readAllLines(TestEnvironment.repositoryRoot()
                .resolve("sample-dumps/src/main/java/dev/heapdelta/samples/service/SessionStore.java"));
        int expectedLine = 1 + java.util.stream.IntStream.range(0, source.size())
                .filter(i -> source.get(i).contains("CACHE.put(")).findFirst().orElseThrow();
        assertEquals("SessionStore.java", site.get("file").asString());
        assertEquals(expectedLine, site.get("line").asInt());
        assertEquals("Map.put", site.get("call").asString());
    }

    @Test
    void pathsTakesExclusionsWithTheCliSemanticsAndRefusesAMalformedOneWithTheCliMessage() {
        String session = "dev.heapdelta.samples.service.Session";
        String cache = "dev.heapdelta.samples.service.SessionStore:CACHE";
        CallToolResult plain = client.callTool(new CallToolRequest("paths",
                Map.of("file", dumps.get(0), "class", session)));
        assertFalse(Boolean.TRUE.equals(plain.isError()), text(plain, 0));
        JsonNode plainDocument = new ObjectMapper().readTree(text(plain, 1));
        assertEquals("static SessionStore.CACHE › []", plainDocument.get("paths").get(0).get("pathKey").asString());
        assertEquals(500, plainDocument.get("paths").get(0).get("count").asInt(), "the example's 500 sessions at t0");

        CallToolResult excluded = client.callTool(new CallToolRequest("paths",
                Map.of("file", dumps.get(0), "class", session, "exclude", List.of(cache))));
        assertFalse(Boolean.TRUE.equals(excluded.isError()), text(excluded, 0));
        assertEquals("No path from a GC root.", text(excluded, 0), "the only way to the sessions is that static");
        JsonNode document = new ObjectMapper().readTree(text(excluded, 1));
        assertEquals(List.of(cache), strings(document.get("excluded").get("fields")));
        assertEquals(List.of("weak", "soft", "phantom", "finalizer"),
                strings(document.get("excluded").get("references")), "naming no reference kind keeps the default");
        CliInvocation cli = CliInvocation.run(List.of("paths", dumps.get(0), "--class", session, "--exclude", cache,
                "--json", "-"));
        assertEquals(0, cli.exitCode(), cli.err());
        assertEquals(new ObjectMapper().readTree(cli.out()), document, "the CLI's document for the same --exclude");

        CallToolResult malformed = client.callTool(new CallToolRequest("paths",
                Map.of("file", dumps.get(0), "class", session, "exclude", List.of("java.lang.Thread:"))));
        assertTrue(Boolean.TRUE.equals(malformed.isError()));
        assertEquals("heapdelta: --exclude: exclusion 'java.lang.Thread:' names no field after ':'",
                text(malformed, 0));
        CallToolResult notStrings = client.callTool(new CallToolRequest("paths",
                Map.of("file", dumps.get(0), "class", session, "exclude", List.of(1, 2))));
        assertTrue(Boolean.TRUE.equals(notStrings.isError()));
        assertTrue(text(notStrings, 0).contains("/exclude/0: integer found, string expected"), text(notStrings, 0));
    }

    @Test
    void aFileOutsideTheRootsIsRefused() {
        CallToolResult result = client.callTool(new CallToolRequest("summary",
                Map.of("file", elsewhere.resolve("outside.hprof.gz").toString())));
        assertTrue(Boolean.TRUE.equals(result.isError()));
        assertTrue(text(result, 0).contains("is outside the directories this server may read"), text(result, 0));
        CallToolResult sneaky = client.callTool(new CallToolRequest("summary",
                Map.of("file", root.resolve("..").resolve(elsewhere.getFileName()).resolve("outside.hprof.gz")
                        .toString())));
        assertTrue(Boolean.TRUE.equals(sneaky.isError()), text(sneaky, 0));
    }

    @Test
    void standardOutputCarriesOnlyProtocolMessages() throws Exception {
        Process server = new ProcessBuilder(command(serverCommand(root))).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (OutputStream in = server.getOutputStream()) {
            in.write(("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                    + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}}\n"
                    + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n"
                    + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"summary\","
                    + "\"arguments\":{\"file\":" + new ObjectMapper().writeValueAsString(dumps.get(0)) + "}}}\n")
                    .getBytes(StandardCharsets.UTF_8));
            in.flush();
            List<String> lines = new ArrayList<>();
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(),
                    StandardCharsets.UTF_8));
            while (lines.size() < 2) {
                String line = out.readLine();
                if (line == null) {
                    break;
                }
                lines.add(line);
            }
            assertEquals(2, lines.size(), "an answer to initialize and one to the call: " + lines);
            for (String line : lines) {
                JsonNode message = new ObjectMapper().readTree(line);
                assertEquals("2.0", message.get("jsonrpc").asString(), line);
            }
            assertTrue(lines.get(1).contains("totalShallowBytes"), lines.get(1));
        } finally {
            assertTrue(server.waitFor(60, TimeUnit.SECONDS), "the server stops when its input is closed");
        }
    }

    private static String text(CallToolResult result, int index) {
        return ((TextContent) result.content().get(index)).text();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }

    private static List<Long> longs(JsonNode array) {
        List<Long> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asLong()));
        return values;
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** The server as the jar's main class runs it, with this test's class path and a small heap. */
    private static List<String> serverCommand(Path allowed) {
        return List.of("-Xmx256m", "-cp", System.getProperty("java.class.path"), "dev.heapdelta.app.Main", "mcp",
                "--root", allowed.toString());
    }

    private static List<String> command(List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(arguments);
        return command;
    }
}
