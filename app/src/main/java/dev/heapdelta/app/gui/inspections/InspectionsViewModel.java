package dev.heapdelta.app.gui.inspections;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.inspections.SeriesRow;
import dev.heapdelta.app.gui.navigation.Navigator;
import dev.heapdelta.app.gui.navigation.Place;
import dev.heapdelta.app.gui.session.BackgroundJob;
import dev.heapdelta.app.gui.session.Comparison;
import dev.heapdelta.app.gui.format.HumanSizes;
import dev.heapdelta.app.gui.session.ObjectRef;
import dev.heapdelta.app.inspections.InspectionTable;
import dev.heapdelta.app.inspections.InspectionTables;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The Inspections view's state: one inspection kind computed over every snapshot off the FX thread, its
 * tables as rows matched across snapshots, and the command that opens a row's sample object.
 */
public final class InspectionsViewModel {
    /** Rows per table the view lists; the CLI's --top gives more. */
    static final int ROWS = 2_000;

    private final Comparison comparison;
    private final Navigator navigator;
    private final InspectionTables.Kind kind;
    private final ReadOnlyObjectWrapper<List<Table>> tables = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Inspecting…");

    /**
     * One table of the kind, its rows matched across snapshots and cut to {@link #ROWS}.
     *
     * @param total the rows before the cut
     */
    public record Table(String name, String countColumn, String bytesColumn, List<Row> rows, int total) {
        /** "2,000" or, where the table was cut, "2,000 of 5,120". */
        public String shownOfTotal() {
            return rows.size() == total ? HumanSizes.count(total)
                    : HumanSizes.count(rows.size()) + " of " + HumanSizes.count(total);
        }
    }

    /**
     * One finding with its figures per snapshot, oldest first ({@code 1,501 → 4,001}).
     *
     * @param snapshot where {@code sample} lives: the last snapshot that has the finding
     * @param sample the object the row opens, or -1
     */
    public record Row(String key, String finding, String counts, String bytes, int snapshot, int sample) {
    }

    public InspectionsViewModel(Comparison comparison, Place.Inspections place, Navigator navigator,
            Executor executor) {
        this.comparison = comparison;
        this.navigator = navigator;
        this.kind = InspectionTables.Kind.parse(place.kind());
        List<Snapshot> snapshots = new ArrayList<>();
        for (int s = 0; s < comparison.size(); s++) {
            snapshots.add(comparison.snapshot(s));
        }
        String unavailable = kind.unavailableOn(snapshots);
        if (unavailable != null) {
            status.set(unavailable.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + unavailable.substring(1) + ".");
            return;
        }
        BackgroundJob.run(executor, kind.cliName() + " inspection", () -> compute(snapshots), found -> {
            tables.set(found);
            status.set(describe(found));
        }, problem -> status.set("Could not inspect: " + problem.getMessage()));
    }

    private List<Table> compute(List<Snapshot> snapshots) {
        List<Table> result = new ArrayList<>();
        for (InspectionTable<?> table : InspectionTables.of(kind, snapshots, true)) {
            result.add(table(table));
        }
        return result;
    }

    private static <T> Table table(InspectionTable<T> table) {
        List<Row> rows = new ArrayList<>();
        List<SeriesRow<T>> matched = table.rows(Integer.MAX_VALUE);
        for (SeriesRow<T> row : matched.subList(0, Math.min(ROWS, matched.size()))) {
            List<String> counts = new ArrayList<>();
            List<String> bytes = new ArrayList<>();
            int snapshot = -1;
            for (int s = 0; s < row.bySnapshot().size(); s++) {
                T inSnapshot = row.bySnapshot().get(s);
                counts.add(inSnapshot == null ? "–" : HumanSizes.count((Long) table.value(inSnapshot,
                        table.countColumn())));
                bytes.add(inSnapshot == null ? "–" : HumanSizes.size((Long) table.value(inSnapshot,
                        table.bytesColumn())));
                snapshot = inSnapshot == null ? snapshot : s;
            }
            rows.add(new Row(row.key(), table.label().apply(row.latest()), String.join(" → ", counts),
                    String.join(" → ", bytes), snapshot, table.sampleOf(row.latest())));
        }
        return new Table(table.name(), table.countColumn(), table.bytesColumn(), rows, matched.size());
    }

    private String describe(List<Table> found) {
        List<String> parts = new ArrayList<>();
        for (Table table : found) {
            parts.add(table.shownOfTotal() + " " + table.name());
        }
        return String.join(", ", parts) + (comparison.size() > 1 ? "; figures per snapshot, oldest first" : "");
    }

    public InspectionTables.Kind kind() {
        return kind;
    }

    public ReadOnlyObjectProperty<List<Table>> tablesProperty() {
        return tables.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public void showKind(InspectionTables.Kind other) {
        if (other != null && other != kind) {
            navigator.goTo(new Place.Inspections(other.cliName()));
        }
    }

    /** Opens the row's sample object, in the last snapshot that has the row. */
    public void open(Row row) {
        if (row != null && row.sample() >= 0) {
            navigator.goTo(new Place.Inspector(new ObjectRef(row.snapshot(), row.sample())));
        }
    }
}
