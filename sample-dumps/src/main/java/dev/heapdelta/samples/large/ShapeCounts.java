package dev.heapdelta.samples.large;

/**
 * How many of each structure the large HPROF shape holds at a scale; scale 1 is the shape of
 * reference/README.md ("Large dumps"). Every count is at least 1.
 */
public record ShapeCounts(int customers, int counters, int events, int treeNodes, int historyLength, int boxes,
        int blobs) {
    static final int PROFILE_BYTES = 64;
    static final int BLOB_BYTES = 1 << 20;
    static final int BOX_LENGTH = 2;

    public static ShapeCounts atScale(double scale) {
        if (!(scale > 0) || scale > 16) {
            throw new IllegalArgumentException("scale must be in (0, 16], was " + scale);
        }
        return new ShapeCounts(scaled(3_000_000, scale), scaled(3_000_000, scale), scaled(2_000_000, scale),
                scaled(4_000_000, scale), scaled(1_000_000, scale), scaled(100_000, scale), scaled(60, scale));
    }

    /**
     * The same service later: {@code percent} per cent more events and history elements, the structures
     * that grow as it runs; 0 keeps these counts.
     */
    public ShapeCounts grownBy(int percent) {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("growth must be in 0..100 per cent, was " + percent);
        }
        return new ShapeCounts(customers, counters, grown(events, percent), treeNodes, grown(historyLength, percent),
                boxes, blobs);
    }

    private static int grown(int count, int percent) {
        return (int) Math.min(Integer.MAX_VALUE - 8, count + (long) count * percent / 100);
    }

    /**
     * The heap objects the structures consist of, excluding the JVM's own: per customer the Customer, its
     * Address, its profile byte[], two Strings with their byte[] values and the HashMap node; per counter an
     * Integer and a node; per history element a LinkedList node and a Long; the maps' tables and the arrays.
     */
    public long objects() {
        return 8L * customers + 2L * counters + events + treeNodes + 2L * historyLength + boxes + blobs
                + 2 /* map tables */ + 2 /* maps */ + 1 /* events array */ + 1 /* list */ + 1 /* boxes array */
                + 1 /* blobs array */;
    }

    private static int scaled(int count, double scale) {
        return (int) Math.max(1, Math.round(count * scale));
    }
}
