package dev.heapdelta.analyzer.store;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How many bytes of an out-of-core store's scratch columns may still go on the Java heap. Out of core, the
 * heap is mostly idle (the graph's own heap structures take a fifth of a 900 MB heap on 38 M objects), while
 * every mapped column costs its page faults and, once its pages are older than the kernel's dirty expiry,
 * their write-back to disk: a column that dies within its phase is cheaper on the heap while there is room.
 *
 * <p>A budget rather than a look at the free heap: a scratch column that died is garbage, counted as used
 * until the next collection, which the next heap allocation would trigger anyway. So the owner gives its
 * bytes back ({@link ColumnStore#release}) when it lets the column go.
 */
final class ScratchHeapBudget {
    /**
     * The heap kept out of the budget: the graph's heap structures, the readers' buffers and the queries'
     * working sets, which allocate on the heap whatever the store. At -Xmx900m the run's heap use without
     * scratch columns peaks at 185 MB on the 38 M-object dump; a third (300 MB) leaves room for that.
     */
    private static final double RESERVED_HEAP_SHARE = 1.0 / 3;

    private final AtomicLong remaining;

    ScratchHeapBudget(long bytes) {
        this.remaining = new AtomicLong(Math.max(0, bytes));
    }

    /** The budget of a store created now: the free heap less the reserve. */
    static ScratchHeapBudget ofFreeHeap() {
        long reserve = (long) (Runtime.getRuntime().maxMemory() * RESERVED_HEAP_SHARE);
        return new ScratchHeapBudget(StorageChoice.availableHeapBytes() - reserve);
    }

    /** Takes {@code bytes} from the budget if it still holds them; false (and nothing taken) otherwise. */
    boolean take(long bytes) {
        long left = remaining.get();
        while (left >= bytes) {
            if (remaining.compareAndSet(left, left - bytes)) {
                return true;
            }
            left = remaining.get();
        }
        return false;
    }

    void giveBack(long bytes) {
        remaining.addAndGet(bytes);
    }

    long remaining() {
        return remaining.get();
    }
}
