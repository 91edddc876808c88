package dev.heapdelta.analyzer.leaks;

import dev.heapdelta.analyzer.query.PathKeys;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Orders suspects as DESIGN.md §5 says: collection and listener suspects first, by retained growth,
 * then element growth, then path key. A growing-class, accumulation-point or large-retainer suspect
 * whose growth a reported collection mostly (≥ 80%) explains becomes that collection's evidence
 * instead of a row. The rest follow by retained growth.
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
        List<Suspect> ranked = new ArrayList<>(collections);
        List<Suspect> unexplained = new ArrayList<>();
        for (Suspect other : others) {
            int explainer = explainerOf(other, ranked);
            if (explainer < 0) {
                unexplained.add(other);
            } else if (other.kind() == SuspectKind.GROWING_CLASS) {
                ranked.set(explainer, withClassEvidence(ranked.get(explainer), other));
            }
        }
        unexplained.sort(byGrowth);
        ranked.addAll(unexplained);
        return ranked;
    }

    /** The index of the collection suspect that explains most of {@code suspect}'s growth, or -1. */
    private static int explainerOf(Suspect suspect, List<Suspect> collections) {
        long growth = Math.max(suspect.retainedGrowth(), 0);
        for (int i = 0; i < collections.size(); i++) {
            Suspect collection = collections.get(i);
            if (suspect.kind() == SuspectKind.GROWING_CLASS) {
                for (Evidence evidence : collection.evidence()) {
                    if (evidence.name().equals(suspect.className())
                            && evidence.retainedGrowth() >= EXPLAINED * growth) {
                        return i;
                    }
                }
                continue;
            }
            boolean related = suspect.pathKey().equals(collection.pathKey())
                    || collection.pathKey().startsWith(suspect.pathKey() + PathKeys.SEPARATOR)
                    || suspect.pathKey().startsWith(collection.pathKey() + PathKeys.SEPARATOR);
            if (related && collection.retainedGrowth() >= EXPLAINED * growth) {
                return i;
            }
        }
        return -1;
    }

    /** The folded class's own figures replace the under-the-collection ones: they are what the user compares. */
    private static Suspect withClassEvidence(Suspect collection, Suspect growingClass) {
        List<Evidence> evidence = new ArrayList<>();
        Evidence folded = new Evidence(growingClass.className(), growingClass.elements(),
                growingClass.retainedBytes());
        evidence.add(folded);
        for (Evidence existing : collection.evidence()) {
            if (!existing.name().equals(growingClass.className())) {
                evidence.add(existing);
            }
        }
        return collection.withEvidence(evidence);
    }
}
