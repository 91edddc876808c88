package dev.heapdelta.analyzer.graph;

import dev.heapdelta.analyzer.store.ColumnStore;
import dev.heapdelta.analyzer.store.IntColumn;

/**
 * The reverse of a graph's edges in CSR form: for each object, the indexes of the edges that point
 * at it. Built by counting, then filling, as DevTools builds retainers; its columns come from the
 * graph's store.
 */
public final class IncomingEdges {
    private final IntColumn firstIncomingByObject;
    private final IntColumn edgeByIncoming;
    private final IntColumn sourceByIncoming;

    private IncomingEdges(IntColumn firstIncomingByObject, IntColumn edgeByIncoming, IntColumn sourceByIncoming) {
        this.firstIncomingByObject = firstIncomingByObject;
        this.edgeByIncoming = edgeByIncoming;
        this.sourceByIncoming = sourceByIncoming;
    }

    static IncomingEdges of(int objectCount, IntColumn firstEdgeByObject, IntColumn targetByEdge, int edgeCount,
            ColumnStore store) {
        IntColumn first = store.ints("incoming-first", objectCount + 1);
        for (int e = 0; e < edgeCount; e++) {
            first.getAndAdd(targetByEdge.get(e) + 1, 1);
        }
        for (int o = 0; o < objectCount; o++) {
            first.set(o + 1, first.get(o + 1) + first.get(o));
        }
        IntColumn edges = store.ints("incoming-edges", edgeCount);
        IntColumn sources = store.ints("incoming-sources", edgeCount);
        // first[t] serves as t's fill cursor, so that no second offset column is needed; once filled,
        // first[t] is where t + 1 starts, and one shift puts the offsets back.
        for (int source = 0; source < objectCount; source++) {
            int end = firstEdgeByObject.get(source + 1);
            for (int e = firstEdgeByObject.get(source); e < end; e++) {
                int slot = first.getAndAdd(targetByEdge.get(e), 1);
                edges.set(slot, e);
                sources.set(slot, source);
            }
        }
        for (int o = objectCount; o > 0; o--) {
            first.set(o, first.get(o - 1));
        }
        first.set(0, 0);
        return new IncomingEdges(first, edges, sources);
    }

    public int firstIncoming(int object) {
        return firstIncomingByObject.get(object);
    }

    public int endIncoming(int object) {
        return firstIncomingByObject.get(object + 1);
    }

    /** The edge index (into the graph's outgoing arrays) of incoming reference {@code i}. */
    public int edge(int i) {
        return edgeByIncoming.get(i);
    }

    public int source(int i) {
        return sourceByIncoming.get(i);
    }
}
