package dev.heapdelta.analyzer.dominators;

import dev.heapdelta.analyzer.store.ColumnStore;
import dev.heapdelta.analyzer.store.IntColumn;
import java.util.Arrays;

/**
 * A stack of ints for the iterative walks of {@link LengauerTarjan}, as deep as the walk goes: on
 * heap graphs that is mostly shallow, but a leaking linked list makes it millions. So it starts small
 * on the heap and grows by doubling instead of taking its full possible depth up front; out of core,
 * once deep, it moves to a column of the store, sparse until touched.
 */
final class IntStack {
    private static final int INITIAL_CAPACITY = 256;
    /** Deeper than this, an out-of-core stack keeps its values in a mapped column. */
    private static final int HEAP_CAPACITY_LIMIT = 1 << 18;

    private final ColumnStore store;
    private final int maxSize;
    /** The values; null once they moved to {@link #mapped}. */
    private int[] values;
    private IntColumn mapped;
    private int size;

    /** @param maxSize how deep the stack can possibly get */
    IntStack(ColumnStore store, int maxSize) {
        this.store = store;
        this.maxSize = maxSize;
        this.values = new int[Math.max(1, Math.min(INITIAL_CAPACITY, maxSize))];
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    void push(int value) {
        int[] heap = values;
        if (heap != null && size < heap.length) {
            heap[size++] = value;
            return;
        }
        if (heap != null) {
            grow();
            if (values != null) {
                values[size++] = value;
                return;
            }
        }
        mapped.set(size++, value);
    }

    int pop() {
        size--;
        int[] heap = values;
        return heap != null ? heap[size] : mapped.get(size);
    }

    /** The value at depth {@code index} from the bottom. */
    int get(int index) {
        int[] heap = values;
        return heap != null ? heap[index] : mapped.get(index);
    }

    void set(int index, int value) {
        int[] heap = values;
        if (heap != null) {
            heap[index] = value;
        } else {
            mapped.set(index, value);
        }
    }

    /** Gives a mapped-out stack's heap back to a scratch store's budget: the stack is dead. */
    void release() {
        store.release(mapped);
        mapped = null;
    }

    private void grow() {
        int capacity = (int) Math.min(2L * values.length, maxSize);
        if (capacity <= values.length) {
            throw new IllegalStateException("stack deeper than its bound " + maxSize);
        }
        if (!store.isMapped() || capacity <= HEAP_CAPACITY_LIMIT) {
            values = Arrays.copyOf(values, capacity);
            return;
        }
        mapped = store.ints("dominators-stack", maxSize);
        for (int i = 0; i < size; i++) {
            mapped.set(i, values[i]);
        }
        values = null;
    }
}
