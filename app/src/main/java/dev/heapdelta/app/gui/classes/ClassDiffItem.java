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

    public ClassDiffItem(String name, String key, long[] count, long[] shallow, long[] retained, boolean[] present,
            String trend) {
        this.name = name;
        this.key = key;
        this.packageName = packageOf(name);
        this.count = count;
        this.shallow = shallow;
        this.retained = retained;
        this.present = present;
        this.trend = trend;
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
        return new ClassDiffItem(row.name(), row.key(), count, shallow, retained, present, row.trend().jsonName());
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
        if (name.startsWith("(") || name.startsWith("{") || name.contains(" ")) {
            return "";
        }
        String element = name.endsWith("[]") ? name.substring(0, name.indexOf('[')) : name;
        int dot = element.lastIndexOf('.');
        return dot > 0 ? element.substring(0, dot) : "";
    }
}
