package dev.heapdelta.app.gui.classes;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.dominators.DominatorTree;
import dev.heapdelta.analyzer.dominators.TreeWalkStack;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.query.RetainedSet;
import dev.heapdelta.analyzer.query.TopObjects;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.app.gui.format.HumanSizes;
import dev.heapdelta.app.gui.navigation.Navigator;
import dev.heapdelta.app.gui.navigation.Place;
import dev.heapdelta.app.gui.session.BackgroundJob;
import dev.heapdelta.app.gui.session.Comparison;
import dev.heapdelta.app.gui.session.ObjectRef;
import dev.heapdelta.app.gui.session.ObjectSummary;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The instances of one class in one snapshot, largest retained size first, found in the background: all
 * of them, or only those one object holds (a suspect's container).
 */
public final class ClassInstancesViewModel {
    /** More rows than anyone scrolls through; the summary line says how many there are in all. */
    static final int LIMIT = 5_000;

    private final Comparison comparison;
    private final String classKey;
    private final String className;
    private final int snapshot;
    private final ObjectRef holder;
    private final ObjectRef selected;
    private final Navigator navigator;
    private final ObservableList<ObjectSummary> instances = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("Finding instances…");
    private final ReadOnlyStringWrapper preciseRetained = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper computingPrecise = new ReadOnlyBooleanWrapper(false);
    private final Executor executor;
    private Map<ObjectRef, Long> deltas = Map.of();

    /** What the background search found. */
    record Found(List<ObjectSummary> largest, long count, long shallowBytes, Map<ObjectRef, Long> deltas) {
    }

    public ClassInstancesViewModel(Comparison comparison, Place.Instances place, Navigator navigator,
            Executor executor) {
        this(comparison, place.classKey(), place.className(), place.snapshot(), null, place.selected(), navigator,
                executor);
    }

    public ClassInstancesViewModel(Comparison comparison, Place.HeldInstances place, Navigator navigator,
            Executor executor) {
        this(comparison, place.classKey(), place.className(), place.holder().snapshot(), place.holder(), null,
                navigator, executor);
    }

    private ClassInstancesViewModel(Comparison comparison, String classKey, String className, int snapshot,
            ObjectRef holder, ObjectRef selected, Navigator navigator, Executor executor) {
        this.comparison = comparison;
        this.classKey = classKey;
        this.className = className;
        this.snapshot = snapshot;
        this.holder = holder;
        this.selected = selected;
        this.navigator = navigator;
        this.executor = executor;
        BackgroundJob.run(executor, "instances of " + className, this::find, this::show, problem -> {
            loading.set(false);
            summary.set("Could not list the instances: " + problem.getMessage());
        });
    }

    public String title() {
        return className;
    }

    /** The object whose held instances are listed, as a row names it; empty when all instances are listed. */
    public String holderTitle() {
        return holder == null ? "" : ObjectSummary.of(comparison.snapshot(holder.snapshot()), holder.snapshot(),
                holder.object()).title();
    }

    /** The instance to select when the rows come, or null. */
    public ObjectRef selected() {
        return selected;
    }

    /** Whether the list is restricted to one holder's instances; the snapshot is then the holder's. */
    public boolean held() {
        return holder != null;
    }

    public List<String> snapshotNames() {
        return comparison.shortNames();
    }

    public int snapshotIndex() {
        return snapshot;
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

    public void showSnapshot(int other) {
        if (other != snapshot) {
            navigator.goTo(new Place.Instances(classKey, className, other));
        }
    }

    /** All the instances of the class in this snapshot, not only the holder's. */
    public void showAllInstances() {
        navigator.goTo(new Place.Instances(classKey, className, snapshot, holder));
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

    /** What all instances retain together, once computed: MAT's "calculate precise retained size". */
    public ReadOnlyStringProperty preciseRetainedProperty() {
        return preciseRetained.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty computingPreciseProperty() {
        return computingPrecise.getReadOnlyProperty();
    }

    /**
     * The retained set of every instance of the class in this snapshot together, by the dominator tree and one
     * marking pass: more than the class's retained size when instances share what they hold.
     */
    public void computePreciseRetainedSize() {
        if (computingPrecise.get()) {
            return;
        }
        computingPrecise.set(true);
        preciseRetained.set("Computing the precise retained size…");
        BackgroundJob.run(executor, "precise retained size of " + className, () -> {
            Snapshot opened = comparison.snapshot(snapshot);
            return RetainedSet.of(opened.dominatorTree(), instanceIndexes(opened), CancelSignal.NEVER);
        }, result -> {
            computingPrecise.set(false);
            preciseRetained.set("All instances retain together " + HumanSizes.size(result.retainedBytes()) + " in "
                    + HumanSizes.count(result.count()) + " objects");
        }, problem -> {
            computingPrecise.set(false);
            preciseRetained.set("Could not compute the precise retained size: " + problem.getMessage());
        });
    }

    private int[] instanceIndexes(Snapshot opened) {
        BitSet classes = new BitSet();
        for (int c : comparison.classIndexesOf(snapshot, classKey)) {
            classes.set(c);
        }
        return ClassInstances.of(opened, classes);
    }

    public void openMergedPaths() {
        navigator.goTo(new Place.ClassPaths(classKey, className, snapshot));
    }

    private Found find() {
        Snapshot opened = comparison.snapshot(snapshot);
        BitSet classes = new BitSet();
        for (int c : comparison.classIndexesOf(snapshot, classKey)) {
            classes.set(c);
        }
        return holder == null ? all(opened, classes) : held(opened, classes);
    }

    private Found all(Snapshot opened, BitSet classes) {
        HeapGraph graph = opened.graph();
        DominatorTree tree = opened.dominatorTree();
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
        if (selected != null && selected.snapshot() == snapshot && !contains(largest, selected.object())) {
            largest = java.util.Arrays.copyOf(largest, largest.length + 1);
            largest[largest.length - 1] = selected.object();
        }
        return found(opened, largest, count, shallow);
    }

    /**
     * The instances in the holder's dominator subtree that no other instance of the class dominates: the
     * objects a suspect's evidence counts, so that the list has as many rows as the card says.
     */
    private Found held(Snapshot opened, BitSet classes) {
        HeapGraph graph = opened.graph();
        DominatorTree tree = opened.dominatorTree();
        List<Integer> found = new ArrayList<>();
        long shallow = 0;
        TreeWalkStack stack = new TreeWalkStack(tree);
        int onPath = 0;
        stack.push(holder.object());
        while (!stack.isEmpty()) {
            int child = stack.nextChildOfTop();
            if (child < 0) {
                int top = stack.topObject();
                if (top != holder.object() && isOf(graph, top, classes)) {
                    onPath--;
                }
                stack.pop();
                continue;
            }
            if (isOf(graph, child, classes)) {
                if (onPath == 0) {
                    found.add(child);
                    shallow += graph.shallowSizeOf(child);
                }
                onPath++;
            }
            stack.push(child);
        }
        int[] largest = TopObjects.largest(LIMIT, found.size(), i -> tree.retainedSizeOf(found.get(i)), i -> true);
        int[] objects = new int[largest.length];
        for (int i = 0; i < largest.length; i++) {
            objects[i] = found.get(largest[i]);
        }
        return found(opened, objects, found.size(), shallow);
    }

    private Found found(Snapshot opened, int[] objects, long count, long shallow) {
        Map<ObjectRef, Long> byRow = new HashMap<>();
        if (hasBase()) {
            for (int object : objects) {
                byRow.put(new ObjectRef(snapshot, object), comparison.retainedDelta(snapshot, object, 0));
            }
        }
        return new Found(summaries(opened, objects), count, shallow, byRow);
    }

    /** Whether rows have a Δ: against the first snapshot, when another one is shown. */
    public boolean hasBase() {
        return snapshot > 0;
    }

    public String deltaTitle() {
        return "Δ since " + dev.heapdelta.app.gui.format.SnapshotNames.compact(comparison.shortName(0));
    }

    /** A row's retained size minus the same object's in the first snapshot; {@link Long#MIN_VALUE} if not found. */
    public long retainedDelta(ObjectSummary row) {
        return deltas.getOrDefault(row.ref(), Long.MIN_VALUE);
    }

    private static boolean isOf(HeapGraph graph, int object, BitSet classes) {
        int c = graph.classOf(object);
        return c >= 0 && classes.get(c);
    }

    private List<ObjectSummary> summaries(Snapshot opened, int[] objects) {
        List<ObjectSummary> rows = new ArrayList<>(objects.length);
        for (int object : objects) {
            rows.add(ObjectSummary.of(opened, snapshot, object));
        }
        return rows;
    }

    private static boolean contains(int[] objects, int object) {
        for (int candidate : objects) {
            if (candidate == object) {
                return true;
            }
        }
        return false;
    }

    private void show(Found found) {
        deltas = found.deltas();
        instances.setAll(found.largest());
        loading.set(false);
        String head = HumanSizes.count(found.count()) + (found.count() == 1 ? " instance" : " instances")
                + (holder == null ? "" : " held by " + holderTitle()) + " in "
                + comparison.shortName(snapshot) + ", " + HumanSizes.size(found.shallowBytes()) + " shallow";
        summary.set(found.count() > found.largest().size()
                ? head + "; the " + HumanSizes.count(found.largest().size()) + " largest are listed"
                : head);
    }
}
