package dev.heapdelta.analyzer.hprof;

import dev.heapdelta.analyzer.graph.GrowableIntArray;
import dev.heapdelta.analyzer.source.CancelSignal;
import java.util.ArrayList;
import java.util.List;

/**
 * Outgoing references gathered object by object in file order, then laid out in CSR order: each
 * object's block is copied to its place once. A HotSpot dump lists objects by ascending address,
 * that is by ascending index, so the file order is kept as runs of consecutive objects (a few
 * thousand runs instead of a start per object, 150 MB less on 38 M objects); a file whose order
 * gives too many runs falls back to a start per object.
 */
final class EdgeCollector {
    private static final int CHUNK_BITS = 20;
    private static final int CHUNK_SIZE = 1 << CHUNK_BITS;
    private static final int CHUNK_MASK = CHUNK_SIZE - 1;

    private final int objectCount;
    /** Until {@link #finish}: the degree of object {@code o} at {@code o + 1}; then the CSR offsets. */
    private final int[] firstEdgeByObject;
    /** The objects in the order their edges arrived: runs of consecutive indexes (first object, length). */
    private final GrowableIntArray runFirstObjects = new GrowableIntArray();
    private final GrowableIntArray runLengths = new GrowableIntArray();
    private final int maxRuns;
    /** Null while the runs are few; otherwise where each object's block starts in the chunks. */
    private int[] startByObject;
    private final List<int[]> targetChunks = new ArrayList<>();
    private final List<byte[]> kindChunks = new ArrayList<>();
    private int[] targets;
    private byte[] kinds;
    private int fill = CHUNK_SIZE;
    private long total;
    private int current = -1;
    private long currentStart;
    private int runFirst = -1;
    private int runLength;

    EdgeCollector(int objectCount) {
        this.objectCount = objectCount;
        this.firstEdgeByObject = new int[objectCount + 1];
        // Two ints per run: past an eighth of the objects, a start per object is the smaller layout.
        this.maxRuns = Math.max(1024, objectCount / 8);
    }

    /** The CSR arrays handed to the graph builder. */
    record Csr(int[] firstEdgeByObject, int[] targetByEdge, byte[] kindByEdge) {
    }

    /**
     * Starts the edges of {@code object}. Each object may begin at most once: the callers claim an
     * object before they begin it.
     */
    void begin(int object) {
        end();
        current = object;
        currentStart = total;
        if (startByObject != null) {
            return;
        }
        if (runFirst >= 0 && object == runFirst + runLength) {
            runLength++;
            return;
        }
        closeRun();
        if (runFirstObjects.size() >= maxRuns) {
            switchToStartByObject();
            return;
        }
        runFirst = object;
        runLength = 1;
    }

    private void closeRun() {
        if (runFirst >= 0) {
            runFirstObjects.add(runFirst);
            runLengths.add(runLength);
            runFirst = -1;
            runLength = 0;
        }
    }

    /** Gives every object begun so far its start in the chunks, from the runs and the degrees. */
    private void switchToStartByObject() {
        startByObject = new int[objectCount];
        long from = 0;
        for (long r = 0; r < runFirstObjects.size(); r++) {
            int first = runFirstObjects.get(r);
            int length = runLengths.get(r);
            for (int o = first; o < first + length; o++) {
                startByObject[o] = (int) from;
                from += firstEdgeByObject[o + 1];
            }
        }
        runFirstObjects.clear();
        runLengths.clear();
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
            if (total > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("more than 2^31 references");
            }
            firstEdgeByObject[current + 1] = (int) degree;
            if (startByObject != null) {
                startByObject[current] = (int) currentStart;
            }
            current = -1;
        }
    }

    long edgeCount() {
        return total;
    }

    Csr finish(CancelSignal cancel) {
        end();
        closeRun();
        int[] first = firstEdgeByObject;
        for (int o = 0; o < objectCount; o++) {
            first[o + 1] += first[o];
        }
        int edges = (int) total;
        int[] targetByEdge = new int[edges];
        byte[] kindByEdge = new byte[edges];
        if (startByObject == null) {
            long from = 0;
            for (long r = 0; r < runFirstObjects.size(); r++) {
                int firstObject = runFirstObjects.get(r);
                int end = firstObject + runLengths.get(r);
                // Consecutive objects have adjacent blocks at both ends: one copy per run and chunk.
                int at = first[firstObject];
                int length = first[end] - at;
                copy(from, targetByEdge, kindByEdge, at, length);
                from += length;
                cancel.throwIfCancelled();
            }
            runFirstObjects.clear();
            runLengths.clear();
        } else {
            for (int o = 0; o < objectCount; o++) {
                int at = first[o];
                copy(startByObject[o], targetByEdge, kindByEdge, at, first[o + 1] - at);
                if ((o & 0xfffff) == 0) {
                    cancel.throwIfCancelled();
                }
            }
            startByObject = null;
        }
        targetChunks.clear();
        kindChunks.clear();
        return new Csr(first, targetByEdge, kindByEdge);
    }

    private void copy(long from, int[] targetByEdge, byte[] kindByEdge, int at, int length) {
        while (length > 0) {
            int chunk = (int) (from >>> CHUNK_BITS);
            int offset = (int) (from & CHUNK_MASK);
            int n = Math.min(length, CHUNK_SIZE - offset);
            System.arraycopy(targetChunks.get(chunk), offset, targetByEdge, at, n);
            System.arraycopy(kindChunks.get(chunk), offset, kindByEdge, at, n);
            at += n;
            from += n;
            length -= n;
        }
    }
}
