package dev.heapdelta.analyzer.oql;

import java.util.List;

/**
 * What a query gives: objects (graph indexes, in result order), a table (headings and rows of values), or
 * one value. Row cells hold {@link OqlObject}, {@link OqlClass}, {@code Long}, {@code Double},
 * {@code Boolean}, {@code Character}, {@code String}, lists of these, or null.
 *
 * @param warnings what the user should know about an otherwise valid query (a class that is not in the dump)
 */
public record OqlResult(Kind kind, int[] objects, List<String> columns, List<List<Object>> rows, Object value,
        List<String> warnings) {

    public enum Kind {
        OBJECTS, TABLE, VALUE;

        /** As the JSON writes it: {@code objects}, {@code table}, {@code value}. */
        public String written() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The number of objects or rows; 1 for a value. */
    public int count() {
        return switch (kind) {
            case OBJECTS -> objects.length;
            case TABLE -> rows.size();
            case VALUE -> 1;
        };
    }

    static OqlResult ofObjects(int[] objects, List<String> warnings) {
        return new OqlResult(Kind.OBJECTS, objects, List.of(), List.of(), null, warnings);
    }

    static OqlResult ofTable(List<String> columns, List<List<Object>> rows, List<String> warnings) {
        return new OqlResult(Kind.TABLE, new int[0], columns, rows, null, warnings);
    }

    static OqlResult ofValue(Object value, List<String> warnings) {
        return new OqlResult(Kind.VALUE, new int[0], List.of(), List.of(), value, warnings);
    }
}
