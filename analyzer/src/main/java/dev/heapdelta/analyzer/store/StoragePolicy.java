package dev.heapdelta.analyzer.store;

/** Where a dump's arrays go: chosen by estimated size, or forced. */
public enum StoragePolicy {
    /** Out of core when the estimated footprint exceeds the heap that is free, on the heap otherwise. */
    AUTO,
    HEAP,
    MAPPED
}
