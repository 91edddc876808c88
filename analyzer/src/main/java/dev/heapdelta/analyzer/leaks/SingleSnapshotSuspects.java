package dev.heapdelta.analyzer.leaks;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.diff.Trend;
import dev.heapdelta.analyzer.dominators.DominatorTree;
import dev.heapdelta.analyzer.format.ByteSizes;
import dev.heapdelta.analyzer.query.PathKeys;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What one dump says on its own, as MAT's Leak Suspects report does: the objects retaining more
 * than a tenth of the heap, each with the point where its size accumulates and the container it
 * sits on; then the largest other collections with their entry counts; then classes defined by
 * several loaders. Nothing here is a trend: every suspect has {@code "trendBasis":"single-snapshot"}.
 */
public final class SingleSnapshotSuspects {
    static final int COLLECTIONS = 5;
    /** A collection below this share of the heap is not worth a row in a one-dump report. */
    static final double COLLECTION_SHARE = 0.01;
    static final int DUPLICATE_GROUPS = 5;
    private static final int EVIDENCE_CLASSES = 3;
    private static final int EVIDENCE_NAMES = 5;
    private static final double HOLDER_SHARE = 0.99;

    private SingleSnapshotSuspects() {
    }

    public static List<Suspect> of(SeriesContext series) {
        Snapshot only = series.last();
        // The steps: the census, the retainers' search, each retainer followed, the collections, the duplicates.
        series.stepsDone(0, 4);
        Map<Integer, ContainerGroup> groupByMember = new HashMap<>();
        for (ContainerGroup group : series.census(0).groupsByPathKey().values()) {
            for (int member : group.members()) {
                groupByMember.put(member, group);
            }
        }
        List<Suspect> suspects = new ArrayList<>();
        Set<ContainerGroup> named = new HashSet<>();
        List<Integer> namedObjects = new ArrayList<>();
        series.stepsDone(1, 4);
        List<Suspect> retainers = new ArrayList<>(new LargeRetainerDetector().detect(series));
        retainers.sort(Comparator.comparingLong((Suspect s) -> -Evidence.last(s.retainedBytes())));
        int steps = 4 + retainers.size();
        for (int r = 0; r < retainers.size(); r++) {
            series.throwIfCancelled();
            series.stepsDone(2 + r, steps);
            Suspect retainer = retainers.get(r);
            suspects.add(withAccumulation(series, retainer, groupByMember, named));
            namedObjects.add(series.objectOf(retainer, 0));
        }
        for (ContainerGroup group : named) {
            namedObjects.add(group.representative());
        }
        series.throwIfCancelled();
        series.stepsDone(steps - 2, steps);
        suspects.addAll(largestCollections(series, namedObjects));
        series.throwIfCancelled();
        series.stepsDone(steps - 1, steps);
        for (DuplicateClasses.Group group : DuplicateClasses.of(only)) {
            if (suspects.size() >= retainers.size() + COLLECTIONS + DUPLICATE_GROUPS) {
                break;
            }
            series.throwIfCancelled();
            suspects.add(duplicateSuspect(series, group));
        }
        return suspects;
    }

    /** The retainer, with where inside it the size piles up and the container that is. */
    private static Suspect withAccumulation(SeriesContext series, Suspect retainer,
            Map<Integer, ContainerGroup> groupByMember, Set<ContainerGroup> named) {
        Snapshot only = series.last();
        DominatorTree tree = only.dominatorTree();
        int object = series.objectOf(retainer, 0);
        int point = accumulationPoint(only, object);
        // A point on a container's table or nodes is that container, counted by its entries, as in a series.
        int sitsOn = AccumulationPointDetector.containerItSitsOn(only, point);
        if (sitsOn >= 0) {
            point = sitsOn;
        }
        ContainerGroup container = containerOf(only, object, point, groupByMember);
        List<Evidence> evidence = new ArrayList<>();
        String pointName = only.displayClassNameOf(point) + " at " + only.pathKeyOf(point);
        evidence.add(new Evidence("accumulation point: " + pointName,
                new Long[] {DominatedObjects.entriesOrCount(only, point)}, new Long[] {tree.retainedSizeOf(point)}));
        String title = retainer.title();
        List<String> reasons = new ArrayList<>(retainer.reasons());
        reasons.add("its size accumulates in " + pointName + ", where no one child holds most of it");
        if (container != null) {
            named.add(container);
            String noun = container.kind().entryNoun();
            evidence.add(new Evidence(container.family() + " at " + container.pathKey() + ": " + noun,
                    new Long[] {container.elements()}, new Long[] {container.retainedBytes()}));
            title += container.members().length == 1 && container.representative() == object
                    ? String.format(Locale.ROOT, " in %,d %s", container.elements(), noun)
                    : String.format(Locale.ROOT, "; it sits on the %s at %s (%,d %s)", container.family(),
                            container.pathKey(), container.elements(), noun);
            reasons.add("the container it sits on is the " + container.family() + " at " + container.pathKey());
        }
        DetachedDomSeries detached = DetachedDomSeries.ofOne(DetachedDom.under(only, new int[] {object}));
        if (detached.isPresent()) {
            title += detached.oneSnapshotClause();
            reasons.add(detached.reason());
            evidence.addAll(detached.withEvidence(List.of()));
        }
        evidence.addAll(classesUnder(series, new int[] {object}, tree.retainedSizeOf(object)));
        return new Suspect(retainer.kind(), title, retainer.className(), retainer.pathKey(), retainer.elements(),
                retainer.retainedBytes(), Trend.FLAT, series.trendBasis(), retainer.pathToRoot(), retainer.samples(),
                retainer.locations(), evidence, reasons, retainer.objectIds())
                .withCacheBounds(container == null ? CacheBounds.NONE : container.bounds());
    }

    /**
     * MAT's accumulation point: down the dominator tree along the largest child while that child
     * holds most of its parent, stopping at the head of a chain (a linked list's nodes each hold
     * the rest of it, so following them would walk the whole list).
     */
    static int accumulationPoint(Snapshot snapshot, int object) {
        DominatorTree tree = snapshot.dominatorTree();
        int current = object;
        for (int steps = 0; steps < 10_000; steps++) {
            int[] largest = tree.childrenByRetainedSize(current, 1);
            if (largest.length == 0
                    || tree.retainedSizeOf(largest[0]) < LargeRetainerDetector.CONCENTRATION
                            * tree.retainedSizeOf(current)
                    || snapshot.graph().classOf(largest[0]) == snapshot.graph().classOf(current)) {
                return current;
            }
            current = largest[0];
        }
        return current;
    }

    /**
     * The container at or above the accumulation point (the retainer can be a cache's inner table, the
     * cache above it); else the largest one the retainer dominates.
     */
    private static ContainerGroup containerOf(Snapshot snapshot, int retainer, int point,
            Map<Integer, ContainerGroup> groupByMember) {
        DominatorTree tree = snapshot.dominatorTree();
        int steps = 0;
        for (int d = point; d >= 0 && d != tree.virtualRoot() && steps++ < 10_000; d = tree.immediateDominatorOf(d)) {
            ContainerGroup group = groupByMember.get(d);
            if (group != null) {
                return group;
            }
        }
        ContainerGroup best = null;
        for (Map.Entry<Integer, ContainerGroup> entry : groupByMember.entrySet()) {
            int member = entry.getKey();
            if (LargeRetainerDetector.dominates(tree, retainer, member)
                    && (best == null || entry.getValue().retainedBytes() > best.retainedBytes())) {
                best = entry.getValue();
            }
        }
        return best;
    }

    /**
     * The largest collections not already named: one that holds or sits inside a reported retainer
     * or container is that one's detail (an {@code _events} object around its listener array).
     */
    private static List<Suspect> largestCollections(SeriesContext series, List<Integer> named) {
        Snapshot only = series.last();
        long floor = (long) (only.totalShallowBytes() * COLLECTION_SHARE);
        List<ContainerGroup> groups = new ArrayList<>(series.census(0).groupsByPathKey().values());
        groups.sort(Comparator.comparingLong((ContainerGroup g) -> -g.retainedBytes())
                .thenComparing(ContainerGroup::pathKey));
        List<Suspect> suspects = new ArrayList<>();
        for (ContainerGroup group : groups) {
            if (suspects.size() == COLLECTIONS || group.retainedBytes() < floor) {
                break;
            }
            if (group.elements() < ContainerCensus.MIN_ELEMENTS || isRelatedToAny(only, group.representative(), named)
                    || LargeRetainerDetector.holdsMostlyClasses(only, group.representative())) {
                continue;
            }
            String noun = group.kind().entryNoun();
            String title = String.format(Locale.ROOT, "%s at %s holds %,d %s (%s retained, %.0f%% of the heap)",
                    group.family(), group.pathKey(), group.elements(), noun, ByteSizes.human(group.retainedBytes()),
                    100.0 * group.retainedBytes() / Math.max(1, only.totalShallowBytes()));
            List<String> reasons = new ArrayList<>();
            reasons.add("one of the largest collections of this snapshot by retained size");
            if (group.members().length > 1) {
                reasons.add(group.members().length + " containers share this path; their entries are summed");
            }
            int representative = group.representative();
            suspects.add(new Suspect(SuspectKind.LARGE_COLLECTION, title, only.graph().classNameOf(representative),
                    group.pathKey(), new Long[] {group.elements()}, new Long[] {group.retainedBytes()}, Trend.FLAT,
                    series.trendBasis(), series.pathRows(0, representative), series.samples(0, representative),
                    series.locations(0, representative), classesUnder(series, group.members(), group.retainedBytes()),
                    reasons,
                    series.objectIds(new int[] {representative})).withCacheBounds(group.bounds()));
        }
        return suspects;
    }

    private static boolean isRelatedToAny(Snapshot snapshot, int object, List<Integer> named) {
        DominatorTree tree = snapshot.dominatorTree();
        for (int other : named) {
            if (other == object || LargeRetainerDetector.dominates(tree, other, object)
                    || LargeRetainerDetector.dominates(tree, object, other)) {
                return true;
            }
        }
        return false;
    }

    private static Suspect duplicateSuspect(SeriesContext series, DuplicateClasses.Group group) {
        Snapshot only = series.last();
        DominatorTree tree = only.dominatorTree();
        int copies = group.loaders().length;
        String loaderClass = PathKeys.simpleName(only.graph().classNameOf(group.loaders()[0]));
        String first = group.classNames().get(0);
        int others = group.classNames().size() - 1;
        String title = String.format(Locale.ROOT, "%d copies of %s%s under %d %s loaders", copies, first,
                others == 0 ? "" : String.format(Locale.ROOT, " and of %,d more classes", others), copies, loaderClass);
        long retained = 0;
        for (int loader : group.loaders()) {
            retained += tree.retainedSizeOf(loader);
        }
        List<Evidence> evidence = new ArrayList<>();
        for (String name : group.classNames().subList(0, Math.min(EVIDENCE_NAMES, group.classNames().size()))) {
            evidence.add(new Evidence(name, new Long[] {(long) copies}, new Long[] {null}));
        }
        int oldest = group.loaders()[0];
        return new Suspect(SuspectKind.DUPLICATE_CLASS, title, first, only.pathKeyOf(oldest),
                new Long[] {(long) copies}, new Long[] {retained}, Trend.FLAT, series.trendBasis(),
                series.pathRows(0, oldest), List.of(), List.of(), evidence,
                List.of(String.format(Locale.ROOT, "%d class loaders each define the same %,d classes: an application "
                        + "redeployed while its old loaders stay alive, or a library loaded twice; the path keeps the "
                        + "first loader alive", copies, group.classNames().size())),
                series.objectIds(new int[] {oldest}));
    }

    /**
     * The classes that hold most under the objects, by retained size: what the retainer is made of.
     * A class holding (nearly) all of it is the holder itself or its shell, not its content.
     */
    private static List<Evidence> classesUnder(SeriesContext series, int[] objects, long whole) {
        List<Evidence> evidence = new ArrayList<>();
        for (Map.Entry<String, long[]> entry : series.classesUnder(0, objects).entrySet()) {
            String name = series.classNameForKey(entry.getKey());
            if (!ContainerInternals.isInternalClass(series.last().format(), name)
                    && entry.getValue()[1] < HOLDER_SHARE * whole) {
                evidence.add(new Evidence(name, new Long[] {entry.getValue()[0]}, new Long[] {entry.getValue()[1]}));
            }
        }
        evidence.sort(Comparator.comparingLong((Evidence e) -> -Evidence.last(e.retainedBytes()))
                .thenComparing(Evidence::name));
        return evidence.size() > EVIDENCE_CLASSES ? new ArrayList<>(evidence.subList(0, EVIDENCE_CLASSES)) : evidence;
    }
}
