package dev.heapdelta.analyzer.store;

import java.nio.file.Path;

/**
 * Picks the {@link ColumnStore} for one dump once its reader can estimate the footprint (HPROF: after
 * the first pass, when the object count is known).
 */
public final class StorageChoice {
    /**
     * The share of the free heap the estimate may fill. The readers' estimates are of the whole
     * pipeline's live peak, with their own margin, so this only keeps a little room for the rest: at
     * 0.8, a 1.9 GB dump that runs in memory at -Xmx3g (2.6 GB peak) was sent out of core, 1.6× slower.
     */
    private static final double HEAP_SHARE_FOR_COLUMNS = 0.95;

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
            case AUTO -> fitsInHeap(estimatedBytes) ? ColumnStore.onHeap() : ColumnStore.mappedIn(directory);
        };
    }

    /**
     * Whether the estimate fits in the heap that is free, garbage not counted. The heap in use counts
     * what no collection has freed yet: the second dump of a diff would be sent out of core for the first
     * one's dead read buffers, at twice the time (the out-of-core analysis of the 1.9 GB benchmark dump
     * takes 1.9 times the in-memory one). So where the estimate fits in the heap but not beside what is
     * in use now, a full collection tells: a second or two, against that much more.
     */
    static boolean fitsInHeap(long estimatedBytes) {
        if (estimatedBytes <= availableHeapBytes()) {
            return true;
        }
        if (estimatedBytes > Runtime.getRuntime().maxMemory() * HEAP_SHARE_FOR_COLUMNS) {
            return false;
        }
        System.gc();
        return estimatedBytes <= availableHeapBytes();
    }

    /** The heap this JVM could still give the columns: its maximum minus what is in use now, with headroom. */
    public static long availableHeapBytes() {
        return (long) (freeHeapBytes() * HEAP_SHARE_FOR_COLUMNS);
    }

    /** The heap this JVM could still grow into: its maximum less what is in use now, garbage included. */
    static long freeHeapBytes() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
    }
}
