package dev.heapdelta.analyzer.dominators;

import dev.heapdelta.analyzer.store.ColumnStore;
import dev.heapdelta.analyzer.store.IntColumn;

/**
 * The stack of an iterative depth-first walk down a {@link DominatorTree}: per level, an object and
 * the flat indexes of its next and past-last children. Its depth is the tree's, which a leaking
 * linked list makes millions; so it starts small on the heap and, out of core, moves to the tree's
 * column store once deep.
 */
public final class TreeWalkStack {
    private static final int INITIAL_CAPACITY = 64;
    /** Deeper than this, an out-of-core walk keeps its stack in mapped columns. */
    private static final int HEAP_CAPACITY_LIMIT = 1 << 16;
    private static final int FIELDS = 3;

    private final DominatorTree tree;
    private final int maxDepth;
    /** Object, next child, end of children, per level; null once the stack has moved to {@link #mapped}. */
    private int[] levels;
    private IntColumn mapped;
    private int size;

    public TreeWalkStack(DominatorTree tree) {
        this.tree = tree;
        this.maxDepth = tree.reachableCount() + 1;
        this.levels = new int[FIELDS * INITIAL_CAPACITY];
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Enters {@code object}: its children are visited next, from the first. */
    public void push(int object) {
        int at = FIELDS * size;
        int first = tree.firstChildIndex(object);
        int end = tree.firstChildIndex(object + 1);
        int[] heap = levels;
        if (heap != null && at < heap.length) {
            heap[at] = object;
            heap[at + 1] = first;
            heap[at + 2] = end;
        } else {
            if (heap != null) {
                grow();
            }
            if (levels != null) {
                push(object);
                return;
            }
            mapped.set(at, object);
            mapped.set(at + 1, first);
            mapped.set(at + 2, end);
        }
        size++;
    }

    public int topObject() {
        int at = FIELDS * (size - 1);
        int[] heap = levels;
        return heap != null ? heap[at] : mapped.get(at);
    }

    /** The next unvisited child of the top object, advancing past it; -1 when all were visited. */
    public int nextChildOfTop() {
        int at = FIELDS * (size - 1);
        int[] heap = levels;
        if (heap != null) {
            int cursor = heap[at + 1];
            if (cursor == heap[at + 2]) {
                return -1;
            }
            heap[at + 1] = cursor + 1;
            return tree.childAt(cursor);
        }
        int cursor = mapped.get(at + 1);
        if (cursor == mapped.get(at + 2)) {
            return -1;
        }
        mapped.set(at + 1, cursor + 1);
        return tree.childAt(cursor);
    }

    public void pop() {
        size--;
    }

    private void grow() {
        int capacity = (int) Math.min(2L * levels.length, (long) FIELDS * Math.max(maxDepth, INITIAL_CAPACITY));
        ColumnStore store = tree.store();
        if (!store.isMapped() || capacity <= FIELDS * HEAP_CAPACITY_LIMIT) {
            levels = java.util.Arrays.copyOf(levels, capacity);
            return;
        }
        // Sparse until touched: the full depth costs nothing but address space.
        mapped = store.ints("tree-walk-stack", (int) Math.min(Integer.MAX_VALUE, (long) FIELDS * maxDepth));
        for (int i = 0; i < FIELDS * size; i++) {
            mapped.set(i, levels[i]);
        }
        levels = null;
    }
}
