package dev.heapdelta.app.pdf;

/** The one unit a chart's value axis uses, chosen from its largest value so that ticks stay short. */
enum SizeUnit {
    BYTES("bytes", 1),
    KB("KB", 1024),
    MB("MB", 1024 * 1024),
    GB("GB", 1024L * 1024 * 1024);

    private final String label;
    private final long bytes;

    SizeUnit(String label, long bytes) {
        this.label = label;
        this.bytes = bytes;
    }

    static SizeUnit forLargest(long largestBytes) {
        long magnitude = Math.abs(largestBytes);
        if (magnitude >= GB.bytes) {
            return GB;
        }
        if (magnitude >= MB.bytes) {
            return MB;
        }
        return magnitude >= KB.bytes ? KB : BYTES;
    }

    double of(long value) {
        return (double) value / bytes;
    }

    /** The byte count a charted value stands for. */
    long bytes(double value) {
        return Math.round(value * bytes);
    }

    String label() {
        return label;
    }
}
