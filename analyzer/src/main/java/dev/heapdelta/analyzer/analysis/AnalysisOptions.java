package dev.heapdelta.analyzer.analysis;

import java.nio.file.Path;

/**
 * How to analyse one dump.
 *
 * @param weakReferences how referents count (HPROF only; V8 follows DevTools)
 * @param keepUnreachable keep unreachable HPROF objects, hung from the dominator root, instead of dropping them
 * @param dumpIndex which heap dump of a multi-dump HPROF file, from 0
 * @param cacheDirectory where gzipped dumps are inflated; null for the default
 */
public record AnalysisOptions(WeakReferencePolicy weakReferences, boolean keepUnreachable, int dumpIndex,
        Path cacheDirectory) {

    public static AnalysisOptions defaults() {
        return new AnalysisOptions(WeakReferencePolicy.MAT, false, 0, null);
    }

    public AnalysisOptions withWeakReferences(WeakReferencePolicy policy) {
        return new AnalysisOptions(policy, keepUnreachable, dumpIndex, cacheDirectory);
    }
}
