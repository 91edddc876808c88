package dev.heapdelta.app.gui.oql;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.format.ObjectIds;
import dev.heapdelta.analyzer.oql.OqlClass;
import dev.heapdelta.analyzer.oql.OqlEngine;
import dev.heapdelta.analyzer.oql.OqlException;
import dev.heapdelta.analyzer.oql.OqlObject;
import dev.heapdelta.analyzer.oql.OqlResult;
import dev.heapdelta.analyzer.query.RetainedSet;
import dev.heapdelta.analyzer.source.AnalysisCancelledException;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.app.gui.format.HumanSizes;
import dev.heapdelta.app.gui.navigation.Navigator;
import dev.heapdelta.app.gui.navigation.Place;
import dev.heapdelta.app.gui.session.BackgroundJob;
import dev.heapdelta.app.gui.session.Comparison;
import dev.heapdelta.app.gui.session.ObjectRef;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The OQL console of one snapshot: the query, its history, and a run in the background that can be
 * cancelled; the result is a table whose rows drill down to their object like any other object list.
 */
public final class OqlViewModel {
    /** More rows than anyone scrolls through; the status line gives the full count. */
    static final int SHOWN_ROWS = 10_000;

    private final Comparison comparison;
    private final Place.Oql place;
    private final Navigator navigator;
    private final Executor executor;
    private final OqlHistory history;
    private final StringProperty query = new SimpleStringProperty();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Write a query and press Run (Ctrl+Enter).");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper errorPosition = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyStringWrapper retained = new ReadOnlyStringWrapper("");
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final ObservableList<OqlRow> rows = FXCollections.observableArrayList();
    private int[] resultObjects = new int[0];
    private CancelSignal cancel = new CancelSignal();

    /** What a background run found. */
    record Found(List<String> columns, List<OqlRow> rows, int[] objects, String status) {
    }

    public OqlViewModel(Comparison comparison, Place.Oql place, Navigator navigator, Executor executor,
            OqlHistory history) {
        this.comparison = comparison;
        this.place = place;
        this.navigator = navigator;
        this.executor = executor;
        this.history = history;
        query.set(history.draft());
        query.addListener((o, was, now) -> history.setDraft(now));
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<String> history() {
        return history.queries();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The last error, one line with its position; empty when the last run succeeded. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Where in the query the last error is, 1-based; 0 when there is none or it has no position. */
    public ReadOnlyIntegerProperty errorPositionProperty() {
        return errorPosition.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty retainedProperty() {
        return retained.getReadOnlyProperty();
    }

    public ObservableList<String> columns() {
        return columns;
    }

    public ObservableList<OqlRow> rows() {
        return rows;
    }

    public List<String> snapshotNames() {
        return comparison.shortNames();
    }

    public int snapshotIndex() {
        return place.snapshot();
    }

    public void showSnapshot(int snapshot) {
        if (snapshot != place.snapshot()) {
            navigator.goTo(new Place.Oql(snapshot));
        }
    }

    public void run() {
        String text = query.get() == null ? "" : query.get().trim();
        if (running.get() || text.isEmpty()) {
            return;
        }
        history.remember(text);
        CancelSignal signal = new CancelSignal();
        cancel = signal;
        running.set(true);
        error.set("");
        errorPosition.set(0);
        retained.set("");
        status.set("Running…");
        BackgroundJob.run(executor, "OQL query", () -> evaluate(text, signal), this::show, this::fail);
    }

    public void cancel() {
        cancel.cancel();
    }

    /** MAT's "calculate precise retained size" of the result's objects, in the background. */
    public void computeRetainedSet() {
        int[] objects = resultObjects;
        if (running.get() || objects.length == 0) {
            return;
        }
        CancelSignal signal = new CancelSignal();
        cancel = signal;
        running.set(true);
        retained.set("Computing the retained set…");
        Snapshot snapshot = comparison.snapshot(place.snapshot());
        BackgroundJob.run(executor, "retained set of the OQL result",
                () -> RetainedSet.of(snapshot.dominatorTree(), objects, signal), result -> {
                    running.set(false);
                    retained.set("Retained together: " + HumanSizes.count(result.count()) + " objects, "
                            + HumanSizes.size(result.retainedBytes()));
                }, problem -> {
                    running.set(false);
                    retained.set(problem instanceof AnalysisCancelledException ? "Cancelled."
                            : "Could not compute the retained set: " + problem.getMessage());
                });
    }

    public void inspect(OqlRow row) {
        if (row.object() != null) {
            navigator.goTo(new Place.Inspector(row.object()));
        }
    }

    public void openPath(OqlRow row) {
        if (row.object() != null) {
            navigator.goTo(new Place.ObjectPath(row.object()));
        }
    }

    public void openDominators(OqlRow row) {
        if (row.object() != null) {
            navigator.goTo(new Place.Dominators(row.object().snapshot(), row.object()));
        }
    }

    private Found evaluate(String text, CancelSignal signal) {
        Snapshot snapshot = comparison.snapshot(place.snapshot());
        long start = System.nanoTime();
        OqlResult result = OqlEngine.run(snapshot, text, signal);
        long millis = (System.nanoTime() - start) / 1_000_000;
        List<OqlRow> shown = new ArrayList<>();
        List<String> headings;
        List<Integer> objects = new ArrayList<>();
        switch (result.kind()) {
            case OBJECTS -> {
                headings = List.of("Object", "Label", "Shallow", "Retained");
                for (int object : result.objects()) {
                    if (shown.size() < SHOWN_ROWS) {
                        shown.add(new OqlRow(new ObjectRef(place.snapshot(), object), List.of(
                                snapshot.displayClassNameOf(object) + " @ " + ObjectIds.format(snapshot.graph(), object),
                                oneLine(snapshot.labelOf(object)),
                                HumanSizes.size(snapshot.graph().shallowSizeOf(object)),
                                HumanSizes.size(snapshot.dominatorTree().retainedSizeOf(object)))));
                    }
                }
                return new Found(headings, shown, result.objects(), status(result, millis));
            }
            case VALUE -> {
                headings = List.of("Value");
                Object value = result.value();
                shown.add(new OqlRow(value instanceof OqlObject ref ? new ObjectRef(place.snapshot(), ref.index())
                        : null, List.of(text(snapshot, value))));
                return new Found(headings, shown, new int[0], status(result, millis));
            }
            default -> {
                headings = result.columns();
                for (List<Object> row : result.rows()) {
                    ObjectRef first = null;
                    List<String> cells = new ArrayList<>(row.size());
                    for (Object cell : row) {
                        if (first == null && cell instanceof OqlObject ref) {
                            first = new ObjectRef(place.snapshot(), ref.index());
                            objects.add(ref.index());
                        }
                        cells.add(text(snapshot, cell));
                    }
                    if (shown.size() < SHOWN_ROWS) {
                        shown.add(new OqlRow(first, cells));
                    }
                }
                return new Found(headings, shown, objects.stream().mapToInt(Integer::intValue).toArray(),
                        status(result, millis));
            }
        }
    }

    private String status(OqlResult result, long millis) {
        String noun = switch (result.kind()) {
            case OBJECTS -> result.count() == 1 ? " object" : " objects";
            case TABLE -> result.count() == 1 ? " row" : " rows";
            case VALUE -> " value";
        };
        String head = HumanSizes.count(result.count()) + noun + " in " + comparison.shortName(place.snapshot())
                + " (" + millis + " ms)";
        if (result.count() > SHOWN_ROWS) {
            head += "; the first " + HumanSizes.count(SHOWN_ROWS) + " are listed";
        }
        return result.warnings().isEmpty() ? head : head + " · " + String.join("; ", result.warnings());
    }

    private static String text(Snapshot snapshot, Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof OqlObject ref) {
            return snapshot.displayClassNameOf(ref.index()) + " @ " + ObjectIds.format(snapshot.graph(), ref.index());
        }
        if (value instanceof OqlClass type) {
            return snapshot.graph().className(type.classIndex());
        }
        if (value instanceof List<?> list) {
            List<String> parts = new ArrayList<>();
            for (Object element : list.subList(0, Math.min(20, list.size()))) {
                parts.add(text(snapshot, element));
            }
            return "[" + String.join(", ", parts) + (list.size() > 20 ? ", … " + list.size() + " in all" : "") + "]";
        }
        return oneLine(String.valueOf(value));
    }

    private static String oneLine(String text) {
        String line = text == null ? "" : text.replace('\n', ' ').replace('\r', ' ');
        return line.length() > 200 ? line.substring(0, 199) + "…" : line;
    }

    private void show(Found found) {
        running.set(false);
        resultObjects = found.objects();
        columns.setAll(found.columns());
        rows.setAll(found.rows());
        status.set(found.status());
    }

    private void fail(Throwable problem) {
        running.set(false);
        if (problem instanceof AnalysisCancelledException) {
            status.set("Cancelled.");
            return;
        }
        if (problem instanceof OqlException oql) {
            error.set(oql.getMessage());
            errorPosition.set(oql.position());
            status.set("The query has an error.");
            return;
        }
        error.set("The query failed: " + problem);
        status.set("The query failed.");
    }
}
