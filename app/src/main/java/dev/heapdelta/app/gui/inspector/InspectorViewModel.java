package dev.heapdelta.app.gui.inspector;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.graph.FieldValue;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.graph.IncomingEdges;
import dev.heapdelta.analyzer.graph.ObjectKind;
import dev.heapdelta.app.gui.format.HumanSizes;
import dev.heapdelta.app.gui.navigation.Navigator;
import dev.heapdelta.app.gui.navigation.Place;
import dev.heapdelta.app.gui.session.BackgroundJob;
import dev.heapdelta.app.gui.session.Comparison;
import dev.heapdelta.app.gui.session.GcRoots;
import dev.heapdelta.app.gui.session.ObjectRef;
import dev.heapdelta.app.gui.session.ObjectSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The object inspector: what an object is, its fields and their values (a large array one page at
 * a time), a string's text, and the objects that refer to it. Field values are read back from the
 * dump, so they are fetched in the background.
 */
public final class InspectorViewModel {
    static final int PAGE = 1_000;
    static final int INCOMING_LIMIT = 1_000;
    static final int STRING_LIMIT = 20_000;

    private final Comparison comparison;
    private final ObjectRef ref;
    private final Snapshot snapshot;
    private final Navigator navigator;
    private final ObjectSummary summary;
    private final ObservableList<FieldRow> fieldPage = FXCollections.observableArrayList();
    private final ObservableList<FieldRow> incoming = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper page = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyIntegerWrapper pageCount = new ReadOnlyIntegerWrapper(1);
    private final ReadOnlyStringWrapper pageText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper stringValue = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper pathKey = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper incomingText = new ReadOnlyStringWrapper("Finding referrers…");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(true);
    private List<FieldRow> allFields = List.of();

    /** What the background read found. */
    record Read(List<FieldRow> fields, String stringValue, String pathKey) {
    }

    /** The referrers found, and how many there are in all. */
    record Referrers(List<FieldRow> rows, int total) {
    }

    public InspectorViewModel(Comparison comparison, Place.Inspector place, Navigator navigator, Executor executor) {
        this.comparison = comparison;
        this.ref = place.object();
        this.snapshot = comparison.snapshot(ref.snapshot());
        this.navigator = navigator;
        this.summary = ObjectSummary.of(snapshot, ref.snapshot(), ref.object());
        BackgroundJob.run(executor, "fields of " + summary.id(), this::read, read -> {
            allFields = read.fields();
            stringValue.set(read.stringValue());
            pathKey.set(read.pathKey());
            pageCount.set(Math.max(1, (allFields.size() + PAGE - 1) / PAGE));
            showPage(0);
            loading.set(false);
        }, problem -> {
            loading.set(false);
            pageText.set("Could not read the fields: " + problem.getMessage());
        });
        BackgroundJob.run(executor, "referrers of " + summary.id(), this::findReferrers, found -> {
            incoming.setAll(found.rows());
            incomingText.set(found.total() == 0 ? "No object refers to it"
                    : found.total() > found.rows().size()
                            ? HumanSizes.count(found.total()) + " references; the first "
                                    + HumanSizes.count(found.rows().size()) + " are listed"
                            : HumanSizes.count(found.total()) + (found.total() == 1 ? " reference" : " references"));
        }, problem -> incomingText.set("Could not list the referrers: " + problem.getMessage()));
    }

    public ObjectSummary object() {
        return summary;
    }

    public String snapshotName() {
        return comparison.shortName(ref.snapshot());
    }

    public String rootKinds() {
        return GcRoots.kindsOf(snapshot.graph(), ref.object());
    }

    public String kindText() {
        ObjectKind kind = snapshot.graph().kindOf(ref.object());
        return switch (kind) {
            case INSTANCE -> "instance";
            case OBJECT_ARRAY -> "object array";
            case PRIMITIVE_ARRAY -> "primitive array";
            case CLASS -> "class";
            default -> kind.name().toLowerCase(java.util.Locale.ROOT).replace("v8_", "").replace('_', ' ');
        };
    }

    public ObservableList<FieldRow> fields() {
        return fieldPage;
    }

    public ObservableList<FieldRow> incoming() {
        return incoming;
    }

    public ReadOnlyIntegerProperty pageProperty() {
        return page.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty pageCountProperty() {
        return pageCount.getReadOnlyProperty();
    }

    /** {@code Fields 1–1,000 of 250,000}. */
    public ReadOnlyStringProperty pageTextProperty() {
        return pageText.getReadOnlyProperty();
    }

    /** The text of a string object, or empty. */
    public ReadOnlyStringProperty stringValueProperty() {
        return stringValue.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pathKeyProperty() {
        return pathKey.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty incomingTextProperty() {
        return incomingText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public void nextPage() {
        showPage(page.get() + 1);
    }

    public void previousPage() {
        showPage(page.get() - 1);
    }

    public void showPage(int index) {
        int clamped = Math.max(0, Math.min(index, pageCount.get() - 1));
        int from = clamped * PAGE;
        int to = Math.min(allFields.size(), from + PAGE);
        fieldPage.setAll(allFields.subList(Math.min(from, to), to));
        page.set(clamped);
        String noun = isArray() ? "Elements " : "Fields ";
        pageText.set(allFields.isEmpty() ? (isArray() ? "Empty array" : "No fields")
                : noun + HumanSizes.count(from + 1) + "–" + HumanSizes.count(to) + " of "
                        + HumanSizes.count(allFields.size()));
    }

    /** Opens the object a row refers to. */
    public void follow(FieldRow row) {
        if (row.target() != null) {
            navigator.goTo(new Place.Inspector(row.target()));
        }
    }

    public void openPath() {
        navigator.goTo(new Place.ObjectPath(ref));
    }

    public void openDominators() {
        navigator.goTo(new Place.Dominators(ref.snapshot(), ref));
    }

    private boolean isArray() {
        ObjectKind kind = snapshot.graph().kindOf(ref.object());
        return kind == ObjectKind.OBJECT_ARRAY || kind == ObjectKind.PRIMITIVE_ARRAY || kind == ObjectKind.V8_ARRAY;
    }

    private Read read() {
        HeapGraph graph = snapshot.graph();
        List<FieldValue> values = graph.details().fields(ref.object());
        List<FieldRow> rows = new ArrayList<>(values.size());
        for (FieldValue value : values) {
            rows.add(rowOf(value.name(), value.type(), value));
        }
        String text = graph.details().stringValue(ref.object(), STRING_LIMIT);
        String key = snapshot.pathKeyOf(ref.object());
        return new Read(rows, text == null ? "" : text, key == null ? "" : key);
    }

    private FieldRow rowOf(String name, String type, FieldValue value) {
        if (value.target() >= 0) {
            return referenceRow(name, type, value.target());
        }
        if (value.isReference()) {
            return new FieldRow(name, type, "null", null, -1);
        }
        String text = value.text() == null || value.text().isEmpty() ? Long.toString(value.bits()) : value.text();
        return new FieldRow(name, type, text, null, -1);
    }

    private FieldRow referenceRow(String name, String type, int target) {
        ObjectSummary targetSummary = ObjectSummary.of(snapshot, ref.snapshot(), target);
        String text = snapshot.graph().details().stringValue(target, 200);
        String value = text != null ? targetSummary.className() + " @ " + targetSummary.id() + "  \"" + text + "\""
                : targetSummary.title();
        return new FieldRow(name, type, value, targetSummary.ref(), targetSummary.retainedBytes());
    }

    private Referrers findReferrers() {
        HeapGraph graph = snapshot.graph();
        IncomingEdges edges = graph.incoming();
        int first = edges.firstIncoming(ref.object());
        int end = edges.endIncoming(ref.object());
        List<FieldRow> rows = new ArrayList<>();
        for (int i = first; i < end && rows.size() < INCOMING_LIMIT; i++) {
            int source = edges.source(i);
            String edgeName = graph.details().edgeName(edges.edge(i));
            rows.add(referenceRow(edgeName, graph.edgeKind(edges.edge(i)).name().toLowerCase(java.util.Locale.ROOT),
                    source));
        }
        return new Referrers(rows, end - first);
    }
}
