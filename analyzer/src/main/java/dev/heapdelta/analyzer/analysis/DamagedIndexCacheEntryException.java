package dev.heapdelta.analyzer.analysis;

import java.io.IOException;

/**
 * A snapshot reopened from an index-cache entry whose check, run after it was shown, found the entry damaged:
 * the entry is deleted, and the snapshot, built from untrusted bytes, must be replaced by a fresh analysis of
 * the dump. The message is the cache's warning, as a reopening that finds the damage at once records it.
 */
public final class DamagedIndexCacheEntryException extends IOException {
    DamagedIndexCacheEntryException(String warning, Throwable damage) {
        super(warning, damage);
    }
}
