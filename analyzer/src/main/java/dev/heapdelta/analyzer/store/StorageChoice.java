package dev.heapdelta.analyzer.store;

import java.nio.file.Path;

/**
 * Picks the {@link ColumnStore} for one dump once its reader can estimate the footprint (HPROF: after
 * the first pass, when the object count is known).
 */
public final class StorageChoice {
    /** Heap left for everything that is not a column: class tables, strings, the GUI. */
    private static final double HEAP_SHARE_FOR_COLUMNS = 0.8;

    private StorageChoice() {
    }

    /**
     * @param estimatedBytes the columns' estimated peak footprint
     * @param directory where mapped columns go
     */
    public static ColumnStore choose(StoragePolicy policy, long estimatedBytes, Path directory) {
        return switch (policy) {
            case HEAP -> ColumnStore.onHeap();
            case MAPPED -> ColumnStore.mappedIn(directory);
            case AUTO -> estimatedBytes > availableHeapBytes() ? ColumnStore.mappedIn(directory) : ColumnStore.onHeap();
        };
    }

    /** The heap this JVM could still give the columns: its maximum minus what is in use now, with headroom. */
    public static long availableHeapBytes() {
        Runtime runtime = Runtime.getRuntime();
        long used = runtime.totalMemory() - runtime.freeMemory();
        return (long) ((runtime.maxMemory() - used) * HEAP_SHARE_FOR_COLUMNS);
    }
}
