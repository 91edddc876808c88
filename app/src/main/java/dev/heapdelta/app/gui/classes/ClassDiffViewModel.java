package dev.heapdelta.app.gui.classes;

import dev.heapdelta.analyzer.diff.ClassDiffRow;
import dev.heapdelta.app.gui.format.HumanSizes;
import dev.heapdelta.app.gui.navigation.Navigator;
import dev.heapdelta.app.gui.navigation.Place;
import dev.heapdelta.app.gui.session.ObjectRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.PatternSyntaxException;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/**
 * The diff table of every class: plain rows in a {@link FilteredList} under a {@link SortedList}, so
 * that sorting and filtering tens of thousands of classes is a list operation, not a query. It may be
 * made on a worker thread (the load makes it there) and is then used on the FX thread only.
 */
public final class ClassDiffViewModel {
    /**
     * The order the table opens in. The rows are put in it when the view-model is made, off the FX
     * thread when the load makes it, so that the table's first sort on the FX thread finds them in order.
     */
    public static final Comparator<ClassDiffItem> LARGEST_RETAINED_GROWTH_FIRST =
            Comparator.comparingLong(ClassDiffItem::retainedDelta).reversed();
    private final List<String> snapshotNames;
    private final Navigator navigator;
    private final Function<String, Optional<ObjectRef>> classObjectOf;
    private final ObservableList<ClassDiffItem> all;
    private final FilteredList<ClassDiffItem> filtered;
    private final SortedList<ClassDiffItem> sorted;
    private final StringProperty filterText = new SimpleStringProperty("");
    private final ObjectProperty<FilterMode> filterMode = new SimpleObjectProperty<>(FilterMode.NAME);
    private final BooleanProperty onlyGrowing = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper filterError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper shownText = new ReadOnlyStringWrapper("");
    private SelectionRetainedSet selectionRetainedSet;

    /**
     * @param withoutInstances rows of the classes that have no instance anywhere, listed for their statics
     * @param classObjectOf a class key's class object, where the format has one
     */
    public static ClassDiffViewModel ofRows(List<ClassDiffRow> rows, List<ClassDiffItem> withoutInstances,
            List<String> snapshotNames, Navigator navigator, Function<String, Optional<ObjectRef>> classObjectOf) {
        List<ClassDiffItem> items = itemsOf(rows);
        items.addAll(withoutInstances);
        return new ClassDiffViewModel(items, snapshotNames, navigator, classObjectOf);
    }

    /** For rows made directly, as the 50,000-row timing test makes them. */
    public static ClassDiffViewModel ofItems(List<ClassDiffItem> items, List<String> snapshotNames,
            Navigator navigator) {
        return new ClassDiffViewModel(items, snapshotNames, navigator, key -> Optional.empty());
    }

    private ClassDiffViewModel(List<ClassDiffItem> items, List<String> snapshotNames, Navigator navigator,
            Function<String, Optional<ObjectRef>> classObjectOf) {
        this.snapshotNames = List.copyOf(snapshotNames);
        this.navigator = navigator;
        this.classObjectOf = classObjectOf;
        List<ClassDiffItem> ordered = new ArrayList<>(items);
        ordered.sort(LARGEST_RETAINED_GROWTH_FIRST);
        this.all = FXCollections.observableArrayList(ordered);
        this.filtered = new FilteredList<>(all, item -> true);
        this.sorted = new SortedList<>(filtered);
        filterText.addListener((o, old, now) -> applyFilter());
        filterMode.addListener((o, old, now) -> applyFilter());
        onlyGrowing.addListener((o, old, now) -> applyFilter());
        updateShownText();
    }

    private static List<ClassDiffItem> itemsOf(List<ClassDiffRow> rows) {
        List<ClassDiffItem> items = new ArrayList<>(rows.size());
        for (ClassDiffRow row : rows) {
            items.add(ClassDiffItem.of(row));
        }
        return items;
    }

    /** Lets the table compute what selected classes retain together; the load gives it, the timing test does not. */
    public ClassDiffViewModel withSelectionRetainedSet(SelectionRetainedSet retainedSet) {
        this.selectionRetainedSet = retainedSet;
        return this;
    }

    public Optional<SelectionRetainedSet> selectionRetainedSet() {
        return Optional.ofNullable(selectionRetainedSet);
    }

    /** The rows as filtered and sorted; bind its comparator to the table's. */
    public SortedList<ClassDiffItem> rows() {
        return sorted;
    }

    public List<String> snapshotNames() {
        return snapshotNames;
    }

    /** Whether the rows have DevTools' Comparison figures by node id (V8 series). */
    public boolean matchedByNodeId() {
        return all.stream().anyMatch(ClassDiffItem::matchedByNodeId);
    }

    public StringProperty filterTextProperty() {
        return filterText;
    }

    public ObjectProperty<FilterMode> filterModeProperty() {
        return filterMode;
    }

    public BooleanProperty onlyGrowingProperty() {
        return onlyGrowing;
    }

    /** Why the filter text cannot be used (a regex that does not compile), or empty. */
    public ReadOnlyStringProperty filterErrorProperty() {
        return filterError.getReadOnlyProperty();
    }

    /** {@code 1,234 of 50,000 classes}. */
    public ReadOnlyStringProperty shownTextProperty() {
        return shownText.getReadOnlyProperty();
    }

    /**
     * Opens the instances of a class in one snapshot (the last by default); for a class without instances,
     * its class object, whose fields are the statics.
     */
    public void openInstances(ClassDiffItem item, int snapshot) {
        if (item.hasNoInstances()) {
            inspectClassObject(item);
            return;
        }
        navigator.goTo(new Place.Instances(item.key(), item.name(), snapshotWhereThere(item, snapshot)));
    }

    public void openInstances(ClassDiffItem item) {
        openInstances(item, snapshotNames.size() - 1);
    }

    /** Inspects the class object of a class: its static fields and what they hold. */
    public void inspectClassObject(ClassDiffItem item) {
        classObjectOf.apply(item.key()).ifPresent(ref -> navigator.goTo(new Place.Inspector(ref)));
    }

    /** Whether the class has a class object to inspect (HPROF classes do; V8 has none). */
    public boolean hasClassObject(ClassDiffItem item) {
        return classObjectOf.apply(item.key()).isPresent();
    }

    /** Opens the merged shortest paths from the GC roots to the instances of a class. */
    public void openMergedPaths(ClassDiffItem item) {
        int snapshot = snapshotWhereThere(item, snapshotNames.size() - 1);
        navigator.goTo(new Place.ClassPaths(item.key(), item.name(), snapshot));
    }

    /** The requested snapshot, or the last one where the class still has instances. */
    private static int snapshotWhereThere(ClassDiffItem item, int requested) {
        if (item.presentIn(requested) && item.count(requested) > 0) {
            return requested;
        }
        for (int i = item.snapshotCount() - 1; i >= 0; i--) {
            if (item.presentIn(i) && item.count(i) > 0) {
                return i;
            }
        }
        return requested;
    }

    private void applyFilter() {
        try {
            filtered.setPredicate(ClassFilter.of(filterMode.get(), filterText.get(), onlyGrowing.get()));
            filterError.set("");
        } catch (PatternSyntaxException e) {
            filterError.set("Not a valid regular expression: " + e.getDescription());
        }
        updateShownText();
    }

    private void updateShownText() {
        shownText.set(filtered.size() == all.size()
                ? HumanSizes.count(all.size()) + " classes"
                : HumanSizes.count(filtered.size()) + " of " + HumanSizes.count(all.size()) + " classes");
    }
}
