package dev.heapdelta.analyzer.leaks;

import dev.heapdelta.analyzer.diff.Trend;
import dev.heapdelta.analyzer.dominators.DominatorTree;
import dev.heapdelta.analyzer.query.PathKeys;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders suspects as DESIGN.md §5 says, one row per leak: collection and listener suspects first, by
 * retained growth, then element growth, then path key; the rest follow by retained growth. Rows that
 * one growth explains fold into one, as evidence:
 * <ul>
 * <li>an accumulation point or large retainer inside a reported collection, or mostly (≥ 80%) made of
 *     them, is their context; accumulation points and large retainers on one dominator chain are one row;
 * <li>a growing class folds into the row that holds most of its instances, decided object by object
 *     ({@link GrowthOwners}): the rows hold most of its growth, or the rest has no growth of its own.
 * </ul>
 * Caches filling toward their maximum explain rows the same way, and are then dropped with them.
 *
 * <p>"Explains" is structural, measured on the dominator tree, not on path keys: a holder's path
 * key often starts at a different anchor than the collections inside it.
 */
public final class SuspectRanking {
    static final double EXPLAINED = 0.8;

    private SuspectRanking() {
    }

    public static List<Suspect> rank(List<Suspect> suspects, SeriesContext series) {
        Comparator<Suspect> byGrowth = Comparator.comparingLong(Suspect::retainedGrowth).reversed()
                .thenComparing(Comparator.comparingLong(Suspect::elementGrowth).reversed())
                .thenComparing(Suspect::pathKey);
        List<Suspect> collections = new ArrayList<>();
        List<Suspect> others = new ArrayList<>();
        for (Suspect suspect : suspects) {
            (suspect.kind().isCollection() ? collections : others).add(suspect);
        }
        collections.sort(byGrowth);
        collections = withoutEntryParts(collections);
        // Bounded caches come after the reported collections: they explain rows, but are none.
        List<Suspect> explainers = new ArrayList<>(collections);
        explainers.addAll(series.boundedCaches());
        Explanations explanations = new Explanations(series, explainers);
        List<Suspect> retainers = new ArrayList<>();
        List<Suspect> growingClasses = new ArrayList<>();
        List<Suspect> loaderLeaks = new ArrayList<>();
        for (Suspect other : others) {
            if (other.kind() == SuspectKind.CLASSLOADER_LEAK) {
                loaderLeaks.add(other);
            } else if (other.kind() == SuspectKind.GROWING_CLASS) {
                growingClasses.add(other);
            } else if (explanations.collectionExplainingRetainer(other) < 0) {
                retainers.add(other);
            }
        }
        retainers = foldedByEachOther(retainers, series);
        // A holder whose growth is its collection's entries is that collection's row; it stays a holder
        // until the growing classes have folded, so that what it dominates folds with it.
        Map<Integer, Integer> collectionOfHolder = new HashMap<>();
        // Rows that may hold a growing class, in this order: a class folds into the first that holds most of it.
        List<Suspect> holders = new ArrayList<>(explainers);
        int firstRetainer = holders.size();
        for (Suspect retainer : retainers) {
            // A flat large retainer is listed apart, and would take what folds into it along.
            if (retainer.trend() == Trend.GROWING) {
                int collection = explanations.collectionReachingRetainer(retainer);
                if (collection >= 0 && collection < collections.size()) {
                    collectionOfHolder.put(holders.size(), collection);
                }
                holders.add(retainer);
            }
        }
        int firstClass = holders.size();
        growingClasses.sort(byGrowth);
        Map<Integer, Set<String>> foldedByHolder = new HashMap<>();
        for (Suspect growingClass : growingClasses) {
            GrowthOwners owners = GrowthOwners.of(series, growingClass, holders);
            int holder = owners.largestRow();
            if (holder < 0 || !explainedByItsHolders(growingClass, owners)) {
                holders.add(growingClass);
            } else if (holder < collections.size() || (holder >= firstRetainer && holder < firstClass)) {
                holders.set(holder, withClassEvidence(holders.get(holder), growingClass, series));
                foldedByHolder.computeIfAbsent(holder, h -> new HashSet<>()).add(growingClass.className());
            } else if (holder >= firstClass) {
                holders.set(holder, withHeldClassEvidence(holders.get(holder), growingClass, owners, holder));
            }
        }
        foldedByHolder.forEach((holder, names) -> holders.set(holder, withFoldedClassesFirst(holders.get(holder), names)));
        List<Suspect> unexplained = new ArrayList<>();
        for (int h = firstRetainer; h < holders.size(); h++) {
            Integer collection = collectionOfHolder.get(h);
            if (collection == null) {
                unexplained.add(holders.get(h));
            } else {
                holders.set(collection, withHolderEvidence(holders.get(collection), holders.get(h)));
            }
        }
        List<Suspect> ranked = new ArrayList<>(holders.subList(0, collections.size()));
        for (Suspect retainer : retainers) {
            if (retainer.trend() != Trend.GROWING) {
                unexplained.add(retainer);
            }
        }
        // Among equal growth (often none: a flat large retainer), the larger one first.
        unexplained.sort(Comparator.comparingLong(Suspect::retainedGrowth).reversed()
                .thenComparing(Comparator.comparingLong(SuspectRanking::lastRetained).reversed())
                .thenComparing(Suspect::pathKey));
        for (Suspect leak : loaderLeaks) {
            if (!takesThePlaceOfItsHolders(leak, ranked, series)) {
                unexplained.add(0, leak);
            }
        }
        ranked.addAll(unexplained);
        return ranked;
    }

    /**
     * A growing class is one leak with the rows that hold it when they hold most (≥ 80%) of its new
     * instances, or when the rest has no growth of its own: no anchor outside the rows where its count
     * grows at every step, by at least as much as the detector asks of a class (one-time loads, such as
     * the JDK's locale tables, grow once and stay), nor more such growth, summed, than the rows hold.
     */
    private static boolean explainedByItsHolders(Suspect growingClass, GrowthOwners owners) {
        long held = owners.heldGrowth();
        if (held >= EXPLAINED * growingClass.elementGrowth()) {
            return true;
        }
        return owners.largestGrowthOfItsOwn() < GrowingClassDetector.MIN_COUNT_GROWTH
                && held >= owners.growthOfItsOwn();
    }

    /**
     * Accumulation points and large retainers on one dominator chain are one leak: the inner one is
     * the row when it holds most (≥ 80%) of the outer one's growth, the outer one otherwise, and the
     * other is its evidence. Only growing ones fold: a flat large retainer is listed apart.
     */
    private static List<Suspect> foldedByEachOther(List<Suspect> retainers, SeriesContext series) {
        List<Suspect> kept = new ArrayList<>(retainers);
        int last = series.size() - 1;
        DominatorTree tree = series.last().dominatorTree();
        for (int i = 0; i < kept.size(); i++) {
            for (int j = i + 1; j < kept.size(); j++) {
                Suspect a = kept.get(i);
                Suspect b = kept.get(j);
                int objectA = series.objectOf(a, last);
                int objectB = series.objectOf(b, last);
                if (a.trend() != Trend.GROWING || b.trend() != Trend.GROWING || objectA < 0 || objectB < 0) {
                    continue;
                }
                Suspect outer;
                Suspect inner;
                if (objectA == objectB || LargeRetainerDetector.dominates(tree, objectA, objectB)) {
                    outer = a;
                    inner = b;
                } else if (LargeRetainerDetector.dominates(tree, objectB, objectA)) {
                    outer = b;
                    inner = a;
                } else {
                    continue;
                }
                boolean innerIsTheRow = inner.retainedGrowth() >= EXPLAINED * outer.retainedGrowth();
                Suspect row = innerIsTheRow ? inner : outer;
                Suspect folded = innerIsTheRow ? outer : inner;
                List<Evidence> evidence = new ArrayList<>(row.evidence());
                // The same object found by both detectors is "also" the other; otherwise one holds the other.
                String relation = objectA == objectB ? "also " : innerIsTheRow ? "inside " : "holds ";
                evidence.add(new Evidence(relation + folded.kind().jsonName() + ": "
                        + folded.className() + " at " + folded.pathKey(), folded.elements(), folded.retainedBytes()));
                kept.set(i, row.withEvidence(evidence));
                kept.remove(j);
                j = i;
            }
        }
        return kept;
    }

    /**
     * A collection's row with the holder its entries make grow as evidence, and the classes folded
     * into that holder after it.
     */
    private static Suspect withHolderEvidence(Suspect collection, Suspect holder) {
        List<Evidence> evidence = new ArrayList<>(collection.evidence());
        evidence.add(new Evidence("holds " + holder.kind().jsonName() + ": " + holder.className() + " at "
                + holder.pathKey(), holder.elements(), holder.retainedBytes()));
        for (Evidence folded : holder.evidence()) {
            if (evidence.stream().noneMatch(e -> e.name().equals(folded.name()))) {
                evidence.add(folded);
            }
        }
        return collection.withEvidence(evidence);
    }

    /** A class folded into a growing class whose instances hold it: its figures there, as estimated. */
    private static Suspect withHeldClassEvidence(Suspect holder, Suspect growingClass, GrowthOwners owners, int row) {
        int n = owners.countByRow()[row].length;
        Long[] count = new Long[n];
        Long[] retained = new Long[n];
        for (int s = 0; s < n; s++) {
            count[s] = owners.countByRow()[row][s];
            retained[s] = owners.retainedByRow()[row][s];
        }
        List<Evidence> evidence = new ArrayList<>(holder.evidence());
        evidence.add(new Evidence(growingClass.className() + " (held by its instances)", count, retained));
        return holder.withEvidence(evidence);
    }

    /**
     * A collection inside the entries of another reported one (each order's {@code lines} array under
     * {@code orders › []}) grows because its holder does: it is that holder's evidence, not a row.
     */
    private static List<Suspect> withoutEntryParts(List<Suspect> collections) {
        Map<Suspect, Suspect> holderByPart = new HashMap<>();
        for (Suspect collection : collections) {
            for (Suspect other : collections) {
                boolean inside = other != collection
                        && collection.pathKey().startsWith(other.pathKey() + PathKeys.SEPARATOR + "[]");
                Suspect known = holderByPart.get(collection);
                // The shortest such key is the outermost holder, itself inside no other.
                if (inside && (known == null || other.pathKey().length() < known.pathKey().length())) {
                    holderByPart.put(collection, other);
                }
            }
        }
        List<Suspect> kept = new ArrayList<>();
        for (Suspect collection : collections) {
            if (!holderByPart.containsKey(collection)) {
                kept.add(collection);
            }
        }
        for (Suspect collection : collections) {
            Suspect holder = holderByPart.get(collection);
            if (holder == null) {
                continue;
            }
            int at = kept.indexOf(holder);
            List<Evidence> evidence = new ArrayList<>(kept.get(at).evidence());
            evidence.add(new Evidence(collection.pathKey().substring(holder.pathKey().length()
                    + PathKeys.SEPARATOR.length()) + " (" + collection.className() + " in each entry, summed)",
                    collection.elements(), collection.retainedBytes()));
            kept.set(at, kept.get(at).withEvidence(evidence));
        }
        return kept;
    }

    /**
     * A class-loader leak and the collections on its oldest loader's path (the registry of handlers
     * that pins each redeploy) are one leak: the loader leak is the row, where the first of them
     * ranked, and they are its evidence. False when no reported collection is on that path.
     */
    private static boolean takesThePlaceOfItsHolders(Suspect leak, List<Suspect> ranked, SeriesContext series) {
        int last = series.size() - 1;
        Set<String> onPath = new HashSet<>();
        for (var step : leak.pathToRoot()) {
            onPath.add(step.id());
        }
        List<Evidence> evidence = new ArrayList<>(leak.evidence());
        int place = -1;
        for (int i = 0; i < ranked.size(); i++) {
            Suspect holder = ranked.get(i);
            String id = holder.objectIds() == null ? null : holder.objectIds()[last];
            if (holder.kind().isCollection() && id != null && onPath.contains(id)) {
                evidence.add(new Evidence("held by " + holder.pathKey(), holder.elements(), holder.retainedBytes()));
                if (place < 0) {
                    place = i;
                } else {
                    ranked.remove(i--);
                }
            }
        }
        if (place >= 0) {
            ranked.set(place, leak.withEvidence(evidence));
        }
        return place >= 0;
    }

    private static long lastRetained(Suspect suspect) {
        return Evidence.last(suspect.retainedBytes());
    }

    /**
     * The classes folded into a row go first among its evidence, after the holder's own figures, the
     * one retaining most of the row's growth first: that is what the row's entries are (a Session, not
     * the byte[] each one holds).
     */
    private static Suspect withFoldedClassesFirst(Suspect row, Set<String> folded) {
        List<Evidence> holderFigures = new ArrayList<>();
        List<Evidence> first = new ArrayList<>();
        List<Evidence> rest = new ArrayList<>();
        for (Evidence evidence : row.evidence()) {
            if (DetachedDomSeries.isHolderFigure(evidence)) {
                holderFigures.add(evidence);
            } else {
                (folded.contains(evidence.name()) ? first : rest).add(evidence);
            }
        }
        first.sort(Comparator.comparingLong(Evidence::retainedGrowth).reversed());
        // The holder's own figures (the detached DOM it keeps) stay ahead of any class.
        holderFigures.addAll(first);
        holderFigures.addAll(rest);
        return row.withEvidence(holderFigures);
    }

    /**
     * A folded class, with its figures inside the row (not the whole heap's, part of which may live
     * elsewhere), in place of the row's own line for that class.
     */
    private static Suspect withClassEvidence(Suspect collection, Suspect growingClass, SeriesContext series) {
        String name = growingClass.className();
        int n = series.size();
        Long[] count = new Long[n];
        Long[] retained = new Long[n];
        for (int s = 0; s < n; s++) {
            int object = series.objectOf(collection, s);
            if (object < 0) {
                continue;
            }
            count[s] = 0L;
            retained[s] = 0L;
            for (Map.Entry<String, long[]> entry : series.classesUnder(s, new int[] {object}).entrySet()) {
                if (series.classNameForKey(entry.getKey()).equals(name)) {
                    count[s] += entry.getValue()[0];
                    retained[s] += entry.getValue()[1];
                }
            }
        }
        Evidence folded = new Evidence(name, count, retained);
        List<Evidence> evidence = new ArrayList<>();
        boolean placed = false;
        for (Evidence existing : collection.evidence()) {
            if (!existing.name().equals(name) || DetachedDomSeries.isHolderFigure(existing)) {
                evidence.add(existing);
            } else if (!placed) {
                evidence.add(folded);
                placed = true;
            }
        }
        if (!placed) {
            evidence.add(folded);
        }
        return collection.withEvidence(evidence);
    }

    /** Measures how much of a suspect's growth lies inside the reported collections. */
    private static final class Explanations {
        private final SeriesContext series;
        private final List<Suspect> collections;

        Explanations(SeriesContext series, List<Suspect> collections) {
            this.series = series;
            this.collections = collections;
        }

        /**
         * For an accumulation point or large retainer: the largest collection it dominates, if the
         * collections it dominates make ≥ 80% of its growth (or, when it did not grow, of its size);
         * or the collection that dominates it, since then it is part of that collection.
         */
        int collectionExplainingRetainer(Suspect retainer) {
            int last = series.size() - 1;
            int object = series.objectOf(retainer, last);
            if (object < 0) {
                return -1;
            }
            DominatorTree tree = series.last().dominatorTree();
            long coveredGrowth = 0;
            long coveredSize = 0;
            int best = -1;
            for (int i = 0; i < collections.size(); i++) {
                int inner = series.objectOf(collections.get(i), last);
                if (inner < 0) {
                    continue;
                }
                if (inner != object && LargeRetainerDetector.dominates(tree, inner, object)) {
                    return i;
                }
                if (inner == object || LargeRetainerDetector.dominates(tree, object, inner)) {
                    coveredGrowth += Math.max(0, collections.get(i).retainedGrowth());
                    coveredSize += tree.retainedSizeOf(inner);
                    if (best < 0) {
                        best = i;
                    }
                }
            }
            long growth = retainer.retainedGrowth();
            boolean explained = growth > 0 ? coveredGrowth >= EXPLAINED * growth
                    : coveredSize >= EXPLAINED * tree.retainedSizeOf(object);
            return explained ? best : -1;
        }

        /**
         * For a growing large retainer no collection explains by retained size: the collection it
         * dominates whose entries reach its growth, or -1.
         */
        int collectionReachingRetainer(Suspect retainer) {
            int last = series.size() - 1;
            int object = series.objectOf(retainer, last);
            if (object < 0 || retainer.kind() != SuspectKind.LARGE_RETAINER || retainer.trend() != Trend.GROWING) {
                return -1;
            }
            DominatorTree tree = series.last().dominatorTree();
            for (int i = 0; i < collections.size(); i++) {
                int inner = series.objectOf(collections.get(i), last);
                if (inner >= 0 && inner != object && LargeRetainerDetector.dominates(tree, object, inner)) {
                    return grewThroughEntriesOf(retainer, object, collections.get(i)) ? i : -1;
                }
            }
            return -1;
        }

        /**
         * Whether the retainer's growth is what its collection's entries reach inside it ({@link
         * ReachedThroughEntries}), from the first snapshot to the last: its entries are the holder's
         * growth although the holder, not the collection, dominates them.
         */
        private boolean grewThroughEntriesOf(Suspect retainer, int lastObject, Suspect collection) {
            int last = series.size() - 1;
            int firstObject = series.objectOf(retainer, 0);
            int firstCollection = series.objectOf(collection, 0);
            if (retainer.retainedGrowth() <= 0 || firstObject < 0 || firstCollection < 0) {
                return false;
            }
            long lastReached = ReachedThroughEntries.bytes(series.last().dominatorTree(), lastObject,
                    series.objectOf(collection, last));
            long firstReached = ReachedThroughEntries.bytes(series.snapshots().get(0).dominatorTree(), firstObject,
                    firstCollection);
            return lastReached - firstReached >= EXPLAINED * retainer.retainedGrowth();
        }
    }
}
