package dev.heapdelta.app.mcp;

import dev.heapdelta.app.capture.CaptureException;
import dev.heapdelta.app.capture.CaptureListener;
import dev.heapdelta.app.capture.CommandEnvironment;
import dev.heapdelta.app.capture.JvmProcess;
import dev.heapdelta.app.capture.LocalTargets;
import dev.heapdelta.app.capture.NodeProcess;
import dev.heapdelta.analyzer.source.CancelSignal;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The tools of {@code heapdelta mcp}. Each answers with the JSON document of the matching CLI command (as
 * structured content and as text) after one short sentence, so that an agent gets the diff, not a raw heap.
 */
final class HeapDeltaTools {
    private final McpJsonMapper json;
    private final AllowedRoots roots;
    private final boolean includeStrings;

    HeapDeltaTools(McpJsonMapper json, AllowedRoots roots, boolean includeStrings) {
        this.json = json;
        this.roots = roots;
        this.includeStrings = includeStrings;
    }

    List<SyncToolSpecification> all() {
        return List.of(
                tool("summary", "Summarise one heap dump (HPROF or V8 .heapsnapshot): totals, the classes and objects"
                        + " that retain most, as `heapdelta summary --json`.", """
                        {"type":"object","properties":{"file":{"type":"string","description":"the dump"},
                         "top":{"type":"integer","minimum":0,"description":"rows per table (default 50)"}},
                         "required":["file"]}""", this::summary),
                tool("diff", "Compare two or more dumps of one process, oldest first, and name the leak: ranked "
                        + "suspects with counts per dump and their path from a GC root, as `heapdelta diff --json`.", """
                        {"type":"object","properties":{"files":{"type":"array","items":{"type":"string"},"minItems":2,
                         "description":"the dumps, oldest first"},
                         "classpath":{"type":"array","items":{"type":"string"},
                         "description":"the application's jars, class directories or fat jar: each suspect gets its codeSites"},
                         "sources":{"type":"array","items":{"type":"string"},
                         "description":"source roots or -sources.jar files: code sites gain their line's text"}},
                         "required":["files"]}""", this::diff),
                tool("paths", "Paths from GC roots to one object (`object`: 0x… or @…) or to the instances of a "
                        + "class (`class`), as `heapdelta paths --json`; `exclude` as its --exclude.", """
                        {"type":"object","properties":{"file":{"type":"string"},"object":{"type":"string"},
                         "class":{"type":"string"},
                         "exclude":{"type":"array","items":{"type":"string"},"description":"what the paths may not\
                         go through, each as one --exclude of heapdelta paths: weak, soft, phantom, finalizer (the\
                         referents of those references; all four by default, naming any chooses exactly those),\
                         none (follow every reference), CLASS:FIELD[,FIELD...] (MAT's syntax; <locals> for a\
                         thread's frames), root:KIND (GC roots of that kind start no path)"}},
                         "required":["file"]}""", this::paths),
                tool("oql", "Run an OQL query (Eclipse MAT's dialect) on one dump, as `heapdelta oql --json`.", """
                        {"type":"object","properties":{"file":{"type":"string"},"query":{"type":"string"}},
                         "required":["file","query"]}""", this::oql),
                tool("capture_list", "List the local JVMs and Node processes whose heap could be captured.", """
                        {"type":"object","properties":{}}""", arguments -> captureList()));
    }

    private SyncToolSpecification tool(String name, String description, String inputSchema,
            Function<Map<String, Object>, CallToolResult> handler) {
        Tool tool = Tool.builder().name(name).description(description).inputSchema(json, inputSchema).build();
        return SyncToolSpecification.builder().tool(tool).callHandler((exchange, request) -> answer(handler, request))
                .build();
    }

    private static CallToolResult answer(Function<Map<String, Object>, CallToolResult> handler,
            CallToolRequest request) {
        try {
            return handler.apply(request.arguments() == null ? Map.of() : request.arguments());
        } catch (RefusedFileException | IllegalArgumentException e) {
            return error(e.getMessage());
        }
    }

    private CallToolResult summary(Map<String, Object> arguments) {
        List<String> args = new ArrayList<>(List.of("summary", allowed(text(arguments, "file")), "--json", "-"));
        if (arguments.get("top") instanceof Number top) {
            args.addAll(List.of("--top", String.valueOf(top.intValue())));
        }
        return fromCli(args, document -> String.format(Locale.ROOT, "%s dump: %,d objects, %,d bytes, %,d classes.",
                document.get("format"), number(document, "objects"), number(document, "totalShallowBytes"),
                number(document, "classes")));
    }

    private CallToolResult diff(Map<String, Object> arguments) {
        if (!(arguments.get("files") instanceof List<?> files) || files.size() < 2) {
            throw new IllegalArgumentException("diff needs \"files\": two or more dumps, oldest first");
        }
        List<String> args = new ArrayList<>(List.of("diff"));
        for (Object file : files) {
            args.add(allowed(String.valueOf(file)));
        }
        args.addAll(List.of("--json", "-"));
        if (includeStrings) {
            args.add("--include-strings");
        }
        addPathList(arguments, "classpath", args);
        addPathList(arguments, "sources", args);
        return fromCli(args, document -> {
            List<?> suspects = (List<?>) document.getOrDefault("suspects", List.of());
            if (suspects.isEmpty()) {
                return "No leak suspects: nothing grew across the " + files.size() + " dumps beyond noise.";
            }
            Map<?, ?> first = (Map<?, ?>) suspects.get(0);
            return suspects.size() + (suspects.size() == 1 ? " leak suspect" : " leak suspects") + "; the most likely: ["
                    + first.get("kind") + "] " + first.get("title") + " (where: " + first.get("pathKey") + ")";
        });
    }

    /** {@code --classpath a.jar:b/}: every entry must lie under an allowed root, like the dumps. */
    private void addPathList(Map<String, Object> arguments, String name, List<String> args) {
        if (!(arguments.get(name) instanceof List<?> entries) || entries.isEmpty()) {
            return;
        }
        List<String> allowedEntries = new ArrayList<>();
        for (Object entry : entries) {
            allowedEntries.add(allowed(String.valueOf(entry)));
        }
        args.addAll(List.of("--" + name, String.join(java.io.File.pathSeparator, allowedEntries)));
    }

    private CallToolResult paths(Map<String, Object> arguments) {
        List<String> args = new ArrayList<>(List.of("paths", allowed(text(arguments, "file"))));
        Object object = arguments.get("object");
        Object className = arguments.get("class");
        if ((object == null) == (className == null)) {
            throw new IllegalArgumentException("paths needs exactly one of \"object\" (0x… or @…) and \"class\"");
        }
        args.addAll(object != null ? List.of("--object", object.toString()) : List.of("--class", className.toString()));
        for (String exclusion : strings(arguments, "exclude")) {
            args.add("--exclude=" + exclusion);
        }
        args.addAll(List.of("--json", "-"));
        return fromCli(args, document -> {
            List<?> paths = (List<?>) document.getOrDefault("paths", List.of());
            return paths.isEmpty() ? "No path from a GC root." : paths.size() + " path(s) from GC roots; the first: "
                    + ((Map<?, ?>) paths.get(0)).get("pathKey");
        });
    }

    private CallToolResult oql(Map<String, Object> arguments) {
        List<String> args = List.of("oql", allowed(text(arguments, "file")), text(arguments, "query"), "--json", "-");
        return fromCli(args, document -> document.get("kind") + " result, count " + document.get("count")
                + (includeStrings ? "." : "; string cells are redacted (start the server with --include-strings to "
                        + "see them)."));
    }

    private CallToolResult captureList() {
        LocalTargets targets = new LocalTargets(CommandEnvironment.inherited());
        List<Map<String, Object>> jvms = new ArrayList<>();
        try {
            for (JvmProcess jvm : targets.jvms(CaptureListener.NONE, new CancelSignal())) {
                jvms.add(Map.of("pid", jvm.pid(), "displayName", jvm.displayName()));
            }
        } catch (CaptureException e) {
            return error("listing JVMs failed: " + e.getMessage());
        }
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (NodeProcess node : targets.nodeProcesses()) {
            nodes.add(Map.of("pid", node.pid(), "commandLine", node.commandLine(), "flags", node.flags().describe()));
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("jvms", jvms);
        document.put("nodeProcesses", nodes);
        return result(jvms.size() + " JVM(s) and " + nodes.size() + " Node process(es) of this user.", document);
    }

    private CallToolResult fromCli(List<String> args, Function<Map<String, Object>, String> sentence) {
        CliInvocation run = CliInvocation.run(args);
        // Exit code 4 is a partial analysis of a damaged dump: its JSON is written, flagged "partial".
        if (run.exitCode() != 0 && run.exitCode() != 4) {
            return error(run.err().isBlank() ? "heapdelta " + args.get(0) + " exited with " + run.exitCode()
                    : run.err().strip());
        }
        Map<String, Object> document;
        try {
            document = json.readValue(run.out(), new io.modelcontextprotocol.json.TypeRef<Map<String, Object>>() { });
        } catch (IOException e) {
            return error("heapdelta " + args.get(0) + " wrote no JSON: " + e.getMessage());
        }
        if ("oql".equals(args.get(0)) && !includeStrings) {
            document = StringCells.redacted(document);
        }
        return result(sentence.apply(document), document);
    }

    private CallToolResult result(String sentence, Map<String, Object> document) {
        String text;
        try {
            text = json.writeValueAsString(document);
        } catch (IOException e) {
            return error("the result could not be written as JSON: " + e.getMessage());
        }
        return CallToolResult.builder().addTextContent(sentence).addTextContent(text).structuredContent(document)
                .isError(false).build();
    }

    private static CallToolResult error(String message) {
        return CallToolResult.builder().addTextContent(message).isError(true).build();
    }

    private String allowed(String file) {
        roots.check(file);
        return file;
    }

    private static String text(Map<String, Object> arguments, String name) {
        Object value = arguments.get(name);
        if (!(value instanceof String text) || text.isBlank()) {
            throw new IllegalArgumentException("missing \"" + name + "\"");
        }
        return text;
    }

    /** An optional array of strings (the SDK has checked it against the tool's schema). */
    private static List<String> strings(Map<String, Object> arguments, String name) {
        return arguments.get(name) instanceof List<?> items ? items.stream().map(String::valueOf).toList() : List.of();
    }

    private static long number(Map<String, Object> document, String field) {
        return document.get(field) instanceof Number value ? value.longValue() : 0;
    }
}
