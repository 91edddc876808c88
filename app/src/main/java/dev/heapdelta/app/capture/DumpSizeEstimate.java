package dev.heapdelta.app.capture;

/**
 * How big a dump will be, from the used heap. An HPROF file is a little larger than the used heap
 * (record headers and ids; 41 MB for 36.5 MB of objects in the reference dump), and gzip shrinks it
 * 4–6×: planning with the low ratio keeps the free-space check on the safe side.
 */
final class DumpSizeEstimate {
    private static final double HPROF_OVERHEAD = 1.15;
    private static final int CONSERVATIVE_GZIP_RATIO = 4;

    private DumpSizeEstimate() {
    }

    /** @return the expected file size in bytes, or -1 when the used heap is unknown */
    static long expectedBytes(long usedHeapBytes, boolean gzip) {
        if (usedHeapBytes < 0) {
            return -1;
        }
        long plain = (long) Math.ceil(usedHeapBytes * HPROF_OVERHEAD);
        return gzip ? plain / CONSERVATIVE_GZIP_RATIO : plain;
    }
}
