package dev.heapdelta.analyzer.hprof;

import dev.heapdelta.analyzer.source.CancelSignal;
import java.util.ArrayList;
import java.util.List;

/**
 * Outgoing references gathered object by object in file order, then laid out in CSR order: each
 * object's block is copied to its place once, with no per-run bookkeeping. A HotSpot dump lists
 * objects by ascending address, so the copy reads the buffer almost sequentially.
 */
final class EdgeCollector {
    private static final int CHUNK_BITS = 20;
    private static final int CHUNK_SIZE = 1 << CHUNK_BITS;
    private static final int CHUNK_MASK = CHUNK_SIZE - 1;

    private final int objectCount;
    private final int[] startByObject;
    /** Until {@link #finish}: the degree of object {@code o} at {@code o + 1}; then the CSR offsets. */
    private final int[] firstEdgeByObject;
    private final List<int[]> targetChunks = new ArrayList<>();
    private final List<byte[]> kindChunks = new ArrayList<>();
    private int[] targets;
    private byte[] kinds;
    private int fill = CHUNK_SIZE;
    private long total;
    private int current = -1;
    private long currentStart;

    EdgeCollector(int objectCount) {
        this.objectCount = objectCount;
        this.startByObject = new int[objectCount];
        this.firstEdgeByObject = new int[objectCount + 1];
    }

    /** The CSR arrays handed to the graph builder. */
    record Csr(int[] firstEdgeByObject, int[] targetByEdge, byte[] kindByEdge) {
    }

    /** Starts the edges of {@code object}; an object has one run of edges, and its earlier ones are dropped. */
    void begin(int object) {
        end();
        current = object;
        currentStart = total;
    }

    void add(int target, byte kind) {
        if (fill == CHUNK_SIZE) {
            targets = new int[CHUNK_SIZE];
            kinds = new byte[CHUNK_SIZE];
            targetChunks.add(targets);
            kindChunks.add(kinds);
            fill = 0;
        }
        targets[fill] = target;
        kinds[fill] = kind;
        fill++;
        total++;
    }

    /** Ends the current object's run. */
    void end() {
        if (current >= 0) {
            if (total - currentStart > 0) {
                if (total > Integer.MAX_VALUE - 8) {
                    throw new IllegalStateException("more than 2^31 references");
                }
                startByObject[current] = (int) currentStart;
                firstEdgeByObject[current + 1] = (int) (total - currentStart);
            }
            current = -1;
        }
    }

    long edgeCount() {
        return total;
    }

    Csr finish(CancelSignal cancel) {
        end();
        int[] first = firstEdgeByObject;
        for (int o = 0; o < objectCount; o++) {
            first[o + 1] += first[o];
        }
        int edges = (int) total;
        int[] targetByEdge = new int[edges];
        byte[] kindByEdge = new byte[edges];
        for (int o = 0; o < objectCount; o++) {
            int at = first[o];
            int length = first[o + 1] - at;
            int from = startByObject[o];
            while (length > 0) {
                int chunk = from >>> CHUNK_BITS;
                int offset = from & CHUNK_MASK;
                int n = Math.min(length, CHUNK_SIZE - offset);
                System.arraycopy(targetChunks.get(chunk), offset, targetByEdge, at, n);
                System.arraycopy(kindChunks.get(chunk), offset, kindByEdge, at, n);
                at += n;
                from += n;
                length -= n;
            }
            if ((o & 0xfffff) == 0) {
                cancel.throwIfCancelled();
            }
        }
        targetChunks.clear();
        kindChunks.clear();
        return new Csr(first, targetByEdge, kindByEdge);
    }
}
