package dev.heapdelta.app.testing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * DevTools' Comparison figures of two V8 snapshot files, computed from the files alone for tests: per
 * DevTools class name, the node ids present in one snapshot only, over the nodes whose self size is not 0,
 * with their self sizes. Classes covered: objects by constructor name, {@code (string)} and {@code (number)}.
 */
public final class DevToolsComparison {
    /** {new, deleted, newBytes, freedBytes} of one class. */
    public record Changes(long newObjects, long deletedObjects, long newBytes, long freedBytes) {
    }

    private final Map<String, Changes> byClass = new HashMap<>();

    private DevToolsComparison(Map<String, List<long[]>> base, Map<String, List<long[]>> target) {
        Set<String> names = new HashSet<>(base.keySet());
        names.addAll(target.keySet());
        for (String name : names) {
            byClass.put(name, changes(base.getOrDefault(name, List.of()), target.getOrDefault(name, List.of())));
        }
    }

    public static DevToolsComparison of(Path base, Path target) throws IOException {
        return new DevToolsComparison(nodesByClass(base), nodesByClass(target));
    }

    public Changes of(String className) {
        return byClass.getOrDefault(className, new Changes(0, 0, 0, 0));
    }

    private static Changes changes(List<long[]> base, List<long[]> target) {
        Set<Long> baseIds = new HashSet<>();
        base.forEach(node -> baseIds.add(node[0]));
        Set<Long> targetIds = new HashSet<>();
        target.forEach(node -> targetIds.add(node[0]));
        long added = 0;
        long addedBytes = 0;
        for (long[] node : target) {
            if (!baseIds.contains(node[0])) {
                added++;
                addedBytes += node[1];
            }
        }
        long deleted = 0;
        long freedBytes = 0;
        for (long[] node : base) {
            if (!targetIds.contains(node[0])) {
                deleted++;
                freedBytes += node[1];
            }
        }
        return new Changes(added, deleted, addedBytes, freedBytes);
    }

    /** {id, self size} of the nodes of each covered class; plain or gzipped files. */
    private static Map<String, List<long[]>> nodesByClass(Path file) throws IOException {
        List<String> nodeFields = new ArrayList<>();
        List<String> nodeTypes = new ArrayList<>();
        List<Long> nodes = new ArrayList<>();
        List<String> strings = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                JsonParser parser = new JsonFactory().createParser(in)) {
            while (parser.nextToken() != null) {
                if (parser.currentToken() != JsonToken.FIELD_NAME) {
                    continue;
                }
                String name = parser.currentName();
                if (name.equals("node_fields")) {
                    parser.nextToken();
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        nodeFields.add(parser.getText());
                    }
                } else if (name.equals("node_types")) {
                    parser.nextToken();
                    parser.nextToken();
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        nodeTypes.add(parser.getText());
                    }
                    skipRest(parser);
                } else if (name.equals("nodes")) {
                    parser.nextToken();
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        nodes.add(parser.getLongValue());
                    }
                } else if (name.equals("strings")) {
                    parser.nextToken();
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        strings.add(parser.getText());
                    }
                }
            }
        }
        int width = nodeFields.size();
        int type = nodeFields.indexOf("type");
        int name = nodeFields.indexOf("name");
        int id = nodeFields.indexOf("id");
        int size = nodeFields.indexOf("self_size");
        Map<String, List<long[]>> byClass = new HashMap<>();
        for (int at = 0; at + width <= nodes.size(); at += width) {
            long selfSize = nodes.get(at + size);
            if (selfSize == 0) {
                continue;
            }
            String className = switch (nodeTypes.get(nodes.get(at + type).intValue())) {
                case "object" -> strings.get(nodes.get(at + name).intValue());
                case "string" -> "(string)";
                case "number" -> "(number)";
                default -> null;
            };
            if (className != null) {
                byClass.computeIfAbsent(className, k -> new ArrayList<>()).add(new long[] {nodes.get(at + id), selfSize});
            }
        }
        return byClass;
    }

    /** Skips to the end of the array that holds the one just read (node_types' other entries). */
    private static void skipRest(JsonParser parser) throws IOException {
        int depth = 1;
        while (depth > 0) {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.START_ARRAY || token == JsonToken.START_OBJECT) {
                depth++;
            } else if (token == JsonToken.END_ARRAY || token == JsonToken.END_OBJECT) {
                depth--;
            }
        }
    }
}
