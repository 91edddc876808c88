package dev.heapdelta.analyzer.graph;

/**
 * The reverse of a graph's edges in CSR form: for each object, the indexes of the edges that point
 * at it. Built by counting, then filling, as DevTools builds retainers.
 */
public final class IncomingEdges {
    private final int[] firstIncomingByObject;
    private final int[] edgeByIncoming;
    private final int[] sourceByIncoming;

    private IncomingEdges(int[] firstIncomingByObject, int[] edgeByIncoming, int[] sourceByIncoming) {
        this.firstIncomingByObject = firstIncomingByObject;
        this.edgeByIncoming = edgeByIncoming;
        this.sourceByIncoming = sourceByIncoming;
    }

    static IncomingEdges of(int objectCount, int[] firstEdgeByObject, int[] targetByEdge) {
        int[] first = new int[objectCount + 1];
        for (int target : targetByEdge) {
            first[target + 1]++;
        }
        for (int o = 0; o < objectCount; o++) {
            first[o + 1] += first[o];
        }
        int[] cursor = java.util.Arrays.copyOf(first, objectCount);
        int[] edges = new int[targetByEdge.length];
        int[] sources = new int[targetByEdge.length];
        for (int source = 0; source < objectCount; source++) {
            for (int e = firstEdgeByObject[source]; e < firstEdgeByObject[source + 1]; e++) {
                int slot = cursor[targetByEdge[e]]++;
                edges[slot] = e;
                sources[slot] = source;
            }
        }
        return new IncomingEdges(first, edges, sources);
    }

    public int firstIncoming(int object) {
        return firstIncomingByObject[object];
    }

    public int endIncoming(int object) {
        return firstIncomingByObject[object + 1];
    }

    /** The edge index (into the graph's outgoing arrays) of incoming reference {@code i}. */
    public int edge(int i) {
        return edgeByIncoming[i];
    }

    public int source(int i) {
        return sourceByIncoming[i];
    }
}
