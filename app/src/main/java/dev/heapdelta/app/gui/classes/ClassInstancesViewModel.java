package dev.heapdelta.app.gui.classes;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.dominators.DominatorTree;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.query.TopObjects;
import dev.heapdelta.app.gui.format.HumanSizes;
import dev.heapdelta.app.gui.navigation.Navigator;
import dev.heapdelta.app.gui.navigation.Place;
import dev.heapdelta.app.gui.session.BackgroundJob;
import dev.heapdelta.app.gui.session.Comparison;
import dev.heapdelta.app.gui.session.ObjectSummary;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The instances of one class in one snapshot, largest retained size first, found in the background. */
public final class ClassInstancesViewModel {
    /** More rows than anyone scrolls through; the summary line says how many there are in all. */
    static final int LIMIT = 5_000;

    private final Comparison comparison;
    private final Place.Instances place;
    private final Navigator navigator;
    private final ObservableList<ObjectSummary> instances = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("Finding instances…");

    /** What the background search found. */
    record Found(List<ObjectSummary> largest, long count, long shallowBytes) {
    }

    public ClassInstancesViewModel(Comparison comparison, Place.Instances place, Navigator navigator,
            Executor executor) {
        this.comparison = comparison;
        this.place = place;
        this.navigator = navigator;
        BackgroundJob.run(executor, "instances of " + place.className(), this::find, this::show, problem -> {
            loading.set(false);
            summary.set("Could not list the instances: " + problem.getMessage());
        });
    }

    public String title() {
        return place.className();
    }

    public List<String> snapshotNames() {
        return comparison.shortNames();
    }

    public int snapshotIndex() {
        return place.snapshot();
    }

    public ObservableList<ObjectSummary> instances() {
        return instances;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public void showSnapshot(int snapshot) {
        if (snapshot != place.snapshot()) {
            navigator.goTo(new Place.Instances(place.classKey(), place.className(), snapshot));
        }
    }

    public void inspect(ObjectSummary item) {
        navigator.goTo(new Place.Inspector(item.ref()));
    }

    public void openPath(ObjectSummary item) {
        navigator.goTo(new Place.ObjectPath(item.ref()));
    }

    public void openDominators(ObjectSummary item) {
        navigator.goTo(new Place.Dominators(item.ref().snapshot(), item.ref()));
    }

    public void openMergedPaths() {
        navigator.goTo(new Place.ClassPaths(place.classKey(), place.className(), place.snapshot()));
    }

    private Found find() {
        Snapshot snapshot = comparison.snapshot(place.snapshot());
        HeapGraph graph = snapshot.graph();
        DominatorTree tree = snapshot.dominatorTree();
        BitSet classes = new BitSet();
        for (int c : comparison.classIndexesOf(place.snapshot(), place.classKey())) {
            classes.set(c);
        }
        long count = 0;
        long shallow = 0;
        for (int o = 0; o < graph.objectCount(); o++) {
            int c = graph.classOf(o);
            if (c >= 0 && classes.get(c) && tree.isReachable(o)) {
                count++;
                shallow += graph.shallowSizeOf(o);
            }
        }
        int[] largest = TopObjects.largest(LIMIT, graph.objectCount(), tree::retainedSizeOf, o -> {
            int c = graph.classOf(o);
            return c >= 0 && classes.get(c) && tree.isReachable(o);
        });
        List<ObjectSummary> rows = new ArrayList<>(largest.length);
        for (int object : largest) {
            rows.add(ObjectSummary.of(snapshot, place.snapshot(), object));
        }
        return new Found(rows, count, shallow);
    }

    private void show(Found found) {
        instances.setAll(found.largest());
        loading.set(false);
        String head = HumanSizes.count(found.count()) + (found.count() == 1 ? " instance" : " instances") + " in "
                + comparison.shortName(place.snapshot()) + ", " + HumanSizes.size(found.shallowBytes()) + " shallow";
        summary.set(found.count() > found.largest().size()
                ? head + "; the " + HumanSizes.count(found.largest().size()) + " largest are listed"
                : head);
    }
}
