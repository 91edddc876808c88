package dev.heapdelta.analyzer.leaks;

import java.util.List;

/**
 * What the detectors found in a series: the ranked leak suspects, and apart from them the large
 * retainers that did not grow (big by design, or a cache at rest: worth knowing, not a leak).
 */
public record LeakFindings(List<Suspect> suspects, List<Suspect> largeRetainers) {
    public LeakFindings {
        suspects = List.copyOf(suspects);
        largeRetainers = List.copyOf(largeRetainers);
    }
}
