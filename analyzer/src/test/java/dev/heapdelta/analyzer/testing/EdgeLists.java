package dev.heapdelta.analyzer.testing;

import dev.heapdelta.analyzer.graph.EdgeKind;
import dev.heapdelta.analyzer.graph.GrowableByteColumn;
import dev.heapdelta.analyzer.graph.GrowableIntColumn;
import dev.heapdelta.analyzer.graph.HeapGraphBuilder;
import dev.heapdelta.analyzer.store.ByteColumn;
import dev.heapdelta.analyzer.store.ColumnStore;
import dev.heapdelta.analyzer.store.IntColumn;

/**
 * Edges of a test graph in any source order, one source's edges possibly interleaved with others',
 * laid out in CSR (a stable counting sort by source) into the builder's store and adopted by it.
 */
public final class EdgeLists {
    private final GrowableIntColumn sources = new GrowableIntColumn();
    private final GrowableIntColumn targets = new GrowableIntColumn();
    private final GrowableByteColumn kinds = new GrowableByteColumn();
    private final GrowableIntColumn labels = new GrowableIntColumn();

    public void add(int source, int target, EdgeKind kind, int label) {
        sources.add(source);
        targets.add(target);
        kinds.add(kind.code());
        labels.add(label);
    }

    /** Hands the edges to {@code builder}, each source's edges in the order they were added. */
    public void adoptInto(HeapGraphBuilder builder) {
        int n = builder.objectCount();
        int edges = (int) sources.size();
        ColumnStore store = builder.store();
        IntColumn first = store.ints("first-edges", n + 1);
        for (int e = 0; e < edges; e++) {
            first.getAndAdd(sources.get(e) + 1, 1);
        }
        for (int o = 0; o < n; o++) {
            first.set(o + 1, first.get(o + 1) + first.get(o));
        }
        int[] cursor = new int[n];
        for (int o = 0; o < n; o++) {
            cursor[o] = first.get(o);
        }
        IntColumn targetByEdge = store.ints("edge-targets", edges);
        ByteColumn kindByEdge = store.bytes("edge-kinds", edges);
        IntColumn labelByEdge = store.ints("edge-labels", edges);
        for (int e = 0; e < edges; e++) {
            int slot = cursor[sources.get(e)]++;
            targetByEdge.set(slot, targets.get(e));
            kindByEdge.set(slot, kinds.get(e));
            labelByEdge.set(slot, labels.get(e));
        }
        builder.adoptEdges(first, targetByEdge, kindByEdge, labelByEdge);
    }
}
