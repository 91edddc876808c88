package dev.heapdelta.app.gui.classes;

import dev.heapdelta.analyzer.diff.ClassDiffRow;

/**
 * One row of the diff table: a class's figures per snapshot as plain arrays, 0 where absent (see
 * {@link #presentIn}). Built once per comparison, so sorting and filtering allocate nothing per row.
 */
public final class ClassDiffItem {
    private final String name;
    private final String key;
    private final String packageName;
    private final long[] count;
    private final long[] shallow;
    private final long[] retained;
    private final boolean[] present;
    private final String trend;
    private final boolean withoutInstances;
    /** V8: {new, deleted, newBytes, freedBytes} by node id (DevTools' Comparison), or null. */
    private long[] byNodeId;

    public ClassDiffItem(String name, String key, long[] count, long[] shallow, long[] retained, boolean[] present,
            String trend) {
        this(name, key, count, shallow, retained, present, trend, false);
    }

    private ClassDiffItem(String name, String key, long[] count, long[] shallow, long[] retained, boolean[] present,
            String trend, boolean withoutInstances) {
        this.name = name;
        this.key = key;
        this.packageName = packageOf(name);
        this.count = count;
        this.shallow = shallow;
        this.retained = retained;
        this.present = present;
        this.trend = trend;
        this.withoutInstances = withoutInstances;
    }

    /**
     * A class that has no instance in any snapshot: its row is there for its class object, whose statics may
     * hold what leaks.
     */
    public static ClassDiffItem withoutInstances(String name, String key, int snapshots) {
        boolean[] present = new boolean[snapshots];
        java.util.Arrays.fill(present, true);
        return new ClassDiffItem(name, key, new long[snapshots], new long[snapshots], new long[snapshots], present,
                "no instances", true);
    }

    /** Whether no snapshot has an instance of this class (see {@link #withoutInstances}). */
    public boolean hasNoInstances() {
        return withoutInstances;
    }

    static ClassDiffItem of(ClassDiffRow row) {
        int n = row.count().length;
        long[] count = new long[n];
        long[] shallow = new long[n];
        long[] retained = new long[n];
        boolean[] present = new boolean[n];
        for (int i = 0; i < n; i++) {
            present[i] = row.count()[i] != null;
            count[i] = valueOf(row.count()[i]);
            shallow[i] = valueOf(row.shallowBytes()[i]);
            retained[i] = valueOf(row.retainedBytes()[i]);
        }
        ClassDiffItem item = new ClassDiffItem(row.name(), row.key(), count, shallow, retained, present,
                row.trend().jsonName());
        if (row.newObjects() != null) {
            item.byNodeId = new long[] {row.newObjects(), valueOf(row.deletedObjects()), valueOf(row.newBytes()),
                    valueOf(row.freedBytes())};
        }
        return item;
    }

    /** Whether the figures by node id are known (V8, as DevTools' Comparison view has them). */
    public boolean matchedByNodeId() {
        return byNodeId != null;
    }

    /** V8: instances of the last snapshot whose node id the first lacks (DevTools' "# New"); 0 otherwise. */
    public long newObjects() {
        return byNodeId == null ? 0 : byNodeId[0];
    }

    /** V8: instances of the first snapshot whose node id the last lacks ("# Deleted"). */
    public long deletedObjects() {
        return byNodeId == null ? 0 : byNodeId[1];
    }

    /** "# Delta": new minus deleted. */
    public long objectsDeltaById() {
        return newObjects() - deletedObjects();
    }

    /** V8: self size of the new instances ("Alloc. Size"). */
    public long newBytes() {
        return byNodeId == null ? 0 : byNodeId[2];
    }

    /** V8: self size of the deleted instances ("Freed Size"). */
    public long freedBytes() {
        return byNodeId == null ? 0 : byNodeId[3];
    }

    /** "Size Delta": allocated minus freed. */
    public long sizeDeltaById() {
        return newBytes() - freedBytes();
    }

    public String name() {
        return name;
    }

    public String key() {
        return key;
    }

    public String packageName() {
        return packageName;
    }

    public int snapshotCount() {
        return count.length;
    }

    public boolean presentIn(int snapshot) {
        return present[snapshot];
    }

    public long count(int snapshot) {
        return count[snapshot];
    }

    public long shallow(int snapshot) {
        return shallow[snapshot];
    }

    public long retained(int snapshot) {
        return retained[snapshot];
    }

    public long countDelta() {
        return count[count.length - 1] - count[0];
    }

    public long shallowDelta() {
        return shallow[shallow.length - 1] - shallow[0];
    }

    public long retainedDelta() {
        return retained[retained.length - 1] - retained[0];
    }

    public String trend() {
        return trend;
    }

    public boolean grows() {
        return countDelta() > 0 || retainedDelta() > 0;
    }

    private static long valueOf(Long value) {
        return value == null ? 0 : value;
    }

    /** The package of a Java class name; empty for V8 names and the default package. */
    static String packageOf(String name) {
        return dev.heapdelta.app.gui.format.ObjectNames.packageOf(name);
    }
}
