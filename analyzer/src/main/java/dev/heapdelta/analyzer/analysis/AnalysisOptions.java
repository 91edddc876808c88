package dev.heapdelta.analyzer.analysis;

import dev.heapdelta.analyzer.source.ReadOptions;
import dev.heapdelta.analyzer.store.StoragePolicy;
import java.nio.file.Path;

/**
 * How to analyse one dump.
 *
 * @param weakReferences how referents count (HPROF only; V8 follows DevTools)
 * @param keepUnreachable keep unreachable HPROF objects, hung from the dominator root, instead of dropping them
 * @param dumpIndex which heap dump of a multi-dump HPROF file, from 0
 * @param cacheDirectory where gzipped dumps are inflated and out-of-core index files go; null for the default
 * @param storage where the arrays live: on the heap, in mapped files (out of core), or chosen by size
 * @param useIndexCache reopen a dump analysed before from its saved index (in {@code cacheDirectory/index}),
 *     and save the index of a fresh analysis
 */
public record AnalysisOptions(WeakReferencePolicy weakReferences, boolean keepUnreachable, int dumpIndex,
        Path cacheDirectory, StoragePolicy storage, boolean useIndexCache) {

    public static AnalysisOptions defaults() {
        return new AnalysisOptions(WeakReferencePolicy.MAT, false, 0, null, StoragePolicy.AUTO, true);
    }

    public AnalysisOptions withWeakReferences(WeakReferencePolicy policy) {
        return new AnalysisOptions(policy, keepUnreachable, dumpIndex, cacheDirectory, storage, useIndexCache);
    }

    public AnalysisOptions withStorage(StoragePolicy policy) {
        return new AnalysisOptions(weakReferences, keepUnreachable, dumpIndex, cacheDirectory, policy, useIndexCache);
    }

    public AnalysisOptions withIndexCache(boolean use) {
        return new AnalysisOptions(weakReferences, keepUnreachable, dumpIndex, cacheDirectory, storage, use);
    }

    /** What the readers need of these options. */
    public ReadOptions readOptions(String displayName) {
        return new ReadOptions(displayName, dumpIndex, cacheDirectory, storage);
    }

    public AnalysisOptions withCacheDirectory(Path directory) {
        return new AnalysisOptions(weakReferences, keepUnreachable, dumpIndex, directory, storage, useIndexCache);
    }
}
