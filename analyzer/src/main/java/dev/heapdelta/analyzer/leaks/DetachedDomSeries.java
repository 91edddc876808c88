package dev.heapdelta.analyzer.leaks;

import dev.heapdelta.analyzer.format.ByteSizes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * The detached DOM a growing collection keeps, per snapshot (null where the collection is absent):
 * in a browser, rows or panels taken out of the page and kept by a cache are the classic leak, and
 * the sentence a developer needs names the variable and how many trees and nodes it keeps, as
 * DevTools' Detached elements panel counts them. Empty for a collection that holds no detached DOM
 * in the last snapshot.
 */
final class DetachedDomSeries {
    private static final String TREES = "detached DOM trees";
    private static final String NODES = "detached DOM nodes";
    private final DetachedDom[] bySnapshot;

    private DetachedDomSeries(DetachedDom[] bySnapshot) {
        this.bySnapshot = bySnapshot;
    }

    static DetachedDomSeries of(SeriesContext series, CollectionSeries collection) {
        int n = series.size();
        DetachedDom[] bySnapshot = new DetachedDom[n];
        ContainerGroup last = collection.groups()[n - 1];
        if (DetachedDom.under(series.last(), last.members()).trees() == 0) {
            return new DetachedDomSeries(null);
        }
        for (int s = 0; s < n; s++) {
            ContainerGroup group = collection.groups()[s];
            bySnapshot[s] = group == null ? null : DetachedDom.under(series.snapshots().get(s), group.members());
        }
        return new DetachedDomSeries(bySnapshot);
    }

    /** The detached DOM one object keeps in each snapshot ({@code objects}: -1 where it is absent); empty when none in the last. */
    static DetachedDomSeries ofObjects(SeriesContext series, int[] objects) {
        int n = series.size();
        if (objects[n - 1] < 0 || DetachedDom.under(series.last(), new int[] {objects[n - 1]}).trees() == 0) {
            return new DetachedDomSeries(null);
        }
        DetachedDom[] bySnapshot = new DetachedDom[n];
        for (int s = 0; s < n; s++) {
            bySnapshot[s] = objects[s] < 0 ? null : DetachedDom.under(series.snapshots().get(s), new int[] {objects[s]});
        }
        return new DetachedDomSeries(bySnapshot);
    }

    /** The detached DOM one snapshot's holder keeps (a one-dump analysis); empty when it keeps none. */
    static DetachedDomSeries ofOne(DetachedDom dom) {
        return new DetachedDomSeries(dom.trees() == 0 ? null : new DetachedDom[] {dom});
    }

    boolean isPresent() {
        return bySnapshot != null;
    }

    /** {@code Array at global › leakedRows keeps detached DOM: 100 → 200 → 300 trees of 500 → 1,000 → 1,500 nodes (+128.7 KB retained)}. */
    String title(String family, String pathKey, long retainedGrowth) {
        return String.format(Locale.ROOT, "%s at %s keeps detached DOM: %s trees of %s nodes (%s retained)", family,
                pathKey, GrowingCollectionDetector.series(trees()), GrowingCollectionDetector.series(nodes()),
                ByteSizes.humanDelta(retainedGrowth));
    }

    /** {@code ; it keeps 300 detached DOM trees of 1,500 nodes}: what a one-dump title adds. */
    String oneSnapshotClause() {
        DetachedDom last = bySnapshot[bySnapshot.length - 1];
        return String.format(Locale.ROOT, "; it keeps %,d detached DOM trees of %,d nodes", last.trees(), last.nodes());
    }

    String reason() {
        DetachedDom last = bySnapshot[bySnapshot.length - 1];
        return String.format(Locale.ROOT, "its entries are DOM trees taken out of the document (detached), which it"
                + " keeps alive: %,d trees of %,d nodes retaining %s in the last snapshot", last.trees(), last.nodes(),
                ByteSizes.human(last.retainedBytes()));
    }

    /** The same for a holder that is no collection: a property's tree, an event target's listeners. */
    String heldReason() {
        DetachedDom last = bySnapshot[bySnapshot.length - 1];
        return String.format(Locale.ROOT, "it keeps DOM trees taken out of the document (detached) alive: %,d trees"
                + " of %,d nodes retaining %s in the last snapshot", last.trees(), last.nodes(),
                ByteSizes.human(last.retainedBytes()));
    }

    /** Whether an evidence row is one of the figures this adds: the holder's, not a class's. */
    static boolean isHolderFigure(Evidence evidence) {
        return evidence.name().equals(TREES) || evidence.name().equals(NODES);
    }

    /** The trees and nodes first, then the collection's other evidence (the classes of the detached nodes). */
    List<Evidence> withEvidence(List<Evidence> classes) {
        if (!isPresent()) {
            return classes;
        }
        Long[] retained = figure(DetachedDom::retainedBytes);
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(new Evidence(TREES, trees(), retained));
        evidence.add(new Evidence(NODES, nodes(), retained));
        evidence.addAll(classes);
        return evidence;
    }

    private Long[] trees() {
        return figure(DetachedDom::trees);
    }

    Long[] nodes() {
        return figure(DetachedDom::nodes);
    }

    private Long[] figure(ToLongFunction<DetachedDom> value) {
        Long[] figures = new Long[bySnapshot.length];
        for (int s = 0; s < figures.length; s++) {
            figures[s] = bySnapshot[s] == null ? null : value.applyAsLong(bySnapshot[s]);
        }
        return figures;
    }
}
