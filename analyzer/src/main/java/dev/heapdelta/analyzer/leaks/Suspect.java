package dev.heapdelta.analyzer.leaks;

import dev.heapdelta.analyzer.codesites.CodeSite;
import dev.heapdelta.analyzer.diff.Trend;
import dev.heapdelta.analyzer.format.PathStepRow;
import java.util.List;

/**
 * One leak suspect with its evidence (DESIGN.md §5). Arrays follow the snapshot order; an entry is
 * null where the suspect is absent from that snapshot.
 *
 * @param elements entry counts per snapshot (collections, listeners), or instance counts (classes)
 * @param pathToRoot the path from a GC root in the last snapshot where it is present, root-first
 * @param samples a few entries, shortened; strings only as their length unless the user opted in
 * @param locations V8: script:line:column of the closures and constructors involved
 * @param reasons why the detector flagged it, in plain words
 * @param objectIds the suspect's object in each snapshot ({@code 0x…} or {@code @…}); null where absent
 *     or where the suspect is not one object (a growing class)
 * @param codeSites the statements that fill and empty its container, ranked, when the application's classes
 *     were given ({@code --classpath}); empty otherwise
 * @param otherPaths further paths to the same object, root-first: a thread's, when {@code pathToRoot} runs
 *     through the static field that names it; empty otherwise
 * @param cacheBounds the configured maximum and the weight of the cache the suspect is, where the dump holds
 *     them (Guava, Caffeine); {@link CacheBounds#NONE} otherwise
 */
public record Suspect(SuspectKind kind, String title, String className, String pathKey, Long[] elements,
        Long[] retainedBytes, Trend trend, String trendBasis, List<PathStepRow> pathToRoot, List<String> samples,
        List<String> locations, List<Evidence> evidence, List<String> reasons, String[] objectIds,
        List<CodeSite> codeSites, List<List<PathStepRow>> otherPaths, CacheBounds cacheBounds) {

    public Suspect(SuspectKind kind, String title, String className, String pathKey, Long[] elements,
            Long[] retainedBytes, Trend trend, String trendBasis, List<PathStepRow> pathToRoot, List<String> samples,
            List<String> locations, List<Evidence> evidence, List<String> reasons, String[] objectIds,
            List<CodeSite> codeSites, List<List<PathStepRow>> otherPaths) {
        this(kind, title, className, pathKey, elements, retainedBytes, trend, trendBasis, pathToRoot, samples,
                locations, evidence, reasons, objectIds, codeSites, otherPaths, CacheBounds.NONE);
    }

    public Suspect(SuspectKind kind, String title, String className, String pathKey, Long[] elements,
            Long[] retainedBytes, Trend trend, String trendBasis, List<PathStepRow> pathToRoot, List<String> samples,
            List<String> locations, List<Evidence> evidence, List<String> reasons, String[] objectIds,
            List<CodeSite> codeSites) {
        this(kind, title, className, pathKey, elements, retainedBytes, trend, trendBasis, pathToRoot, samples,
                locations, evidence, reasons, objectIds, codeSites, List.of());
    }

    /** A suspect as the detectors make it: code sites come later, from the application's classes. */
    public Suspect(SuspectKind kind, String title, String className, String pathKey, Long[] elements,
            Long[] retainedBytes, Trend trend, String trendBasis, List<PathStepRow> pathToRoot, List<String> samples,
            List<String> locations, List<Evidence> evidence, List<String> reasons, String[] objectIds) {
        this(kind, title, className, pathKey, elements, retainedBytes, trend, trendBasis, pathToRoot, samples,
                locations, evidence, reasons, objectIds, List.of());
    }

    public long retainedGrowth() {
        return Evidence.last(retainedBytes) - Evidence.first(retainedBytes);
    }

    public long elementGrowth() {
        return elements == null ? 0 : Evidence.last(elements) - Evidence.first(elements);
    }

    public Suspect withEvidence(List<Evidence> moreEvidence) {
        return new Suspect(kind, title, className, pathKey, elements, retainedBytes, trend, trendBasis, pathToRoot,
                samples, locations, moreEvidence, reasons, objectIds, codeSites, otherPaths, cacheBounds);
    }

    public Suspect withCodeSites(List<CodeSite> sites) {
        return new Suspect(kind, title, className, pathKey, elements, retainedBytes, trend, trendBasis, pathToRoot,
                samples, locations, evidence, reasons, objectIds, List.copyOf(sites), otherPaths, cacheBounds);
    }

    public Suspect withOtherPaths(List<List<PathStepRow>> paths) {
        return new Suspect(kind, title, className, pathKey, elements, retainedBytes, trend, trendBasis, pathToRoot,
                samples, locations, evidence, reasons, objectIds, codeSites, List.copyOf(paths), cacheBounds);
    }

    /** The suspect is (or sits on) a cache whose maximum and weight the dump holds. */
    public Suspect withCacheBounds(CacheBounds bounds) {
        return new Suspect(kind, title, className, pathKey, elements, retainedBytes, trend, trendBasis, pathToRoot,
                samples, locations, evidence, reasons, objectIds, codeSites, otherPaths, bounds);
    }
}
