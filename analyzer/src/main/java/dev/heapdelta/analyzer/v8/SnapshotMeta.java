package dev.heapdelta.analyzer.v8;

import dev.heapdelta.analyzer.source.DumpFormatException;
import java.util.List;
import java.util.Map;

/**
 * The layout a snapshot declares for itself in {@code snapshot.meta}: which column of a node or edge
 * holds what, and the names of the node and edge types. Nothing is assumed about positions; columns
 * the reader does not use (such as {@code trace_node_id}) are simply skipped.
 *
 * @param declaredNodeCount {@code snapshot.node_count}: a hint only, never trusted for allocation; 0
 *     when absent or beyond 2^32
 * @param declaredEdgeCount {@code snapshot.edge_count}: a hint only; 0 when absent or beyond 2^32
 * @param rootIndex {@code snapshot.root_index} as a node-field index (0 unless stated)
 */
record SnapshotMeta(
        List<String> nodeFields,
        List<String> nodeTypes,
        List<String> edgeFields,
        List<String> edgeTypes,
        List<String> locationFields,
        int nodeTypeOffset,
        int nodeNameOffset,
        int nodeIdOffset,
        int nodeSelfSizeOffset,
        int nodeEdgeCountOffset,
        int nodeDetachednessOffset,
        int edgeTypeOffset,
        int edgeNameOffset,
        int edgeToNodeOffset,
        int locationObjectOffset,
        int locationScriptOffset,
        int locationLineOffset,
        int locationColumnOffset,
        long declaredNodeCount,
        long declaredEdgeCount,
        long extraNativeBytes,
        long rootIndex) {

    int nodeFieldCount() {
        return nodeFields.size();
    }

    int edgeFieldCount() {
        return edgeFields.size();
    }

    int locationFieldCount() {
        return locationFields.size();
    }

    boolean hasLocations() {
        return locationObjectOffset >= 0 && locationScriptOffset >= 0 && locationLineOffset >= 0
                && locationColumnOffset >= 0;
    }

    /** A one-line description for {@code DumpInfo.formatVersion}. */
    String summary() {
        return "V8 heap snapshot, node fields " + nodeFields + ", edge fields " + edgeFields;
    }

    /** Reads the parsed {@code snapshot} object; {@code offset} is where it started, for messages. */
    static SnapshotMeta of(Object snapshotValue, String file, long offset) throws DumpFormatException {
        if (!(snapshotValue instanceof Map<?, ?> snapshot)) {
            throw new DumpFormatException(file, offset, "\"snapshot\" is not an object");
        }
        if (!(snapshot.get("meta") instanceof Map<?, ?> meta)) {
            throw new DumpFormatException(file, offset, "\"snapshot.meta\" is missing");
        }
        List<String> nodeFields = stringList(meta.get("node_fields"), "node_fields", file, offset);
        List<String> edgeFields = stringList(meta.get("edge_fields"), "edge_fields", file, offset);
        Object location = meta.get("location_fields");
        List<String> locationFields = location == null ? List.of()
                : stringList(location, "location_fields", file, offset);
        int nodeType = required(nodeFields, "type", "node_fields", file, offset);
        int nodeName = required(nodeFields, "name", "node_fields", file, offset);
        int nodeId = required(nodeFields, "id", "node_fields", file, offset);
        int nodeSelfSize = required(nodeFields, "self_size", "node_fields", file, offset);
        int nodeEdgeCount = required(nodeFields, "edge_count", "node_fields", file, offset);
        int edgeType = required(edgeFields, "type", "edge_fields", file, offset);
        int edgeName = required(edgeFields, "name_or_index", "edge_fields", file, offset);
        int edgeToNode = required(edgeFields, "to_node", "edge_fields", file, offset);
        List<String> nodeTypes = typeList(meta.get("node_types"), nodeType, "node_types", file, offset);
        List<String> edgeTypes = typeList(meta.get("edge_types"), edgeType, "edge_types", file, offset);
        return new SnapshotMeta(nodeFields, nodeTypes, edgeFields, edgeTypes, locationFields,
                nodeType, nodeName, nodeId, nodeSelfSize, nodeEdgeCount, nodeFields.indexOf("detachedness"),
                edgeType, edgeName, edgeToNode,
                locationFields.indexOf("object_index"), locationFields.indexOf("script_id"),
                locationFields.indexOf("line"), locationFields.indexOf("column"),
                count(snapshot.get("node_count")), count(snapshot.get("edge_count")),
                number(snapshot.get("extra_native_bytes")), number(snapshot.get("root_index")));
    }

    /**
     * A declared node or edge count, or 0 (not stated) beyond 2^32: V8 addresses nodes and edges with
     * 32-bit indexes, so no snapshot holds more, and loss figures derived from it stay sane.
     */
    private static long count(Object value) {
        long count = number(value);
        return count > 1L << 32 ? 0 : count;
    }

    private static long number(Object value) {
        if (value instanceof Long l && l >= 0) {
            return l;
        }
        if (value instanceof Double d && d >= 0 && d < 9.0e15) {
            return (long) d.doubleValue();
        }
        return 0;
    }

    private static int required(List<String> fields, String name, String listName, String file, long offset)
            throws DumpFormatException {
        int index = fields.indexOf(name);
        if (index < 0) {
            throw new DumpFormatException(file, offset, "snapshot.meta." + listName + " has no \"" + name + "\"");
        }
        return index;
    }

    private static List<String> stringList(Object value, String name, String file, long offset)
            throws DumpFormatException {
        if (!(value instanceof List<?> list) || list.isEmpty() || list.size() > 64) {
            throw new DumpFormatException(file, offset, "snapshot.meta." + name + " is not a list of field names");
        }
        for (Object item : list) {
            if (!(item instanceof String)) {
                throw new DumpFormatException(file, offset, "snapshot.meta." + name + " holds a non-string");
            }
        }
        @SuppressWarnings("unchecked")
        List<String> strings = (List<String>) list;
        return List.copyOf(strings);
    }

    private static List<String> typeList(Object value, int typeOffset, String name, String file, long offset)
            throws DumpFormatException {
        if (value instanceof List<?> list && typeOffset < list.size() && list.get(typeOffset) instanceof List<?>) {
            return stringList(list.get(typeOffset), name, file, offset);
        }
        throw new DumpFormatException(file, offset, "snapshot.meta." + name + " does not list the type names");
    }
}
