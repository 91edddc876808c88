package dev.heapdelta.analyzer.source;

import dev.heapdelta.analyzer.store.PrivateDirectory;
import dev.heapdelta.analyzer.store.StoragePolicy;
import java.nio.file.Path;

/**
 * How to read one dump.
 *
 * @param displayName the file name as the user gave it, used in messages and in the JSON {@code file}
 * @param dumpIndex which heap dump of a multi-dump HPROF file to read, from 0
 * @param cacheDirectory where a gzipped dump is inflated for random access, and where out-of-core index
 *     files go; null for the default
 * @param storage where the graph's arrays live: on the heap, in mapped files, or chosen by size
 */
public record ReadOptions(String displayName, int dumpIndex, Path cacheDirectory, StoragePolicy storage) {

    public static ReadOptions of(Path file) {
        return new ReadOptions(file.toString(), 0, null, StoragePolicy.AUTO);
    }

    /** The cache directory to use: the one given, or {@link PrivateDirectory#defaultCacheDirectory()}. */
    public Path cacheDirectoryOrDefault() {
        return cacheDirectory != null ? cacheDirectory : PrivateDirectory.defaultCacheDirectory();
    }

    /** Where out-of-core columns are mapped: {@code columns} in the cache directory. */
    public Path columnDirectory() {
        return cacheDirectoryOrDefault().resolve("columns");
    }
}
