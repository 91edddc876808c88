package dev.heapdelta.app.gui.dominators;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.dominators.DominatorTree;
import dev.heapdelta.app.gui.format.HumanSizes;
import dev.heapdelta.app.gui.navigation.Navigator;
import dev.heapdelta.app.gui.navigation.Place;
import dev.heapdelta.app.gui.session.Comparison;
import dev.heapdelta.app.gui.session.ObjectRef;
import dev.heapdelta.app.gui.session.ObjectSummary;
import java.util.ArrayList;
import java.util.List;

/**
 * The dominator tree of one snapshot, expanded on demand: each expansion asks for one page of a
 * node's children, largest retained size first. The first page is a partial selection, O(children
 * · log page), so a node that dominates a million objects opens at once.
 */
public final class DominatorTreeViewModel {
    static final int PAGE = 200;
    private static final int CHAIN_LIMIT = 40;

    private final Comparison comparison;
    private final int snapshotIndex;
    private final Snapshot snapshot;
    private final ObjectRef from;
    private final Navigator navigator;

    public DominatorTreeViewModel(Comparison comparison, Place.Dominators place, Navigator navigator) {
        this.comparison = comparison;
        this.snapshotIndex = place.snapshot();
        this.snapshot = comparison.snapshot(place.snapshot());
        this.from = place.from();
        this.navigator = navigator;
    }

    public String title() {
        return from == null ? "Dominator tree of " + comparison.shortName(snapshotIndex)
                : "Dominator tree under " + summaryOf(from.object()).title();
    }

    public long heapBytes() {
        return snapshot.totalShallowBytes();
    }

    /** The rows at the top of the tree: the chosen object, or the children of the dominator root. */
    public List<DominatorNode> roots() {
        if (from != null) {
            return List.of(nodeOf(from.object(), -1));
        }
        return childrenOf(snapshot.dominatorRoot(), 0);
    }

    /** One page of the children of {@code parent}, starting after the {@code shownBefore} largest. */
    public List<DominatorNode> childrenOf(int parent, int shownBefore) {
        DominatorTree tree = snapshot.dominatorTree();
        int total = tree.childCount(parent);
        int[] page = shownBefore == 0 ? firstPage(parent) : nextPage(parent, shownBefore);
        List<DominatorNode> nodes = new ArrayList<>(page.length + 1);
        long listedBytes = 0;
        for (int child : page) {
            nodes.add(nodeOf(child, parent));
            listedBytes += tree.retainedSizeOf(child);
        }
        int shown = shownBefore + page.length;
        if (shown < total) {
            long hiddenBytes = retainedOfChildren(parent) - listedBytes - retainedOfLargest(parent, shownBefore);
            nodes.add(new DominatorNode(null, 0, parent, shown, total - shown, Math.max(0, hiddenBytes),
                    Long.MIN_VALUE));
        }
        return nodes;
    }

    /** The objects that dominate the chosen one, nearest first: MAT's "immediate dominators". */
    public List<ObjectSummary> dominatorChain() {
        if (from == null) {
            return List.of();
        }
        DominatorTree tree = snapshot.dominatorTree();
        List<ObjectSummary> chain = new ArrayList<>();
        int current = tree.immediateDominatorOf(from.object());
        while (current >= 0 && current != tree.virtualRoot() && current != snapshot.dominatorRoot()
                && chain.size() < CHAIN_LIMIT) {
            chain.add(summaryOf(current));
            current = tree.immediateDominatorOf(current);
        }
        return chain;
    }

    public String percentOfHeap(long bytes) {
        return HumanSizes.percent(bytes, heapBytes());
    }

    public void inspect(ObjectSummary object) {
        navigator.goTo(new Place.Inspector(object.ref()));
    }

    public void openPath(ObjectSummary object) {
        navigator.goTo(new Place.ObjectPath(object.ref()));
    }

    public void focus(ObjectSummary object) {
        navigator.goTo(new Place.Dominators(snapshotIndex, object.ref()));
    }

    private DominatorNode nodeOf(int object, int parent) {
        long delta = hasBase() ? comparison.retainedDelta(snapshotIndex, object, 0) : Long.MIN_VALUE;
        return new DominatorNode(summaryOf(object), snapshot.dominatorTree().childCount(object), parent, 0, 0, 0,
                delta);
    }

    /** Whether rows have a Δ: against the first snapshot, when another one is shown. */
    public boolean hasBase() {
        return snapshotIndex > 0;
    }

    /** {@code Δ since t0}: the Δ column's title. */
    public String deltaTitle() {
        return "Δ since " + dev.heapdelta.app.gui.format.SnapshotNames.compact(comparison.shortName(0));
    }

    public List<String> snapshotNames() {
        return comparison.shortNames();
    }

    public int snapshotIndex() {
        return snapshotIndex;
    }

    /**
     * Shows the tree of another snapshot: under the same object where it can be found there (see
     * {@link dev.heapdelta.app.gui.session.SameObject}), otherwise from the root.
     */
    public void showSnapshot(int other) {
        if (other == snapshotIndex) {
            return;
        }
        ObjectRef there = null;
        if (from != null) {
            java.util.OptionalInt match = comparison.sameObject().in(snapshotIndex, from.object(), other);
            there = match.isPresent() ? new ObjectRef(other, match.getAsInt()) : null;
        }
        navigator.goTo(new Place.Dominators(other, there));
    }

    private ObjectSummary summaryOf(int object) {
        return ObjectSummary.of(snapshot, snapshotIndex, object);
    }

    private int[] firstPage(int parent) {
        return snapshot.dominatorTree().childrenByRetainedSize(parent, PAGE);
    }

    /**
     * The next page by a fresh selection of the largest {@code shownBefore + PAGE}: the root can have
     * millions of children, which a cached full sort would hold on the heap.
     */
    private int[] nextPage(int parent, int shownBefore) {
        int[] largest = snapshot.dominatorTree().childrenByRetainedSize(parent, shownBefore + PAGE);
        return java.util.Arrays.copyOfRange(largest, Math.min(shownBefore, largest.length), largest.length);
    }

    private long retainedOfChildren(int parent) {
        DominatorTree tree = snapshot.dominatorTree();
        return tree.retainedSizeOf(parent) - (parent == tree.virtualRoot() ? 0 : snapshot.graph().shallowSizeOf(parent));
    }

    private long retainedOfLargest(int parent, int count) {
        if (count == 0) {
            return 0;
        }
        int[] sorted = snapshot.dominatorTree().childrenByRetainedSize(parent, count);
        long sum = 0;
        for (int i = 0; i < count && i < sorted.length; i++) {
            sum += snapshot.dominatorTree().retainedSizeOf(sorted[i]);
        }
        return sum;
    }
}
