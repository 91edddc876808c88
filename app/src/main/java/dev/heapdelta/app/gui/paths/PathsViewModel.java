package dev.heapdelta.app.gui.paths;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.dominators.DominatorTree;
import dev.heapdelta.analyzer.graph.HeapFormat;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.graph.RootKind;
import dev.heapdelta.analyzer.query.FieldExclusion;
import dev.heapdelta.analyzer.query.PathExclusions;
import dev.heapdelta.analyzer.query.PathStep;
import dev.heapdelta.analyzer.query.ReferenceKind;
import dev.heapdelta.analyzer.query.ShortestPaths;
import dev.heapdelta.app.gui.format.HumanSizes;
import dev.heapdelta.app.gui.navigation.Navigator;
import dev.heapdelta.app.gui.navigation.Place;
import dev.heapdelta.app.gui.session.BackgroundJob;
import dev.heapdelta.app.gui.session.Comparison;
import dev.heapdelta.app.gui.session.GcRoots;
import dev.heapdelta.app.gui.session.ObjectSummary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * "Path to GC roots": for one object its shortest strong path from a GC root; for a class the
 * shortest paths of all its instances merged into one tree by the objects they share, as MAT's
 * "Merge Shortest Paths to GC Roots" does. Computed in the background: the first query of a
 * snapshot runs the breadth-first search over the whole graph.
 */
public final class PathsViewModel {
    static final int BRANCH_LIMIT = 100;
    /** A path longer than these two ends together shows its middle as one row (a linked list can be 10⁶ long). */
    static final int SHOWN_FROM_ROOT = 200;
    static final int SHOWN_TO_TARGET = 200;

    private final Comparison comparison;
    private final Navigator navigator;
    private final Place.Paths place;
    private final ReadOnlyObjectWrapper<List<PathNode>> roots = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper pathKey = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("Finding the shortest path from a GC root…");
    private final ReadOnlyStringWrapper exclusionsProblem = new ReadOnlyStringWrapper("");
    private final Executor executor;

    /** What the background query found. */
    record Found(List<PathNode> roots, String pathKey, String summary) {
    }

    public PathsViewModel(Comparison comparison, Place.Paths place, Navigator navigator, Executor executor) {
        this.comparison = comparison;
        this.navigator = navigator;
        this.place = place;
        this.executor = executor;
        search();
    }

    private void search() {
        PathExclusions chosen = place.exclusions();
        loading.set(true);
        summary.set(chosen.isDefault() ? "Finding the shortest path from a GC root…"
                : "Finding the shortest paths without the excluded references…");
        BackgroundJob.run(executor, "paths to GC roots", () -> find(chosen), found -> {
            roots.set(found.roots());
            pathKey.set(found.pathKey());
            summary.set(found.summary());
            loading.set(false);
        }, problem -> {
            loading.set(false);
            summary.set("Could not compute the paths: " + problem.getMessage());
        });
    }

    /** What the paths are computed without (the place's); the defaults leave out every referent, as path keys do. */
    public PathExclusions exclusions() {
        return place.exclusions();
    }

    /** Why the last exclusions typed were refused; empty when they were taken. */
    public ReadOnlyStringProperty exclusionsProblemProperty() {
        return exclusionsProblem.getReadOnlyProperty();
    }

    /** True for an HPROF dump: its references have kinds (soft, phantom, finalizer) and its roots kinds. */
    public boolean hasReferenceAndRootKinds() {
        return snapshot().graph().format() == HeapFormat.HPROF;
    }

    /** The reference kinds the view offers ({@code weak}, …): V8 has weak edges only. */
    public List<String> referenceKindNames() {
        return Arrays.stream(ReferenceKind.values())
                .filter(kind -> kind == ReferenceKind.WEAK || hasReferenceAndRootKinds())
                .map(ReferenceKind::optionName).toList();
    }

    public boolean isReferenceKindExcluded(String name) {
        return place.exclusions().references().contains(ReferenceKind.byOptionName(name));
    }

    /** The excluded fields as the field list shows them, MAT's syntax separated by spaces. */
    public String excludedFieldsText() {
        return String.join(" ", place.exclusions().fieldNames());
    }

    /** The root kinds of this dump's GC roots, by id, labelled with how many records each has, most first. */
    public Map<String, String> rootKindChoices() {
        HeapGraph graph = snapshot().graph();
        Map<RootKind, Integer> counts = new EnumMap<>(RootKind.class);
        for (int r = 0; r < graph.rootRecordCount(); r++) {
            counts.merge(graph.rootKind(r), 1, Integer::sum);
        }
        Map<String, String> choices = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<RootKind, Integer>comparingByValue().reversed())
                .forEach(entry -> choices.put(entry.getKey().name(),
                        entry.getKey().displayName() + " (" + HumanSizes.count(entry.getValue()) + ")"));
        return choices;
    }

    public boolean isRootKindExcluded(String id) {
        return place.exclusions().roots().contains(RootKind.valueOf(id));
    }

    /** "All root kinds", or which ones start no path. */
    public String rootKindsText() {
        PathExclusions chosen = place.exclusions();
        return chosen.roots().isEmpty() ? "All root kinds" : "Roots without " + String.join(", ", chosen.rootNames());
    }

    /**
     * Goes to these paths without these references, fields and roots: another place in the history, so that
     * Back returns to the paths as they were, and Forward (or coming back from an object) to these.
     *
     * @param referenceNames the kinds of {@link #referenceKindNames()} checked; on V8 the others keep their default
     * @param fieldsText MAT's {@code class:field,field} items, separated by spaces or semicolons
     * @param rootKindIds the ids of {@link #rootKindChoices()} checked
     * @return whether it went to other paths: not for the same exclusions, nor for a malformed field
     */
    public boolean exclude(Set<String> referenceNames, String fieldsText, Set<String> rootKindIds) {
        List<FieldExclusion> fields = new ArrayList<>();
        try {
            for (String item : fieldsText.split("[;\\s]+")) {
                if (!item.isBlank()) {
                    fields.add(FieldExclusion.parse(item));
                }
            }
        } catch (IllegalArgumentException e) {
            exclusionsProblem.set(e.getMessage());
            return false;
        }
        exclusionsProblem.set("");
        Set<ReferenceKind> references = EnumSet.noneOf(ReferenceKind.class);
        for (ReferenceKind kind : ReferenceKind.values()) {
            boolean offered = referenceKindNames().contains(kind.optionName());
            if (offered ? referenceNames.contains(kind.optionName()) : PathExclusions.defaults().references().contains(kind)) {
                references.add(kind);
            }
        }
        Set<RootKind> roots = EnumSet.noneOf(RootKind.class);
        for (String id : rootKindIds) {
            roots.add(RootKind.valueOf(id));
        }
        PathExclusions chosen = new PathExclusions(references, fields, roots);
        if (chosen.equals(place.exclusions())) {
            return false;
        }
        navigator.goTo(place.withExclusions(chosen));
        return true;
    }

    private Snapshot snapshot() {
        int index = place instanceof Place.ClassPaths classPaths ? classPaths.snapshot()
                : ((Place.ObjectPath) place).object().snapshot();
        return comparison.snapshot(index);
    }

    public String title() {
        if (place instanceof Place.ClassPaths classPaths) {
            return "Merged paths to GC roots: " + classPaths.className();
        }
        Place.ObjectPath objectPath = (Place.ObjectPath) place;
        Snapshot snapshot = comparison.snapshot(objectPath.object().snapshot());
        return "Path to GC roots: " + ObjectSummary.of(snapshot, objectPath.object().snapshot(),
                objectPath.object().object()).title();
    }

    public boolean merged() {
        return place instanceof Place.ClassPaths;
    }

    /** The top rows: GC roots, each with its branch. */
    public ReadOnlyObjectProperty<List<PathNode>> rootsProperty() {
        return roots.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pathKeyProperty() {
        return pathKey.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public String percentOfHeap(PathNode node) {
        return node.isMore() ? "" : HumanSizes.percent(node.object().retainedBytes(), node.object().heapBytes());
    }

    public void inspect(PathNode node) {
        if (!node.isMore()) {
            navigator.goTo(new Place.Inspector(node.object().ref()));
        }
    }

    public void openDominators(PathNode node) {
        if (!node.isMore()) {
            navigator.goTo(new Place.Dominators(node.object().ref().snapshot(), node.object().ref()));
        }
    }

    private Found find(PathExclusions chosen) {
        if (place instanceof Place.ObjectPath objectPath) {
            return findObjectPath(objectPath.object().snapshot(), objectPath.object().object(), chosen);
        }
        Place.ClassPaths classPaths = (Place.ClassPaths) place;
        return findMergedPaths(classPaths, chosen);
    }

    private Found findObjectPath(int snapshotIndex, int object, PathExclusions chosen) {
        Snapshot snapshot = comparison.snapshot(snapshotIndex);
        List<PathStep> path = snapshot.shortestPaths(chosen).pathTo(object);
        if (path.isEmpty()) {
            PathNode alone = new PathNode(ObjectSummary.of(snapshot, snapshotIndex, object), "", "", 1,
                    snapshot.graph().shallowSizeOf(object), List.of(), 0);
            return new Found(List.of(alone), "", chosen.isDefault()
                    ? "This object has no strong path from a GC root: it is kept only by weak or soft references,"
                            + " or it is unreachable."
                    : "This object has no path from a GC root without the excluded references.");
        }
        int size = path.size();
        boolean cut = size > SHOWN_FROM_ROOT + SHOWN_TO_TARGET;
        PathNode node = null;
        for (int i = size - 1; i >= 0; i--) {
            if (cut && i >= SHOWN_FROM_ROOT && i < size - SHOWN_TO_TARGET) {
                continue;
            }
            if (cut && i == SHOWN_FROM_ROOT - 1) {
                node = new PathNode(null, "", "", 1, 0, List.of(node), size - SHOWN_FROM_ROOT - SHOWN_TO_TARGET);
            }
            PathStep step = path.get(i);
            String edge = i == 0 ? "" : edgeName(snapshot.graph(), path.get(i - 1).edgeToNext());
            String rootKinds = i == 0 ? GcRoots.kindsOf(snapshot.graph(), step.object()) : "";
            node = new PathNode(ObjectSummary.of(snapshot, snapshotIndex, step.object()), edge, rootKinds, 1,
                    snapshot.graph().shallowSizeOf(object), node == null ? List.of() : List.of(node), 0);
        }
        String key = snapshot.pathKeys().keyOf(path);
        return new Found(List.of(node), key, (path.size() - 1) + (path.size() == 2 ? " reference" : " references")
                + " from a GC root" + (key.isEmpty() ? "" : "; path key " + key));
    }

    private Found findMergedPaths(Place.ClassPaths classPaths, PathExclusions chosen) {
        int snapshotIndex = classPaths.snapshot();
        Snapshot snapshot = comparison.snapshot(snapshotIndex);
        HeapGraph graph = snapshot.graph();
        DominatorTree tree = snapshot.dominatorTree();
        ShortestPaths paths = snapshot.shortestPaths(chosen);
        BitSet classes = new BitSet();
        for (int c : comparison.classIndexesOf(snapshotIndex, classPaths.classKey())) {
            classes.set(c);
        }
        MergedPathTree merged = new MergedPathTree(graph, paths);
        int instances = 0;
        int withoutPath = 0;
        for (int o = 0; o < graph.objectCount(); o++) {
            int c = graph.classOf(o);
            if (c < 0 || !classes.get(c) || !tree.isReachable(o)) {
                continue;
            }
            instances++;
            if (!paths.hasPath(o)) {
                withoutPath++;
                continue;
            }
            merged.add(o);
        }
        List<PathNode> rows = merged.toRows(snapshot, snapshotIndex, BRANCH_LIMIT);
        String text = HumanSizes.count(instances) + (instances == 1 ? " instance" : " instances") + " in "
                + comparison.shortName(snapshotIndex) + ", reached through " + rows.size()
                + (rows.size() == 1 ? " GC root" : " GC roots")
                + (withoutPath == 0 ? "" : chosen.isDefault()
                        ? "; " + HumanSizes.count(withoutPath) + " only through weak references"
                        : "; " + HumanSizes.count(withoutPath) + " only through excluded references");
        return new Found(rows, "", text);
    }

    static String edgeName(HeapGraph graph, int edge) {
        return edge < 0 ? "" : graph.details().edgeName(edge);
    }
}
