package dev.heapdelta.analyzer.dominators;

import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.store.ColumnStore;
import dev.heapdelta.analyzer.store.ImageInput;
import dev.heapdelta.analyzer.store.IntColumn;
import dev.heapdelta.analyzer.store.LongColumn;
import dev.heapdelta.analyzer.store.ImageOutput;
import java.io.IOException;

/**
 * Saves a {@link DominatorTree} to an index file and builds the same tree back from it: immediate
 * dominators, retained sizes and the preorder; the child lists are rebuilt from them in one pass.
 */
public final class TreeImage {
    private static final int MAGIC = 0x48445431;

    private TreeImage() {
    }

    /** The tree's own columns; {@code objectsInPreorder} entries from {@code reached} on mean nothing. */
    record Columns(IntColumn immediateDominatorByObject, RetainedSizes retainedSizeByObject,
            IntColumn objectsInPreorder, int reached, int unreachableCount) {
    }

    public static void write(DominatorTree tree, ImageOutput out) throws IOException {
        Columns columns = tree.columns();
        out.writeInt(MAGIC);
        out.writeInt(columns.reached());
        out.writeInt(columns.unreachableCount());
        out.writeInts(columns.immediateDominatorByObject(), columns.immediateDominatorByObject().length());
        columns.retainedSizeByObject().writeTo(out);
        out.writeInts(columns.objectsInPreorder(), columns.reached());
    }

    /**
     * Reads a tree {@link #write} saved for {@code graph} under {@code rule} into columns of the graph's
     * store, checks the file's end and checksum, and only then builds it.
     */
    public static DominatorTree read(HeapGraph graph, RetentionRule rule, ImageInput in, long checksum)
            throws IOException {
        ColumnStore store = graph.store();
        if (in.readInt() != MAGIC) {
            throw in.damaged("not a dominator tree image");
        }
        int n = graph.objectCount();
        int reached = in.readInt();
        int unreachable = in.readInt();
        IntColumn idom = in.readIntColumn(store);
        LongColumn retained = in.readLongColumn(store);
        IntColumn preorder = in.readIntColumn(store);
        in.verifyEnd(checksum);
        if (reached < 1 || reached > n + 1 || unreachable < 0 || unreachable > n || idom == null
                || idom.length() != n + 1 || retained == null || retained.length() != n + 1 || preorder == null
                || preorder.length() != reached) {
            throw in.damaged("a dominator tree that does not fit a graph of " + n + " objects");
        }
        return new DominatorTree(graph, rule, idom, RetainedSizes.wide(retained), preorder, reached, unreachable,
                store);
    }
}
