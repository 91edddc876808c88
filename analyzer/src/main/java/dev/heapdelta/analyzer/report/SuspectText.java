package dev.heapdelta.analyzer.report;

import dev.heapdelta.analyzer.codesites.CodeSite;
import dev.heapdelta.analyzer.format.ByteSizes;
import dev.heapdelta.analyzer.format.PathStepRow;
import dev.heapdelta.analyzer.leaks.CacheBounds;
import dev.heapdelta.analyzer.leaks.Evidence;
import dev.heapdelta.analyzer.leaks.Suspect;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A suspect as plain-text lines, the way {@code heapdelta diff} prints it: the headline, where it lives,
 * the counts per snapshot and what it holds. The CLI table and the JUnit extension's failure message
 * share it, so that a failing {@code @LeakTest} reads like the CLI's first suspect.
 */
public final class SuspectText {
    private static final int EVIDENCE_LINES = 3;
    /** At most this many code sites per suspect; the JSON has them all. */
    private static final int CODE_SITE_LINES = 6;

    private SuspectText() {
    }

    /** {@code [growing-collection] ArrayList at static CartServiceTest.ITEMS grew from …}. */
    public static String headline(Suspect suspect) {
        return "[" + suspect.kind().jsonName() + "] " + suspect.title();
    }

    /** {@code Thread.<Java Local> → ScheduledThreadPoolExecutor$DelayedWorkQueue}: a path's steps, root-first. */
    public static String pathText(List<PathStepRow> path) {
        List<String> steps = new ArrayList<>();
        for (PathStepRow step : path) {
            String simpleName = step.className().substring(step.className().lastIndexOf('.') + 1);
            steps.add(step.edge().isEmpty() ? simpleName : simpleName + "." + step.edge());
        }
        return String.join(" → ", steps);
    }

    /**
     * {@code A cache with a configured maximum of 1,000, at 950 (95%): close to it. …}, or null where the
     * suspect is no cache with a maximum, or is not close below it: the CLI, the JSON, the PDF and the app
     * say it in these words.
     */
    public static String cacheNote(Suspect suspect) {
        CacheBounds bounds = suspect.cacheBounds();
        if (bounds == null || !bounds.isClose() || bounds.weight() > bounds.maximum()) {
            return null;
        }
        return String.format(Locale.ROOT, "A cache with a configured maximum of %,d, at %,d (%.0f%%): close to it. "
                + "It evicts beyond its maximum, so filling toward it is a cache warming up, not a leak.",
                bounds.maximum(), bounds.weight(), 100.0 * bounds.weight() / Math.max(1, bounds.maximum()));
    }

    /** The lines under the headline, without indentation. */
    public static List<String> details(Suspect suspect) {
        List<String> lines = new ArrayList<>();
        lines.add("where: " + suspect.pathKey());
        String cacheNote = cacheNote(suspect);
        if (cacheNote != null) {
            lines.add("note: " + cacheNote);
        }
        for (List<PathStepRow> other : suspect.otherPaths()) {
            lines.add("also from: " + pathText(other));
        }
        if (suspect.elements() != null && suspect.elements().length > 0) {
            lines.add(String.format(Locale.ROOT, "counts: %s   retained: %s   trend: %s (%s)",
                    joinCounts(suspect.elements()), joinSizes(suspect.retainedBytes()), suspect.trend().jsonName(),
                    suspect.trendBasis()));
        }
        for (Evidence evidence : suspect.evidence().subList(0, Math.min(EVIDENCE_LINES, suspect.evidence().size()))) {
            lines.add(String.format(Locale.ROOT, "holds: %s  %s  %s", evidence.name(), joinCounts(evidence.count()),
                    joinSizes(evidence.retainedBytes())));
        }
        if (!suspect.locations().isEmpty()) {
            lines.add("created at: " + String.join(", ", suspect.locations()));
        }
        addCodeSites(suspect.codeSites(), lines);
        return lines;
    }

    /** {@code code: Inserted at 2 sites, never removed}, then a line per site, its source text under it. */
    private static void addCodeSites(List<CodeSite> sites, List<String> lines) {
        if (sites.isEmpty()) {
            return;
        }
        lines.add("code: " + CodeSiteWords.tally(sites));
        for (CodeSite site : sites.subList(0, Math.min(CODE_SITE_LINES, sites.size()))) {
            lines.add("  " + CodeSiteWords.line(site));
            if (site.sourceText() != null) {
                lines.add("    " + site.line() + " | " + site.sourceText());
            }
        }
        if (sites.size() > CODE_SITE_LINES) {
            lines.add(String.format(Locale.ROOT, "  … and %d more (see --json)", sites.size() - CODE_SITE_LINES));
        }
    }

    /** The path from a GC root, root-first: {@code class Items .ITEMS → java.util.ArrayList .elementData → …}. */
    public static String path(Suspect suspect) {
        return suspect.pathToRoot().stream()
                .map(step -> step.edge().isEmpty() ? step.holder() : step.holder() + " ." + step.edge())
                .collect(Collectors.joining(" → "));
    }

    public static String joinCounts(Long[] values) {
        return Arrays.stream(values).map(v -> v == null ? "-" : String.format(Locale.ROOT, "%,d", v))
                .collect(Collectors.joining(" → "));
    }

    public static String joinSizes(Long[] values) {
        return Arrays.stream(values).map(v -> v == null ? "-" : ByteSizes.human(v)).collect(Collectors.joining(" → "));
    }
}
