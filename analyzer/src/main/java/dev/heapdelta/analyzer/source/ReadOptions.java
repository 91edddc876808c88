package dev.heapdelta.analyzer.source;

import java.nio.file.Path;

/**
 * How to read one dump.
 *
 * @param displayName the file name as the user gave it, used in messages and in the JSON {@code file}
 * @param dumpIndex which heap dump of a multi-dump HPROF file to read, from 0
 * @param cacheDirectory where a gzipped dump is inflated for random access; null for the default
 */
public record ReadOptions(String displayName, int dumpIndex, Path cacheDirectory) {

    public static ReadOptions of(Path file) {
        return new ReadOptions(file.toString(), 0, null);
    }
}
