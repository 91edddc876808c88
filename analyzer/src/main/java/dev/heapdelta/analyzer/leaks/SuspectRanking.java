package dev.heapdelta.analyzer.leaks;

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
 * Orders suspects as DESIGN.md §5 says: collection and listener suspects first, by retained growth,
 * then element growth, then path key. A growing-class, accumulation-point or large-retainer suspect
 * whose growth reported collections mostly (≥ 80%) explain is not a row of its own: a growing class
 * becomes evidence of the collection that holds most of it; a retainer that merely contains the
 * collections is their context. Caches filling toward their maximum explain rows the same way,
 * and are then dropped with them. The rest follow by retained growth.
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
        List<Suspect> ranked = new ArrayList<>(collections);
        List<Suspect> unexplained = new ArrayList<>();
        List<Suspect> loaderLeaks = new ArrayList<>();
        for (Suspect other : others) {
            if (other.kind() == SuspectKind.CLASSLOADER_LEAK) {
                loaderLeaks.add(other);
                continue;
            }
            int explainer = other.kind() == SuspectKind.GROWING_CLASS
                    ? explanations.collectionHoldingClass(other)
                    : explanations.collectionExplainingRetainer(other);
            if (explainer < 0) {
                unexplained.add(other);
            } else if (other.kind() == SuspectKind.GROWING_CLASS && explainer < collections.size()) {
                ranked.set(explainer, withClassEvidence(ranked.get(explainer), other, series));
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
     * The folded class goes first among the collection's evidence, with its figures inside the
     * collection (not the whole heap's, part of which may live elsewhere).
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
        // The holder's own figures (the detached DOM it keeps) stay ahead of any class.
        List<Evidence> evidence = new ArrayList<>(
                collection.evidence().stream().filter(DetachedDomSeries::isHolderFigure).toList());
        evidence.add(new Evidence(name, count, retained));
        for (Evidence existing : collection.evidence()) {
            if (!existing.name().equals(name) && !DetachedDomSeries.isHolderFigure(existing)) {
                evidence.add(existing);
            }
        }
        return collection.withEvidence(evidence);
    }

    /** Measures how much of a suspect's growth lies inside the reported collections. */
    private static final class Explanations {
        private final SeriesContext series;
        private final List<Suspect> collections;
        private final Map<Integer, Map<String, Long>> classGrowthByCollection = new HashMap<>();

        Explanations(SeriesContext series, List<Suspect> collections) {
            this.series = series;
            this.collections = collections;
        }

        /**
         * The collection holding the largest share of the class's new instances, if together the
         * collections hold ≥ 80% of them. Counted in instances, not bytes: a class whose instances
         * hold the collections (a module's exports object) grows in retained size without being
         * what accumulates.
         */
        int collectionHoldingClass(Suspect growingClass) {
            long growth = growingClass.elementGrowth();
            long explained = 0;
            int best = -1;
            long bestShare = 0;
            for (int i = 0; i < collections.size(); i++) {
                long share = classGrowth(i).getOrDefault(growingClass.className(), 0L);
                explained += Math.max(0, share);
                if (share > bestShare) {
                    bestShare = share;
                    best = i;
                }
            }
            return growth > 0 && explained >= EXPLAINED * growth ? best : -1;
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

        /** Instance-count growth per class name inside collection {@code i}, between its first and last snapshot. */
        private Map<String, Long> classGrowth(int i) {
            return classGrowthByCollection.computeIfAbsent(i, index -> {
                Suspect collection = collections.get(index);
                Map<String, Long> growth = new HashMap<>();
                int first = -1;
                int last = -1;
                for (int s = 0; s < series.size(); s++) {
                    if (series.objectOf(collection, s) >= 0) {
                        last = s;
                        if (first < 0) {
                            first = s;
                        }
                    }
                }
                if (last < 0) {
                    return growth;
                }
                addFigures(growth, last, series.objectOf(collection, last), 1);
                if (first != last) {
                    addFigures(growth, first, series.objectOf(collection, first), -1);
                }
                return growth;
            });
        }

        private void addFigures(Map<String, Long> growth, int snapshot, int object, int sign) {
            for (Map.Entry<String, long[]> entry : series.classesUnder(snapshot, new int[] {object}).entrySet()) {
                growth.merge(series.classNameForKey(entry.getKey()), sign * entry.getValue()[0], Long::sum);
            }
        }
    }
}
