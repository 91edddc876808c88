package dev.heapdelta.app.cli;

import dev.heapdelta.analyzer.inspections.SeriesRow;
import java.util.List;
import java.util.function.Function;

/**
 * One table of an inspection's output (the duplicate strings, the empty collections, …): its JSON
 * field, its columns, and its rows in each snapshot, matched by key. {@code countColumn} and
 * {@code bytesColumn} are the figures whose growth the several-snapshot output shows.
 */
record InspectionTable<T>(String name, List<Column<T>> columns, Function<T, String> key, Function<T, String> label,
        String countColumn, String bytesColumn, List<List<T>> rowsBySnapshot) {

    /** A named value of a row: a String, a Long or a Double. */
    record Column<T>(String name, Function<T, Object> value) {
    }

    List<SeriesRow<T>> rows(int limit) {
        List<SeriesRow<T>> rows = SeriesRow.match(rowsBySnapshot, key);
        return rows.subList(0, Math.min(limit, rows.size()));
    }

    Object value(T row, String column) {
        for (Column<T> c : columns) {
            if (c.name().equals(column)) {
                return c.value().apply(row);
            }
        }
        throw new IllegalArgumentException("no column " + column + " in " + name);
    }
}
