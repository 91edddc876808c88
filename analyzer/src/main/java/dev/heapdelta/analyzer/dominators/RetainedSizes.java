package dev.heapdelta.analyzer.dominators;

import dev.heapdelta.analyzer.store.ColumnStore;
import dev.heapdelta.analyzer.store.ImageOutput;
import dev.heapdelta.analyzer.store.IntColumn;
import dev.heapdelta.analyzer.store.LongColumn;
import java.io.IOException;
import java.util.Arrays;
import java.util.PrimitiveIterator;

/**
 * Retained sizes by index (preorder number or object), as computed: 4 bytes each, since nearly every
 * retained size fits an int, and the few that do not (on a heap above 2 GiB, the chain of dominators
 * over its largest subtrees) in a side table of longs, which the int's negative value points into: 150
 * MB less per column on 38 M objects than a long column. A tree read from its image keeps the image's
 * long column instead (mapped in place when it can be). Written once, then only read.
 */
final class RetainedSizes {
    private final IntColumn compact;
    private final LongColumn wide;
    /** The sizes above {@link Integer#MAX_VALUE}: entry k is the size of the index whose int is -1 - k. */
    private long[] large;
    private int largeCount;

    private RetainedSizes(IntColumn compact, LongColumn wide, long[] large, int largeCount) {
        this.compact = compact;
        this.wide = wide;
        this.large = large;
        this.largeCount = largeCount;
    }

    /** A zero-filled table of {@code length} sizes in {@code store}. */
    static RetainedSizes compact(ColumnStore store, String name, int length) {
        return new RetainedSizes(store.ints(name, length), null, new long[8], 0);
    }

    /** The sizes of a long column, as a tree image holds them. */
    static RetainedSizes wide(LongColumn column) {
        return new RetainedSizes(null, column, null, 0);
    }

    int length() {
        return compact != null ? compact.length() : wide.length();
    }

    long get(int index) {
        IntColumn column = compact;
        if (column == null) {
            return wide.get(index);
        }
        int size = column.get(index);
        return size >= 0 ? size : large[-1 - size];
    }

    /**
     * Sets one size when it needs no slot of the side table, and says whether it did: safe on several
     * threads for distinct indexes.
     */
    boolean setIfCompact(int index, long size) {
        if (compact == null) {
            wide.set(index, size);
            return true;
        }
        if (size < 0 || size > Integer.MAX_VALUE) {
            return false;
        }
        compact.set(index, (int) size);
        return true;
    }

    /** Sets one size; not for concurrent use (a size that needs the side table appends to it). */
    void set(int index, long size) {
        if (compact == null) {
            wide.set(index, size);
        } else if (size >= 0 && size <= Integer.MAX_VALUE) {
            compact.set(index, (int) size);
        } else {
            int code = compact.get(index);
            if (code < 0) {
                large[-1 - code] = size;
                return;
            }
            if (largeCount == large.length) {
                large = Arrays.copyOf(large, 2 * large.length);
            }
            large[largeCount] = size;
            compact.set(index, -1 - largeCount);
            largeCount++;
        }
    }

    /**
     * These sizes, indexed by preorder number, moved to their objects: entry {@code i} goes to
     * {@code objectByIndex[i]} for i in {@code [from, to)}, on both cores. The copy shares the side table,
     * which neither changes afterwards. The copy is kept in {@code store}, but written at random: out of core,
     * on the heap while the scratch budget lasts, then copied to its mapped file in bulk.
     */
    RetainedSizes scatteredTo(IntColumn objectByIndex, int from, int to, ColumnStore store, String name,
            int length) {
        IntColumn source = compact;
        IntColumn target = store.scratch().ints(name, length);
        BothCores.split(from, to, (start, end) -> {
            for (int i = start; i < end; i++) {
                target.set(objectByIndex.get(i), source.get(i));
            }
        });
        return new RetainedSizes(store.keep(name, target), null, large, largeCount);
    }

    /** Gives the column's heap back to a scratch store's budget ({@link ColumnStore#scratch}): the table is dead. */
    void releaseTo(ColumnStore scratch) {
        if (compact != null) {
            scratch.release(compact);
        } else {
            scratch.release(wide);
        }
    }

    /** Writes the sizes as a long array, the tree image's form whichever the table's. */
    void writeTo(ImageOutput out) throws IOException {
        if (wide != null) {
            out.writeLongs(wide);
            return;
        }
        int length = compact.length();
        out.writeLongs(new PrimitiveIterator.OfLong() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < length;
            }

            @Override
            public long nextLong() {
                return get(next++);
            }
        }, length);
    }
}
