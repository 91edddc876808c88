package dev.heapdelta.app.inspections;

import dev.heapdelta.analyzer.inspections.SeriesRow;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * One table of an inspection's output (the duplicate strings, the empty collections, …): its JSON
 * field, its columns, and its rows in each snapshot, matched by key. {@code countColumn} and
 * {@code bytesColumn} are the figures whose growth the several-snapshot output shows. The CLI writes it
 * as JSON and text, the app as a table.
 */
public record InspectionTable<T>(String name, List<Column<T>> columns, Function<T, String> key,
        Function<T, String> label, String countColumn, String bytesColumn, ToIntFunction<T> sample,
        List<List<T>> rowsBySnapshot) {

    /** A named value of a row: a String, a Long or a Double. */
    public record Column<T>(String name, Function<T, Object> value) {
    }

    /** The rows matched across snapshots, at most {@code limit}. */
    public List<SeriesRow<T>> rows(int limit) {
        List<SeriesRow<T>> rows = SeriesRow.match(rowsBySnapshot, key);
        return rows.subList(0, Math.min(limit, rows.size()));
    }

    /** The object a row leads to in its snapshot (a sample string, the loader), or -1. */
    public int sampleOf(T row) {
        return sample.applyAsInt(row);
    }

    public Object value(T row, String column) {
        for (Column<T> c : columns) {
            if (c.name().equals(column)) {
                return c.value().apply(row);
            }
        }
        throw new IllegalArgumentException("no column " + column + " in " + name);
    }
}
