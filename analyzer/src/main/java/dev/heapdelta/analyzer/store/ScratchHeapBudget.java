package dev.heapdelta.analyzer.store;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How many bytes of the out-of-core stores' scratch columns may still go on the Java heap. Out of core, the
 * heap is mostly idle (the graph's own heap structures peak at a fifth of a 900 MB heap on 38 M objects),
 * while every mapped column costs its page faults and, once its pages are older than the kernel's dirty
 * expiry, their write-back to disk: a column that dies within its phase is cheaper on the heap while there is
 * room.
 *
 * <p>A budget rather than a look at the free heap alone: a scratch column that died is garbage, counted as
 * used until the next collection, which the next heap allocation would trigger anyway. So the owner gives
 * its bytes back ({@link ColumnStore#release}) when it lets the column go. One budget for the whole JVM, a
 * share of its maximum heap, as the dumps of a diff are analysed at once, each in its own store.
 */
final class ScratchHeapBudget {
    /**
     * The scratch columns' share of the heap: the rest is for the graphs' heap structures, the readers'
     * buffers (an HPROF reader's 8 bytes per object of addresses, dead before the first scratch column)
     * and the queries' working sets, which allocate on the heap whatever the store. At -Xmx900m on the
     * 38 M-object dump, 660 MB: the search's three most randomly read columns (150 MB each), then, once its
     * stack is dead, the late predecessors (173 MB), written at random; the rest of the heap held some 10
     * MB at that point. At half the heap (450 MB) the late predecessors were mapped.
     */
    private static final double SHARED_HEAP_SHARE = 0.7;
    private static final ScratchHeapBudget SHARED =
            new ScratchHeapBudget((long) (Runtime.getRuntime().maxMemory() * SHARED_HEAP_SHARE));

    private final AtomicLong remaining;

    ScratchHeapBudget(long bytes) {
        this.remaining = new AtomicLong(Math.max(0, bytes));
    }

    /** The JVM's one budget, for the stores of {@link ColumnStore#mappedIn(java.nio.file.Path)}. */
    static ScratchHeapBudget shared() {
        return SHARED;
    }

    /**
     * Takes {@code bytes} from the budget if it still holds them and the heap has them free even before a
     * collection; false (and nothing taken) otherwise.
     */
    boolean take(long bytes) {
        if (bytes > StorageChoice.freeHeapBytes()) {
            return false;
        }
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
