package dev.heapdelta.analyzer.hprof;

/**
 * The peak Java heap that reading and analysing an HPROF dump in memory takes, estimated from the
 * first pass's counts, so that {@code StorageChoice} can put a dump that would not fit out of core.
 *
 * <p>Measured, not derived. On the generated dumps ({@code bench}, ParallelGC, {@code -Xlog:gc}) the largest
 * heap occupancy after a GC was 61.5 bytes per object at 3.83 M and at 9.54 M objects, at the dominator phase:
 * 5 bytes per edge are the edge columns (target, kind), about 50 per object the rest. Reports then walk the
 * shortest paths. On the 1.9 GB dump (38.1 M objects, 85.4 M edges) a plain {@code summary}, which drops the
 * dominator tree's child lists after its histogram and whose paths' queue holds only the search's frontier,
 * peaks at the dominators' second step: 1,991 MiB in a live class histogram (the graph, five per-object
 * columns, the late predecessors; its report holds 1,709 MiB after a collection). 261 MB of that are in use
 * when the estimate is compared with the free heap ({@code StorageChoice} subtracts them: the first pass's
 * address list and class data), so the estimate is of what comes on top: 34.5 bytes per object beside the
 * edges' 5. Other commands keep the child lists beside the paths, about as much. At 33 beside the paths' 4
 * (1.92 GB for that dump) the heap is chosen from about -Xmx2200m on; G1 does not compact the humongous
 * columns, so the sized heap ({@code HeapSizing}) adds the collector's room and the JVM's own.
 */
final class HprofFootprint {
    static final long BYTES_PER_OBJECT = 33;
    static final long BYTES_PER_EDGE = 5;
    /**
     * Shortest paths from the GC roots, which every report walks once the analysis is done: a parent edge per
     * object, and the queue's chunks over the search's frontier.
     */
    static final long PATHS_BYTES_PER_OBJECT = 4;
    /** The incoming-edge index: an edge and a source per edge, an offset per object. */
    static final long INCOMING_BYTES_PER_EDGE = 8;
    static final long INCOMING_BYTES_PER_OBJECT = 4;

    private HprofFootprint() {
    }

    /**
     * @param objects the objects the first pass listed
     * @param edges the references they may hold (an upper bound is fine: it errs towards out of core)
     * @param withIncoming whether incoming edges will be built (the desktop app's inspector)
     */
    static long estimatedPeakBytes(long objects, long edges, boolean withIncoming) {
        long bytes = (BYTES_PER_OBJECT + PATHS_BYTES_PER_OBJECT) * objects + BYTES_PER_EDGE * edges;
        if (withIncoming) {
            bytes += INCOMING_BYTES_PER_OBJECT * objects + INCOMING_BYTES_PER_EDGE * edges;
        }
        return bytes;
    }
}
