package dev.heapdelta.analyzer.hprof;

/**
 * The peak Java heap that reading and analysing an HPROF dump in memory takes, estimated from the
 * first pass's counts, so that {@code StorageChoice} can put a dump that would not fit out of core.
 *
 * <p>Measured, not derived: the largest heap occupancy after a GC (ParallelGC, {@code -Xlog:gc}) of
 * {@code bench} on the generated dumps was 235 MB at 3.83 M objects / 8.58 M edges and 587 MB at
 * 9.54 M objects / 21.4 M edges, 61.5 bytes per object at both scales, at the dominator phase. Of it,
 * 5 bytes per edge are the edge columns (target, kind) and about 50 bytes per object the rest. Reports
 * then walk shortest paths (a parent edge and a queue slot per object). {@code summary} of the 1.9 GB
 * dump (38.1 M objects, 85.4 M edges) ran in memory with G1 down to -Xmx2600m (with transparent huge
 * pages; 2.13 GB after its largest collection) and ran out of memory at -Xmx2500m (without): the
 * factors were then about that peak, 2.49 GB. The dominators' columns since cut, the live peak of that
 * summary (a full GC at each phase's end) is 2,134 MB, at the report (graph 1,111 MB, tree 435 MB, child
 * lists and shortest paths 290 MB each), of which 261 MB are already in use when the estimate is compared
 * with the free heap ({@code StorageChoice} subtracts them): the first pass's address list and class
 * data. So the estimate is of what comes on top of those, 30 bytes per object beside the paths' 8 and the
 * edges' 5, plus 6 per object of room: G1 does not compact the humongous columns, and at -Xmx2413m that
 * summary ran out of memory in one run of two. At 36, 2.19 GB for that dump (103 M reference slots), the
 * heap is chosen from about -Xmx2460m on (2843m at the former 46); the sized heap ({@code HeapSizing}) adds
 * the collector's room and the JVM's own. Since a plain summary drops the child lists after its histogram
 * and the paths' queue holds only the search's frontier, that summary's peak is the dominators' second
 * step (1,991 MiB in a live class histogram: graph, five n-sized columns, the late predecessors), its
 * report's 1,709 MiB after a collection: 34.5 bytes per object on top of those 261 MB, beside the edges'
 * 5. Other commands keep the child lists beside the paths, about as much. At 33 beside the paths' 4
 * (1.92 GB for that dump), the heap is chosen from about -Xmx2200m on.
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
