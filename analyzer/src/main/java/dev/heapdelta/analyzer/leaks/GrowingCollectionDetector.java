package dev.heapdelta.analyzer.leaks;

import dev.heapdelta.analyzer.diff.Trend;
import dev.heapdelta.analyzer.format.ByteSizes;
import dev.heapdelta.analyzer.format.PathStepRow;
import dev.heapdelta.analyzer.format.PathStepRows;
import dev.heapdelta.analyzer.query.PathStep;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps, sets, lists, queues, arrays, caches and dictionaries whose entry count grows across the
 * series. A bounded cache that is full in every snapshot is flat, and a weak map whose entries die
 * does not grow: neither is reported. A cache filling toward its configured maximum is no
 * suspect either, but is kept aside ({@link SeriesContext#boundedCaches}): what it holds explains
 * growing classes and accumulation points, which would otherwise be rows of their own. Listener containers are left to {@link ListenerAccumulationDetector}.
 */
public final class GrowingCollectionDetector implements LeakDetector {
    /** Fewer new entries than this is not worth a row, however steep in relative terms. */
    static final long MIN_ELEMENT_GROWTH = 10;
    /** Nor is growth below this many bytes: a lookup table filling its last slots is no leak. */
    static final long MIN_RETAINED_GROWTH = 16 * 1024;
    private static final int EVIDENCE_CLASSES = 5;

    private final boolean listeners;

    public GrowingCollectionDetector() {
        this(false);
    }

    GrowingCollectionDetector(boolean listeners) {
        this.listeners = listeners;
    }

    @Override
    public List<Suspect> detect(SeriesContext series) {
        List<Suspect> suspects = new ArrayList<>();
        for (CollectionSeries collection : CollectionSeries.all(series)) {
            ContainerGroup last = collection.last();
            if (last.kind().isListeners() != listeners
                    || ContainerInternals.isRuntimeModuleRegistry(series.last().format(), collection.pathKey())) {
                continue;
            }
            Trend trend = collection.elementTrend();
            long growth = last.elements() - collection.firstElements();
            if (collection.presentCount() < 2 || trend != Trend.GROWING || growth < MIN_ELEMENT_GROWTH
                    || collection.retainedGrowth() < MIN_RETAINED_GROWTH) {
                continue;
            }
            Suspect suspect = suspectOf(series, collection, trend);
            if (isWithinItsMaximum(last)) {
                series.addBoundedCache(suspect);
            } else {
                suspects.add(suspect);
            }
        }
        return suspects;
    }

    private Suspect suspectOf(SeriesContext series, CollectionSeries collection, Trend trend) {
        int lastIndex = series.size() - 1;
        ContainerGroup last = collection.last();
        Long[] elements = collection.elements();
        Long[] retained = collection.retainedBytes();
        long retainedGrowth = collection.retainedGrowth();
        String noun = last.kind().entryNoun();
        DetachedDomSeries detached = DetachedDomSeries.of(series, collection);
        String title = detached.isPresent()
                ? detached.title(last.family(), collection.pathKey(), retainedGrowth)
                : last.threadLocal()
                ? String.format(Locale.ROOT, "%s (ThreadLocal) in %d threads: %s %s (%s retained)",
                        collection.pathKey(), last.members().length, series(elements), noun,
                        ByteSizes.humanDelta(retainedGrowth))
                : String.format(Locale.ROOT, "%s at %s grew from %,d to %,d %s (%s retained)", last.family(),
                        collection.pathKey(), collection.firstElements(), last.elements(), noun,
                        ByteSizes.humanDelta(retainedGrowth));
        List<String> reasons = new ArrayList<>();
        reasons.add(String.format(Locale.ROOT, "%s count %s across %d snapshots (%s)", noun, trend.jsonName(),
                series.size(), series.trendBasis()));
        if (last.threadLocal()) {
            reasons.add(String.format(Locale.ROOT, "the values of this ThreadLocal (each a %s) in %d threads, summed",
                    last.family(), last.members().length));
        } else if (last.members().length > 1) {
            reasons.add(last.members().length + " containers share this path; their entries are summed");
        }
        if (detached.isPresent()) {
            reasons.add(detached.reason());
        }
        if (last.view() != null) {
            reasons.add(String.format(Locale.ROOT, "held through a %s view: its entries are the wrapped %s's",
                    last.view(), last.family()));
        }
        if (last.keys() >= 0) {
            reasons.add("keys: " + series(collection.keys()));
        }
        if (isWithinItsMaximum(last)) {
            reasons.add(String.format(Locale.ROOT, "a cache with a configured maximum of %,d, at %,d: %s",
                    last.bounds().maximum(), last.bounds().weight(),
                    last.bounds().isClose() ? "close to it" : "filling toward it"));
        }
        int representative = last.representative();
        List<PathStep> steps = series.last().pathToRoot(representative);
        List<PathStepRow> path = PathStepRows.of(series.last(), steps);
        String npmPackage = PackageOnPath.reason(series.last(), steps);
        if (npmPackage != null) {
            reasons.add(npmPackage);
        }
        Suspect suspect = new Suspect(
                listeners ? SuspectKind.LISTENER_ACCUMULATION : SuspectKind.GROWING_COLLECTION,
                title,
                series.last().graph().classNameOf(representative),
                collection.pathKey(),
                elements,
                retained,
                trend,
                series.trendBasis(),
                path,
                series.samples(lastIndex, representative),
                locations(series, last),
                detached.withEvidence(classEvidence(series, collection)),
                reasons,
                series.objectIds(collection.representatives()));
        return suspect.withOtherPaths(series.otherPathRows(lastIndex, representative)).withCacheBounds(last.bounds());
    }

    /** For a timer list, where its timers' callbacks are defined come first: the call that never clears them. */
    private static List<String> locations(SeriesContext series, ContainerGroup group) {
        int lastIndex = series.size() - 1;
        List<String> own = series.locations(lastIndex, group.representative());
        if (group.kind() != ContainerKind.TIMERS) {
            return own;
        }
        LinkedHashSet<String> locations = new LinkedHashSet<>(
                V8Containers.timerCallbackLocations(series.last().graph(), group.representative(), 3));
        locations.addAll(own);
        return new ArrayList<>(locations);
    }

    /**
     * A cache with a configured maximum (DESIGN.md §4) evicts to stay within it: filling toward it is
     * warming up, not a leak.
     */
    static boolean isWithinItsMaximum(ContainerGroup group) {
        CacheBounds bounds = group.bounds();
        return bounds.isBounded() && (bounds.weight() < 0 || bounds.weight() <= bounds.maximum());
    }

    /** {@code 400 → 1,200 → 2,000}, with {@code –} where absent. */
    static String series(Long[] values) {
        List<String> parts = new ArrayList<>();
        for (Long value : values) {
            parts.add(value == null ? "–" : String.format(Locale.ROOT, "%,d", value));
        }
        return String.join(" → ", parts);
    }

    /** More instances in the last snapshot than in the first where present: what accumulates, not the container. */
    private static boolean countGrows(Long[] count) {
        long[] present = CollectionSeries.present(count);
        return present.length >= 2 && present[present.length - 1] > present[0];
    }

    /** The classes that grow most under the collection: what it accumulates. */
    static List<Evidence> classEvidence(SeriesContext series, CollectionSeries collection) {
        int n = series.size();
        @SuppressWarnings("unchecked")
        Map<String, long[]>[] byClass = new Map[n];
        for (int s = 0; s < n; s++) {
            ContainerGroup group = collection.groups()[s];
            byClass[s] = group == null ? Map.of() : series.classesUnder(s, group.members());
        }
        List<Evidence> evidence = new ArrayList<>();
        for (String key : byClass[n - 1].keySet()) {
            Long[] count = new Long[n];
            Long[] retained = new Long[n];
            for (int s = 0; s < n; s++) {
                long[] figures = byClass[s].get(key);
                if (collection.groups()[s] != null) {
                    count[s] = figures == null ? 0L : figures[0];
                    retained[s] = figures == null ? 0L : figures[1];
                }
            }
            Evidence row = new Evidence(series.classNameForKey(key), count, retained);
            if (row.retainedGrowth() > 0 && countGrows(count)
                    && !ContainerInternals.isInternalClass(series.last().format(), row.name())) {
                evidence.add(row);
            }
        }
        evidence.sort(Comparator.comparingLong(Evidence::retainedGrowth).reversed().thenComparing(Evidence::name));
        return evidence.size() > EVIDENCE_CLASSES ? new ArrayList<>(evidence.subList(0, EVIDENCE_CLASSES)) : evidence;
    }
}
