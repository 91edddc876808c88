package dev.heapdelta.analyzer.diff;

/**
 * One class across N snapshots. Arrays follow the snapshot order; an entry is null where the class
 * is absent from that snapshot.
 *
 * @param newObjects V8 only: instances in the last snapshot whose node id the first did not have; null for HPROF
 * @param deletedObjects V8 only: instances of the first snapshot whose node id the last no longer has
 */
public record ClassDiffRow(String name, String key, Long[] count, Long[] shallowBytes, Long[] retainedBytes,
        Long newObjects, Long deletedObjects, Trend trend) {

    public long countGrowth() {
        return last(count) - first(count);
    }

    public long retainedGrowth() {
        return last(retainedBytes) - first(retainedBytes);
    }

    public long shallowGrowth() {
        return last(shallowBytes) - first(shallowBytes);
    }

    static long first(Long[] values) {
        return values[0] == null ? 0 : values[0];
    }

    static long last(Long[] values) {
        return values[values.length - 1] == null ? 0 : values[values.length - 1];
    }
}
