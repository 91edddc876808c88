package dev.heapdelta.analyzer.dominators;

import dev.heapdelta.analyzer.store.ColumnStore;
import dev.heapdelta.analyzer.store.IntColumn;

/**
 * The stack of an iterative depth-first walk down a {@link DominatorTree}: per level, an object and the
 * flat index of its next child. Its depth is the tree's, which a leaking linked list makes millions;
 * so it starts small on the heap and, out of core, moves to the tree's column store once deep.
 */
public final class TreeWalkStack {
    private static final int INITIAL_CAPACITY = 64;
    /** Deeper than this, an out-of-core walk keeps its stack in mapped columns. */
    private static final int HEAP_CAPACITY_LIMIT = 1 << 16;

    private final DominatorTree tree;
    private final int maxDepth;
    private IntColumn objects;
    private IntColumn cursors;
    private int size;

    public TreeWalkStack(DominatorTree tree) {
        this.tree = tree;
        this.maxDepth = tree.reachableCount() + 1;
        this.objects = IntColumn.wrap(new int[INITIAL_CAPACITY]);
        this.cursors = IntColumn.wrap(new int[INITIAL_CAPACITY]);
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Enters {@code object}: its children are visited next, from the first. */
    public void push(int object) {
        if (size == objects.length()) {
            grow();
        }
        objects.set(size, object);
        cursors.set(size, tree.firstChildIndex(object));
        size++;
    }

    public int topObject() {
        return objects.get(size - 1);
    }

    /** The next unvisited child of the top object, advancing past it; -1 when all were visited. */
    public int nextChildOfTop() {
        int top = size - 1;
        int cursor = cursors.get(top);
        if (cursor == tree.firstChildIndex(objects.get(top) + 1)) {
            return -1;
        }
        cursors.set(top, cursor + 1);
        return tree.childAt(cursor);
    }

    public void pop() {
        size--;
    }

    private void grow() {
        int capacity = (int) Math.min((long) objects.length() * 2, Math.max(maxDepth, INITIAL_CAPACITY));
        ColumnStore store = tree.store();
        boolean mapped = store.isMapped() && capacity > HEAP_CAPACITY_LIMIT;
        if (mapped) {
            // Sparse until touched: the full depth costs nothing but address space.
            capacity = maxDepth;
        }
        IntColumn biggerObjects = mapped ? store.ints("tree-walk-objects", capacity) : IntColumn.wrap(new int[capacity]);
        IntColumn biggerCursors = mapped ? store.ints("tree-walk-cursors", capacity) : IntColumn.wrap(new int[capacity]);
        for (int i = 0; i < size; i++) {
            biggerObjects.set(i, objects.get(i));
            biggerCursors.set(i, cursors.get(i));
        }
        objects = biggerObjects;
        cursors = biggerCursors;
    }
}
