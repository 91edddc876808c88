package dev.heapdelta.analyzer.leaks;

import java.util.List;

/**
 * What the detectors found in a series: the ranked leak suspects, and apart from them the large
 * retainers that did not grow (big by design, or a cache at rest: worth knowing, not a leak) and the
 * caches that grew close to their configured maximum (warming up, not leaking).
 */
public record LeakFindings(List<Suspect> suspects, List<Suspect> largeRetainers, List<Suspect> boundedCaches) {
    public LeakFindings {
        suspects = List.copyOf(suspects);
        largeRetainers = List.copyOf(largeRetainers);
        boundedCaches = List.copyOf(boundedCaches);
    }

    public LeakFindings(List<Suspect> suspects, List<Suspect> largeRetainers) {
        this(suspects, largeRetainers, List.of());
    }
}
