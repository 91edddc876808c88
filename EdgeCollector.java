package dev.heapdelta.analyzer.hprof;

import dev.heapdelta.analyzer.source.CancelSignal;
import java.util.ArrayList;
import java.util.List;

/**
 * Outgoing references gathered object by object in file order, by one {@link Buffer} per reader
 * thread, then laid out in CSR order: each object's block is copied to its place once, with no
 * per-run bookkeeping. A HotSpot dump lists objects by ascending address, so the copy reads the
 * buffers almost sequentially. Threads write disjoint objects, so the per-object arrays need no locks.
 */
final class EdgeCollector {
    private static final int CHUNK_BITS = 20;
    private static final int CHUNK_SIZE = 1 << CHUNK_BITS;
    private static final int CHUNK_MASK = CHUNK_SIZE - 1;

    private final int objectCount;
    /** Where an object's block starts in its buffer: buffer 0 as is, buffer 1 as {@code ~position}. */
    private final int[] startByObject;
    /** Until {@link #finish}: the degree of object {@code o} at {@code o + 1}; then the CSR offsets. */
    private final int[] firstEdgeByObject;
    private final List<Buffer> buffers = new ArrayList<>();

    EdgeCollector(int objectCount) {
        this.objectCount = objectCount;
        this.startByObject = new int[objectCount];
        this.firstEdgeByObject = new int[objectCount + 1];
    }

    /** The CSR arrays handed to the graph builder. */
    record Csr(int[] firstEdgeByObject, int[] targetByEdge, byte[] kindByEdge) {
    }

    /** A new buffer for one reader thread (at most two). */
    Buffer newBuffer() {
        if (buffers.size() == 2) {
            throw new IllegalStateException("two buffers at most");
        }
        Buffer buffer = new Buffer(buffers.size() == 1);
        buffers.add(buffer);
        return buffer;
    }

    /** The first buffer, for edges added after the readers finished (a new one when there is none). */
    Buffer firstBuffer() {
        return buffers.isEmpty() ? newBuffer() : buffers.get(0);
    }

    /** One thread's edges, in the order it read its objects. */
    final class Buffer {
        private final boolean second;
        private final List<int[]> targetChunks = new ArrayList<>();
        private final List<byte[]> kindChunks = new ArrayList<>();
        private int[] targets;
        private byte[] kinds;
        private int fill = CHUNK_SIZE;
        private long total;
        private int current = -1;
        private long currentStart;

        private Buffer(boolean second) {
            this.second = second;
        }

        /** Starts the edges of {@code object}; an object has one run of edges. */
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
                long degree = total - currentStart;
                if (degree > 0) {
                    if (total > Integer.MAX_VALUE - 8) {
                        throw new IllegalStateException("more than 2^31 references");
                    }
                    startByObject[current] = second ? ~(int) currentStart : (int) currentStart;
                    firstEdgeByObject[current + 1] = (int) degree;
                }
                current = -1;
            }
        }
    }

    Csr finish(CancelSignal cancel) {
        long total = 0;
        for (Buffer buffer : buffers) {
            buffer.end();
            total += buffer.total;
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("more than 2^31 references: " + total);
        }
        int[] first = firstEdgeByObject;
        for (int o = 0; o < objectCount; o++) {
            first[o + 1] += first[o];
        }
        int[] targetByEdge = new int[(int) total];
        byte[] kindByEdge = new byte[(int) total];
        for (int o = 0; o < objectCount; o++) {
            int at = first[o];
            int length = first[o + 1] - at;
            if (length == 0) {
                continue;
            }
            int start = startByObject[o];
            Buffer buffer = buffers.get(start < 0 ? 1 : 0);
            int from = start < 0 ? ~start : start;
            while (length > 0) {
                int chunk = from >>> CHUNK_BITS;
                int offset = from & CHUNK_MASK;
                int n = Math.min(length, CHUNK_SIZE - offset);
                System.arraycopy(buffer.targetChunks.get(chunk), offset, targetByEdge, at, n);
                System.arraycopy(buffer.kindChunks.get(chunk), offset, kindByEdge, at, n);
                at += n;
                from += n;
                length -= n;
            }
            if ((o & 0xfffff) == 0) {
                cancel.throwIfCancelled();
            }
        }
        buffers.clear();
        return new Csr(first, targetByEdge, kindByEdge);
    }
}
