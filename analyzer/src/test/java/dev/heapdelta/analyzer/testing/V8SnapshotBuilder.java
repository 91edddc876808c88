package dev.heapdelta.analyzer.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Writes tiny V8 heap snapshots for tests: nodes and edges by name, any meta variant (field order,
 * extra columns, type lists), locations, extra header keys, and raw values for corrupt cases.
 */
public final class V8SnapshotBuilder {
    public static final List<String> NODE_TYPES = List.of("hidden", "array", "string", "object", "code", "closure",
            "regexp", "number", "native", "synthetic", "concatenated string", "sliced string", "symbol", "bigint",
            "object shape");
    public static final List<String> EDGE_TYPES = List.of("context", "element", "property", "internal", "hidden",
            "shortcut", "weak");

    private List<String> nodeFields = List.of("type", "name", "id", "self_size", "edge_count", "trace_node_id",
            "detachedness");
    private List<String> edgeFields = List.of("type", "name_or_index", "to_node");
    private List<String> nodeTypes = NODE_TYPES;
    private List<String> edgeTypes = EDGE_TYPES;
    private final List<String> strings = new ArrayList<>(List.of(""));
    private final List<Map<String, Long>> nodes = new ArrayList<>();
    private final List<List<long[]>> edgesByNode = new ArrayList<>();
    private final List<long[]> locations = new ArrayList<>();
    private final Map<String, String> extraHeader = new LinkedHashMap<>();
    private final Map<String, String> extraTopLevel = new LinkedHashMap<>();
    private Long declaredNodeCount;
    private Long declaredEdgeCount;
    private long extraNativeBytes = -1;
    private long nextId = 1;

    public V8SnapshotBuilder nodeFields(String... fields) {
        nodeFields = List.of(fields);
        return this;
    }

    public V8SnapshotBuilder edgeFields(String... fields) {
        edgeFields = List.of(fields);
        return this;
    }

    public V8SnapshotBuilder nodeTypes(List<String> types) {
        nodeTypes = types;
        return this;
    }

    public V8SnapshotBuilder declaredCounts(long nodeCount, long edgeCount) {
        declaredNodeCount = nodeCount;
        declaredEdgeCount = edgeCount;
        return this;
    }

    public V8SnapshotBuilder extraNativeBytes(long bytes) {
        extraNativeBytes = bytes;
        return this;
    }

    /** Adds {@code "key":rawJson} inside {@code snapshot}. */
    public V8SnapshotBuilder headerKey(String key, String rawJson) {
        extraHeader.put(key, rawJson);
        return this;
    }

    /** Adds {@code "key":rawJson} at the top level, after the arrays and before {@code strings}. */
    public V8SnapshotBuilder topLevelKey(String key, String rawJson) {
        extraTopLevel.put(key, rawJson);
        return this;
    }

    public int string(String value) {
        int index = strings.indexOf(value);
        if (index < 0) {
            strings.add(value);
            index = strings.size() - 1;
        }
        return index;
    }

    /** Adds a node of a listed type; returns its ordinal. */
    public int node(String type, String name, long selfSize) {
        long id = nextId;
        nextId += 2;
        return nodeWithId(type, name, selfSize, id);
    }

    public int nodeWithId(String type, String name, long selfSize, long id) {
        int typeIndex = nodeTypes.indexOf(type);
        if (typeIndex < 0) {
            throw new IllegalArgumentException("type " + type + " not in the type list");
        }
        return rawNode(typeIndex, string(name), selfSize, id);
    }

    /** Adds a node with a raw type value (possibly outside the type list). */
    public int rawNode(long typeIndex, long nameIndex, long selfSize, long id) {
        Map<String, Long> values = new LinkedHashMap<>();
        values.put("type", typeIndex);
        values.put("name", nameIndex);
        values.put("id", id);
        values.put("self_size", selfSize);
        values.put("trace_node_id", 0L);
        values.put("detachedness", 0L);
        nodes.add(values);
        edgesByNode.add(new ArrayList<>());
        return nodes.size() - 1;
    }

    public V8SnapshotBuilder detachedness(int node, int state) {
        nodes.get(node).put("detachedness", (long) state);
        return this;
    }

    /** An edge with a string name (property, internal, context, shortcut, weak). */
    public V8SnapshotBuilder edge(int from, String type, String name, int to) {
        return rawEdge(from, edgeTypes.indexOf(type), string(name), (long) to * nodeFields.size());
    }

    /** An edge with an index name (element, hidden). */
    public V8SnapshotBuilder edge(int from, String type, int index, int to) {
        return rawEdge(from, edgeTypes.indexOf(type), index, (long) to * nodeFields.size());
    }

    /** An edge with raw values; {@code toNodeField} is the to_node value as written (a node field index). */
    public V8SnapshotBuilder rawEdge(int from, long typeIndex, long nameOrIndex, long toNodeField) {
        edgesByNode.get(from).add(new long[] {typeIndex, nameOrIndex, toNodeField});
        return this;
    }

    public V8SnapshotBuilder location(int node, int scriptId, int line, int column) {
        locations.add(new long[] {(long) node * nodeFields.size(), scriptId, line, column});
        return this;
    }

    public int nodeCount() {
        return nodes.size();
    }

    public String toJson() {
        StringBuilder out = new StringBuilder("{\"snapshot\":{\"meta\":{\"node_fields\":").append(list(nodeFields))
                .append(",\"node_types\":[");
        for (int i = 0; i < nodeFields.size(); i++) {
            out.append(i == 0 ? "" : ",").append(nodeFields.get(i).equals("type") ? list(nodeTypes)
                    : nodeFields.get(i).equals("name") ? "\"string\"" : "\"number\"");
        }
        out.append("],\"edge_fields\":").append(list(edgeFields)).append(",\"edge_types\":[").append(list(edgeTypes))
                .append(",\"string_or_number\",\"node\"],\"location_fields\":[\"object_index\",\"script_id\",\"line\",\"column\"]}");
        long edgeTotal = edgesByNode.stream().mapToLong(List::size).sum();
        out.append(",\"node_count\":").append(declaredNodeCount != null ? declaredNodeCount : nodes.size());
        out.append(",\"edge_count\":").append(declaredEdgeCount != null ? declaredEdgeCount : edgeTotal);
        if (extraNativeBytes >= 0) {
            out.append(",\"extra_native_bytes\":").append(extraNativeBytes);
        }
        extraHeader.forEach((key, value) -> out.append(",\"").append(key).append("\":").append(value));
        out.append("},\n\"nodes\":[");
        for (int n = 0; n < nodes.size(); n++) {
            for (int f = 0; f < nodeFields.size(); f++) {
                String field = nodeFields.get(f);
                long value = field.equals("edge_count") ? edgesByNode.get(n).size()
                        : nodes.get(n).getOrDefault(field, 0L);
                out.append(n + f == 0 ? "" : ",").append(value);
            }
            out.append('\n');
        }
        out.append("],\n\"edges\":[");
        boolean first = true;
        for (List<long[]> edges : edgesByNode) {
            for (long[] edge : edges) {
                for (String field : edgeFields) {
                    long value = switch (field) {
                        case "type" -> edge[0];
                        case "name_or_index" -> edge[1];
                        case "to_node" -> edge[2];
                        default -> 0;
                    };
                    out.append(first ? "" : ",").append(value);
                    first = false;
                }
            }
        }
        out.append("],\n\"locations\":[");
        for (int i = 0; i < locations.size(); i++) {
            long[] l = locations.get(i);
            out.append(i == 0 ? "" : ",").append(l[0]).append(',').append(l[1]).append(',').append(l[2])
                    .append(',').append(l[3]);
        }
        out.append("],\n");
        extraTopLevel.forEach((key, value) -> out.append('"').append(key).append("\":").append(value).append(",\n"));
        out.append("\"strings\":[");
        for (int i = 0; i < strings.size(); i++) {
            out.append(i == 0 ? "" : ",\n").append(quote(strings.get(i)));
        }
        return out.append("]}\n").toString();
    }

    public Path write(Path file) throws IOException {
        Files.writeString(file, toJson(), StandardCharsets.UTF_8);
        return file;
    }

    public Path writeGzipped(Path file) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(toJson().getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    private static String list(List<String> values) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            out.append(i == 0 ? "" : ",").append(quote(values.get(i)));
        }
        return out.append(']').toString();
    }

    private static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** A small, valid Node-like heap: root, (GC roots) with one category, a global and a few objects. */
    public static V8SnapshotBuilder smallHeap() {
        V8SnapshotBuilder b = new V8SnapshotBuilder();
        int root = b.node("synthetic", "(root)", 0);
        int gcRoots = b.node("synthetic", "(GC roots)", 0);
        int handles = b.node("synthetic", "(Global handles)", 0);
        int global = b.node("object", "global", 40);
        int cache = b.node("object", "Map", 32);
        int table = b.node("array", "", 64);
        int profile = b.node("object", "UserProfile", 48);
        int bio = b.node("string", "a long biography", 1040);
        int closure = b.node("closure", "onData", 32);
        b.edge(root, "element", 1, gcRoots);
        b.edge(root, "shortcut", "global", global);
        b.edge(gcRoots, "element", 1, handles);
        b.edge(handles, "element", 1, global);
        b.edge(global, "property", "userCache", cache);
        b.edge(global, "property", "handler", closure);
        b.edge(cache, "internal", "table", table);
        b.edge(table, "element", 0, profile);
        b.edge(profile, "property", "bio", bio);
        b.edge(closure, "weak", "target", profile);
        b.location(profile, 7, 11, 2);
        return b;
    }
}
