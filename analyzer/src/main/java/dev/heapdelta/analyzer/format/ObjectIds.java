package dev.heapdelta.analyzer.format;

import dev.heapdelta.analyzer.graph.HeapFormat;
import dev.heapdelta.analyzer.graph.HeapGraph;

/** The one written form of object ids: {@code 0x1a2b…} for an HPROF address, {@code @12345} for a V8 node id. */
public final class ObjectIds {
    private ObjectIds() {
    }

    public static String format(HeapGraph graph, int object) {
        long id = graph.idOf(object);
        return graph.format() == HeapFormat.HPROF ? "0x" + Long.toHexString(id) : "@" + Long.toUnsignedString(id);
    }

    /** Parses either form; throws {@link IllegalArgumentException} with a readable message otherwise. */
    public static long parse(String text) {
        String trimmed = text.trim();
        try {
            if (trimmed.startsWith("0x") || trimmed.startsWith("0X")) {
                return Long.parseUnsignedLong(trimmed.substring(2), 16);
            }
            if (trimmed.startsWith("@")) {
                return Long.parseUnsignedLong(trimmed.substring(1));
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an object id: " + text + " (write 0x1a2b… or @12345)", e);
        }
        throw new IllegalArgumentException("not an object id: " + text + " (write 0x1a2b… or @12345)");
    }
}
