package dev.heapdelta.analyzer.testing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where everything lies in a V8 snapshot's bytes, found with Jackson's streaming parser rather than
 * with the reader under test: each number of {@code nodes} and {@code edges} with the offset of the
 * separator after it, each string with the offset after its closing quote, and each top-level
 * member's extent. From it a test predicts, for any cut offset, what a reader of the prefix can keep.
 * A snapshot that is itself cut short is laid out as far as it goes.
 */
public final class SnapshotLayout {
    /** A top-level member: where its key starts, and where its value starts and ends (exclusive). */
    public record Section(String name, long keyStart, long valueStart, long valueEnd) {
    }

    private final byte[] bytes;
    private final List<Section> sections = new ArrayList<>();
    private final Map<String, Object> header = new HashMap<>();
    private List<String> nodeFields = List.of();
    private List<String> edgeFields = List.of();
    private List<String> edgeTypes = List.of();
    private List<String> nodeTypes = List.of();
    private long[] nodeValues = new long[0];
    private long[] nodeSeparators = new long[0];
    private long[] nodeStarts = new long[0];
    private int nodeNumbers;
    private long[] edgeValues = new long[0];
    private long[] edgeSeparators = new long[0];
    private long[] edgeStarts = new long[0];
    private int edgeNumbers;
    private final List<String> strings = new ArrayList<>();
    private long[] stringEnds = new long[16];

    private SnapshotLayout(byte[] bytes) {
        this.bytes = bytes;
    }

    public static SnapshotLayout of(byte[] bytes) throws IOException {
        SnapshotLayout layout = new SnapshotLayout(bytes);
        try (JsonParser parser = new JsonFactory().createParser(bytes)) {
            layout.read(parser);
        } catch (JsonProcessingException cutShort) {
            // The snapshot itself ends early: what was laid out so far stands.
        }
        return layout;
    }

    private void read(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            long keyStart = parser.currentTokenLocation().getByteOffset();
            JsonToken value = parser.nextToken();
            long valueStart = parser.currentTokenLocation().getByteOffset();
            sections.add(new Section(name, keyStart, valueStart, -1));
            switch (name) {
                case "snapshot" -> readHeader(parser);
                case "nodes" -> readNumbers(parser, true);
                case "edges" -> readNumbers(parser, false);
                case "strings" -> readStrings(parser);
                default -> {
                    if (value.isStructStart()) {
                        parser.skipChildren();
                    }
                }
            }
            long valueEnd = parser.currentTokenLocation().getByteOffset() + 1;
            sections.set(sections.size() - 1, new Section(name, keyStart, valueStart, valueEnd));
        }
    }

    @SuppressWarnings("unchecked")
    private void readHeader(JsonParser parser) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonToken value = parser.nextToken();
            if (key.equals("meta")) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String metaKey = parser.currentName();
                    parser.nextToken();
                    List<Object> list = readList(parser);
                    switch (metaKey) {
                        case "node_fields" -> nodeFields = (List<String>) (List<?>) list;
                        case "edge_fields" -> edgeFields = (List<String>) (List<?>) list;
                        case "edge_types" -> edgeTypes = (List<String>) list.get(0);
                        case "node_types" -> nodeTypes = (List<String>) list.get(0);
                        default -> {
                        }
                    }
                }
            } else if (value.isNumeric()) {
                header.put(key, parser.getLongValue());
            } else if (value.isStructStart()) {
                parser.skipChildren();
            }
        }
    }

    private static List<Object> readList(JsonParser parser) throws IOException {
        List<Object> list = new ArrayList<>();
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return list;
        }
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            list.add(parser.currentToken() == JsonToken.START_ARRAY ? readList(parser) : parser.getText());
        }
        return list;
    }

    private void readNumbers(JsonParser parser, boolean nodes) throws IOException {
        long[] values = new long[1 << 16];
        long[] starts = new long[1 << 16];
        long[] separators = new long[1 << 16];
        int count = 0;
        try {
            while (parser.nextToken() == JsonToken.VALUE_NUMBER_INT) {
                if (count == values.length) {
                    values = Arrays.copyOf(values, count * 2);
                    starts = Arrays.copyOf(starts, count * 2);
                    separators = Arrays.copyOf(separators, count * 2);
                }
                long start = parser.currentTokenLocation().getByteOffset();
                long value = parser.getLongValue();
                values[count] = value;
                starts[count] = start;
                // JSON integers have no leading zeros: the digits end here.
                separators[count] = nextNonBlank(start + Long.toString(value).length());
                count++;
            }
        } finally {
            if (nodes) {
                nodeValues = values;
                nodeStarts = starts;
                nodeSeparators = separators;
                nodeNumbers = count;
            } else {
                edgeValues = values;
                edgeStarts = starts;
                edgeSeparators = separators;
                edgeNumbers = count;
            }
        }
    }

    private void readStrings(JsonParser parser) throws IOException {
        while (parser.nextToken() == JsonToken.VALUE_STRING) {
            String value = parser.getText();
            long start = parser.currentTokenLocation().getByteOffset();
            if (strings.size() == stringEnds.length) {
                stringEnds = Arrays.copyOf(stringEnds, stringEnds.length * 2);
            }
            // The closing quote is the first unescaped quote after the opening one.
            long p = start + 1;
            while (bytes[(int) p] != '"') {
                p += bytes[(int) p] == '\\' ? 2 : 1;
            }
            stringEnds[strings.size()] = p + 1;
            strings.add(value);
        }
    }

    private long nextNonBlank(long from) {
        long p = from;
        while (p < bytes.length && (bytes[(int) p] == ' ' || bytes[(int) p] == '\n' || bytes[(int) p] == '\r'
                || bytes[(int) p] == '\t')) {
            p++;
        }
        return p;
    }

    public int length() {
        return bytes.length;
    }

    public Section section(String name) {
        return sections.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no member " + name));
    }

    public int nodeFieldCount() {
        return nodeFields.size();
    }

    public int edgeFieldCount() {
        return edgeFields.size();
    }

    /** {@code snapshot.node_count} or {@code snapshot.edge_count}, or -1 when the header does not say. */
    public long declared(String headerKey) {
        Object value = header.get(headerKey);
        return value instanceof Long l ? l : -1;
    }

    /** Nodes in the whole snapshot (complete ones, if it is itself cut short). */
    public int nodeCount() {
        return nodeNumbers / nodeFields.size();
    }

    public int edgeCount() {
        return edgeNumbers / edgeFields.size();
    }

    public int stringCount() {
        return strings.size();
    }

    public String string(int index) {
        return strings.get(index);
    }

    public long nodeField(int node, String field) {
        return nodeValues[node * nodeFields.size() + nodeFields.indexOf(field)];
    }

    public long edgeField(int edge, String field) {
        return edgeValues[edge * edgeFields.size() + edgeFields.indexOf(field)];
    }

    /** The node's type name, from {@code snapshot.meta.node_types}. */
    public String nodeType(int node) {
        return nodeTypes.get((int) nodeField(node, "type"));
    }

    /** Whether the edge's name_or_index names a string (every type but element and hidden). */
    public boolean edgeNamesAString(int edge) {
        String type = edgeTypes.get((int) edgeField(edge, "type"));
        return !type.equals("element") && !type.equals("hidden");
    }

    /** The offset just past the first node's separator: every cut at or after it keeps that node. */
    public long firstCompleteNodeEnd() {
        int last = nodeFields.size() - 1;
        return nodeNumbers > last ? nodeSeparators[last] + 1 : Long.MAX_VALUE;
    }

    /** Nodes whose every number, and the separator after it, lie before {@code cut}. */
    public int completeNodesBefore(long cut) {
        return completeNumbers(nodeSeparators, nodeNumbers, cut) / nodeFields.size();
    }

    public int completeEdgesBefore(long cut) {
        return completeNumbers(edgeSeparators, edgeNumbers, cut) / edgeFields.size();
    }

    /** Whether a number of the node after the complete ones starts before {@code cut}. */
    public boolean nodeStartedBefore(long cut) {
        int next = completeNodesBefore(cut) * nodeFields.size();
        return next < nodeNumbers && nodeStarts[next] < cut;
    }

    public boolean edgeStartedBefore(long cut) {
        int next = completeEdgesBefore(cut) * edgeFields.size();
        return next < edgeNumbers && edgeStarts[next] < cut;
    }

    /** The offset just past the separator of the last complete node before {@code cut}, or the array start. */
    public long endOfCompleteNodes(long cut) {
        int numbers = completeNodesBefore(cut) * nodeFields.size();
        return numbers == 0 ? section("nodes").valueStart() + 1 : nodeSeparators[numbers - 1] + 1;
    }

    public long endOfCompleteEdges(long cut) {
        int numbers = completeEdgesBefore(cut) * edgeFields.size();
        return numbers == 0 ? section("edges").valueStart() + 1 : edgeSeparators[numbers - 1] + 1;
    }

    /** Strings whose closing quote lies before {@code cut}. */
    public int stringsBefore(long cut) {
        int count = 0;
        while (count < strings.size() && stringEnds[count] <= cut) {
            count++;
        }
        return count;
    }

    private static int completeNumbers(long[] separators, int count, long cut) {
        int low = 0;
        int high = count;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (separators[middle] < cut) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** The highest string index named by the first {@code nodes} nodes and {@code edges} string-named edges, or -1. */
    public long highestNameIndex(int nodes, int edges) {
        long highest = -1;
        for (int node = 0; node < nodes; node++) {
            highest = Math.max(highest, nodeField(node, "name"));
        }
        for (int edge = 0; edge < edges; edge++) {
            if (edgeNamesAString(edge)) {
                highest = Math.max(highest, edgeField(edge, "name_or_index"));
            }
        }
        return highest;
    }

    /** The sum of {@code edge_count} over the first {@code nodes} nodes. */
    public long edgeCountOfFirstNodes(int nodes) {
        long sum = 0;
        for (int node = 0; node < nodes; node++) {
            sum += nodeField(node, "edge_count");
        }
        return sum;
    }
}
