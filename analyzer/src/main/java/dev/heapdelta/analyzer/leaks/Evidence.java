package dev.heapdelta.analyzer.leaks;

/**
 * A figure that supports a suspect, per snapshot: a class that grows under a collection, or a
 * folded growing-class suspect. Arrays follow the snapshot order; null where absent.
 */
public record Evidence(String name, Long[] count, Long[] retainedBytes) {

    public long retainedGrowth() {
        return last(retainedBytes) - first(retainedBytes);
    }

    static long first(Long[] values) {
        return values[0] == null ? 0 : values[0];
    }

    static long last(Long[] values) {
        return values[values.length - 1] == null ? 0 : values[values.length - 1];
    }
}
