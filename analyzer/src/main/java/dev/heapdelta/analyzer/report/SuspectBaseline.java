package dev.heapdelta.analyzer.report;

import dev.heapdelta.analyzer.leaks.Suspect;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The suspects a team has accepted as known (a reviewed baseline file), by identity only: kind and path key,
 * never counts or strings. A diff run without a baseline has {@link #NONE}, and its suspects say nothing
 * about being in one.
 */
public record SuspectBaseline(boolean given, Set<Identity> identities) {
    public static final SuspectBaseline NONE = new SuspectBaseline(false, Set.of());

    /** What stays the same about a leak from one run to the next: its kind and where it lives. */
    public record Identity(String kind, String pathKey) {
        private static final Comparator<Identity> ORDER = Comparator.comparing(Identity::kind)
                .thenComparing(Identity::pathKey);

        public static Identity of(Suspect suspect) {
            return new Identity(suspect.kind().jsonName(), suspect.pathKey() == null ? "" : suspect.pathKey());
        }
    }

    public SuspectBaseline {
        identities = Set.copyOf(identities);
    }

    public static SuspectBaseline of(List<Identity> identities) {
        return new SuspectBaseline(true, Set.copyOf(identities));
    }

    /** The identities of these suspects, sorted and without repeats, as a baseline file lists them. */
    public static List<Identity> identitiesOf(List<Suspect> suspects) {
        TreeSet<Identity> sorted = new TreeSet<>(Identity.ORDER);
        suspects.forEach(suspect -> sorted.add(Identity.of(suspect)));
        return List.copyOf(sorted);
    }

    /** Whether this suspect is a known one; null when no baseline was given. */
    public Boolean inBaseline(Suspect suspect) {
        return given ? identities.contains(Identity.of(suspect)) : null;
    }

    public boolean contains(Suspect suspect) {
        return given && identities.contains(Identity.of(suspect));
    }
}
