package dev.heapdelta.app.mcp;

import dev.heapdelta.analyzer.format.StringRedaction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An OQL result for an agent, string cells redacted: a query can select any string of the heap (tokens,
 * passwords), and the CLI's output of one is the user's to see, not a model's. Object ids stay readable.
 */
final class StringCells {
    private static final Pattern OBJECT_ID = Pattern.compile("0x[0-9a-fA-F]+|@\\d+");

    private StringCells() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> redacted(Map<String, Object> oql) {
        Map<String, Object> copy = new LinkedHashMap<>(oql);
        for (String field : List.of("rows", "value")) {
            if (copy.containsKey(field)) {
                copy.put(field, redact(copy.get(field)));
            }
        }
        if (copy.get("snapshots") instanceof List<?> snapshots) {
            List<Object> each = new ArrayList<>();
            for (Object snapshot : snapshots) {
                each.add(snapshot instanceof Map<?, ?> map ? redacted((Map<String, Object>) map) : snapshot);
            }
            copy.put("snapshots", each);
        }
        return copy;
    }

    private static Object redact(Object value) {
        if (value instanceof String text) {
            return OBJECT_ID.matcher(text).matches() ? text : StringRedaction.redact(text);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(StringCells::redact).toList();
        }
        return value;
    }
}
