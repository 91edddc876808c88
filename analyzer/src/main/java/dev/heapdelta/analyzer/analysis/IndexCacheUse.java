package dev.heapdelta.analyzer.analysis;

import java.nio.file.Path;

/**
 * How the index cache served one load: what happened, the entry involved, and a warning when an
 * entry was damaged or could not be saved (the analysis itself is whole either way).
 *
 * @param entry the entry's directory; null when none was involved
 * @param warning one line for the user, or null
 */
public record IndexCacheUse(Status status, Path entry, String warning) {

    public enum Status {
        /** The cache was off, or the snapshot did not come from a dump file. */
        NOT_USED,
        /** The snapshot was rebuilt from a saved entry, without parsing the dump. */
        REUSED,
        /** The dump was analysed and the result saved for the next load. */
        SAVED,
        /** The dump was analysed; no entry was saved (a partial dump, no space, or a write error). */
        NOT_SAVED
    }

    public static IndexCacheUse notUsed() {
        return new IndexCacheUse(Status.NOT_USED, null, null);
    }
}
