package dev.heapdelta.analyzer.hprof;

import java.util.Arrays;

/**
 * An open-addressing map from long keys to int values, without boxing. Absent keys read as -1, so
 * values must be non-negative.
 */
final class LongIntMap {
    static final int ABSENT = -1;

    private long[] keys;
    private int[] values;
    private boolean[] used;
    private int size;
    private int mask;

    LongIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(8, expected * 2 - 1)) << 1;
        allocate(capacity);
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        values = new int[capacity];
        used = new boolean[capacity];
        mask = capacity - 1;
    }

    private static int spread(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29));
    }

    int get(long key) {
        int slot = spread(key) & mask;
        while (used[slot]) {
            if (keys[slot] == key) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        return ABSENT;
    }

    boolean containsKey(long key) {
        return get(key) != ABSENT;
    }

    /** Sets the value of a key; returns the previous value or {@link #ABSENT}. */
    int put(long key, int value) {
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int slot = spread(key) & mask;
        while (used[slot]) {
            if (keys[slot] == key) {
                int previous = values[slot];
                values[slot] = value;
                return previous;
            }
            slot = (slot + 1) & mask;
        }
        used[slot] = true;
        keys[slot] = key;
        values[slot] = value;
        size++;
        return ABSENT;
    }

    /** Adds the key only if it is absent; returns the value now stored. */
    int putIfAbsent(long key, int value) {
        int existing = get(key);
        if (existing != ABSENT) {
            return existing;
        }
        put(key, value);
        return value;
    }

    int size() {
        return size;
    }

    /** The keys, in no particular order. */
    long[] keys() {
        long[] result = new long[size];
        int n = 0;
        for (int i = 0; i < keys.length; i++) {
            if (used[i]) {
                result[n++] = keys[i];
            }
        }
        return result;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        boolean[] oldUsed = used;
        allocate(keys.length * 2);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldUsed[i]) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }

    @Override
    public String toString() {
        return "LongIntMap" + Arrays.toString(keys());
    }
}
