package dev.heapdelta.analyzer.diff;

/**
 * One class across N snapshots. Arrays follow the snapshot order; an entry is null where the class
 * is absent from that snapshot.
 *
 * @param newObjects V8 only: instances in the last snapshot whose node id the first did not have; null for HPROF
 * @param deletedObjects V8 only: instances of the first snapshot whose node id the last no longer has
 * @param newBytes V8 only: the shallow size of the new instances (DevTools' "Alloc. Size")
 * @param freedBytes V8 only: the shallow size of the deleted instances (DevTools' "Freed Size")
 */
public record ClassDiffRow(String name, String key, Long[] count, Long[] shallowBytes, Long[] retainedBytes,
        Long newObjects, Long deletedObjects, Trend trend, Long newBytes, Long freedBytes) {

    /** A row without the bytes of new and deleted instances (HPROF, or figures made by hand). */
    public ClassDiffRow(String name, String key, Long[] count, Long[] shallowBytes, Long[] retainedBytes,
            Long newObjects, Long deletedObjects, Trend trend) {
        this(name, key, count, shallowBytes, retainedBytes, newObjects, deletedObjects, trend,
                newObjects == null ? null : 0L, deletedObjects == null ? null : 0L);
    }

    /** Fewer new instances than this is not accumulation, whatever the bytes say. */
    public static final int MIN_COUNT_GROWTH = 10;

    /**
     * Whether this class's objects pile up: their number grew by at least {@link #MIN_COUNT_GROWTH}
     * and 10%, and so did what they retain. Holders whose own count hardly moves (a class loader, the
     * array of its classes, a map object) retain everything below them and would otherwise crowd any
     * "grew most" list; class objects are left out for the same reason, since each retains its statics.
     */
    public boolean accumulates() {
        long firstCount = first(count);
        return retainedGrowth() > 0 && countGrowth() >= MIN_COUNT_GROWTH && countGrowth() * 10 >= firstCount
                && !name.equals("java.lang.Class");
    }

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
