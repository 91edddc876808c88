package dev.heapdelta.app.cli;

import dev.heapdelta.analyzer.oql.OqlResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** The text output of {@code heapdelta oql}: objects with their sizes, a table's rows, or the value. */
final class OqlTable {
    private OqlTable() {
    }

    static String noun(OqlResult result) {
        return switch (result.kind()) {
            case OBJECTS -> result.count() == 1 ? "object" : "objects";
            case TABLE -> result.count() == 1 ? "row" : "rows";
            case VALUE -> "value";
        };
    }

    static void print(OqlJson.SnapshotResult snapshot, int limit, PrintWriter out) {
        OqlResult result = snapshot.result();
        switch (result.kind()) {
            case VALUE -> out.println(text(snapshot.result().value()));
            case OBJECTS -> {
                out.printf(Locale.ROOT, "%-20s %14s %14s  %s%n", "id", "shallow", "retained", "class");
                List<OqlJson.ObjectLine> objects = snapshot.objects();
                for (OqlJson.ObjectLine object : objects.subList(0, Math.min(limit, objects.size()))) {
                    out.printf(Locale.ROOT, "%-20s %,14d %,14d  %s%n", object.id(), object.shallowBytes(),
                            object.retainedBytes(), object.className());
                }
                more(objects.size(), limit, out);
            }
            case TABLE -> {
                out.println(String.join("\t", result.columns()));
                List<List<Object>> rows = snapshot.rows();
                for (List<Object> row : rows.subList(0, Math.min(limit, rows.size()))) {
                    StringBuilder line = new StringBuilder();
                    for (Object cell : row) {
                        line.append(line.length() == 0 ? "" : "\t").append(text(cell));
                    }
                    out.println(line);
                }
                more(rows.size(), limit, out);
            }
        }
        if (result.kind() != OqlResult.Kind.VALUE) {
            out.printf(Locale.ROOT, "%,d %s%n", result.count(), noun(result));
        }
    }

    private static void more(int size, int limit, PrintWriter out) {
        if (size > limit) {
            out.printf(Locale.ROOT, "… %,d more (--limit N shows more, --json all)%n", size - limit);
        }
    }

    private static String text(Object value) {
        return value == null ? "null" : String.valueOf(value);
    }
}
