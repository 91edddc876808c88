package dev.heapdelta.analyzer.hprof;

import dev.heapdelta.analyzer.graph.GraphLimitException;
import dev.heapdelta.analyzer.graph.GrowableByteColumn;
import dev.heapdelta.analyzer.graph.GrowableIntColumn;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.store.ByteColumn;
import dev.heapdelta.analyzer.store.ColumnStore;
import dev.heapdelta.analyzer.store.IntColumn;
import java.util.ArrayList;
import java.util.List;

/**
 * Outgoing references gathered object by object in file order, then laid out in CSR order: each
 * object's block is copied to its place once. The file may be read in several {@link Part}s at once,
 * one thread each (each part a stretch of the file, each object in one part); the CSR layout depends
 * only on the objects' indexes, not on the parts. A HotSpot dump lists objects by ascending address,
 * that is by ascending index, so a part keeps its file order as runs of consecutive objects (a few
 * thousand runs instead of a start per object, 150 MB less on 38 M objects); a part whose order gives
 * too many runs falls back to a start per object. Every per-object and per-edge column comes from
 * the dump's {@link ColumnStore}.
 */
final class EdgeCollector {
    private final int objectCount;
    private final ColumnStore store;
    /**
     * Until {@link #finish}: the degree of object {@code o} at {@code o + 1}; then the CSR offsets.
     * Parts write it concurrently, each only at the objects it begins.
     */
    private final IntColumn firstEdgeByObject;
    private final int maxRuns;
    private final List<Part> parts = new ArrayList<>();

    EdgeCollector(int objectCount, ColumnStore store) {
        this.objectCount = objectCount;
        this.store = store;
        this.firstEdgeByObject = store.ints("first-edges", objectCount + 1);
        // Two ints per run: past an eighth of the objects, a start per object is the smaller layout.
        this.maxRuns = Math.max(1024, objectCount / 8);
    }

    /** The CSR arrays handed to the graph builder. */
    record Csr(IntColumn firstEdgeByObject, IntColumn targetByEdge, ByteColumn kindByEdge) {
    }

    /** A new part, to be filled by one thread at a time; the parts are laid out at {@link #finish}. */
    Part newPart() {
        Part part = new Part();
        parts.add(part);
        return part;
    }

    /** The edges of the objects one thread reads, in the order it reads them. */
    final class Part {
        /** The objects in the order their edges arrived: runs of consecutive indexes (first object, length). */
        private final GrowableIntColumn runFirstObjects = new GrowableIntColumn();
        private final GrowableIntColumn runLengths = new GrowableIntColumn();
        /** Null while the runs are few; otherwise where each object's block starts in the chunks, plus one. */
        private IntColumn startPlusOneByObject;
        /** Scratch, copied to the CSR columns at {@link #finish}: out of core, on the heap while it has room. */
        private final GrowableIntColumn targets = new GrowableIntColumn(store.scratch(), "collected-targets");
        private final GrowableByteColumn kinds = new GrowableByteColumn(store.scratch(), "collected-kinds");
        private long total;
        private int current = -1;
        private long currentStart;
        private int runFirst = -1;
        private int runLength;

        private Part() {
        }

        /**
         * Starts the edges of {@code object}. Each object may begin at most once over all parts: the
         * callers claim an object before they begin it.
         */
        void begin(int object) {
            end();
            current = object;
            currentStart = total;
            if (startPlusOneByObject != null) {
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
            startPlusOneByObject = store.scratch().ints("edge-starts", objectCount);
            long from = 0;
            for (long r = 0; r < runFirstObjects.size(); r++) {
                int first = runFirstObjects.get(r);
                int length = runLengths.get(r);
                for (int o = first; o < first + length; o++) {
                    startPlusOneByObject.set(o, (int) from + 1);
                    from += firstEdgeByObject.get(o + 1);
                }
            }
            runFirstObjects.clear();
            runLengths.clear();
        }

        void add(int target, byte kind) {
            targets.add(target);
            kinds.add(kind);
            total++;
        }

        /** Ends the current object's block. */
        void end() {
            if (current >= 0) {
                long degree = total - currentStart;
                if (total > Integer.MAX_VALUE - 8) {
                    throw new GraphLimitException("references");
                }
                firstEdgeByObject.set(current + 1, (int) degree);
                if (startPlusOneByObject != null) {
                    startPlusOneByObject.set(current, (int) currentStart + 1);
                }
                current = -1;
            }
        }

        /** Copies this part's targets to their CSR places and lets go of their chunks. */
        private void copyTargetsInto(IntColumn first, IntColumn targetByEdge, CancelSignal cancel) {
            end();
            closeRun();
            forEachBlock(first, (from, at, length) -> targets.copyTo(from, targetByEdge, at, length), cancel);
            targets.clear();
        }

        /** Then its kinds, and lets go of the rest. */
        private void copyKindsInto(IntColumn first, ByteColumn kindByEdge, CancelSignal cancel) {
            forEachBlock(first, (from, at, length) -> kinds.copyTo(from, kindByEdge, at, length), cancel);
            kinds.clear();
            runFirstObjects.clear();
            runLengths.clear();
            store.scratch().release(startPlusOneByObject);
            startPlusOneByObject = null;
        }

        /** Hands each block (or run of adjacent blocks) with where it is in the chunks and in the CSR arrays. */
        private void forEachBlock(IntColumn first, BlockCopy copy, CancelSignal cancel) {
            if (startPlusOneByObject == null) {
                long from = 0;
                for (long r = 0; r < runFirstObjects.size(); r++) {
                    int firstObject = runFirstObjects.get(r);
                    int end = firstObject + runLengths.get(r);
                    // Consecutive objects have adjacent blocks at both ends: one copy per run and chunk.
                    int at = first.get(firstObject);
                    int length = first.get(end) - at;
                    copy.copy(from, at, length);
                    from += length;
                    cancel.throwIfCancelled();
                }
            } else {
                for (int o = 0; o < objectCount; o++) {
                    int startPlusOne = startPlusOneByObject.get(o);
                    if (startPlusOne != 0) {
                        int at = first.get(o);
                        copy.copy(startPlusOne - 1, at, first.get(o + 1) - at);
                    }
                    if ((o & 0xfffff) == 0) {
                        cancel.throwIfCancelled();
                    }
                }
            }
        }
    }

    /** Copies one block of a part's chunks, from {@code from}, to {@code at} in a CSR column. */
    @FunctionalInterface
    private interface BlockCopy {
        void copy(long from, int at, int length);
    }

    /** Lays out every part's edges; call once, after every part is filled. */
    Csr finish(CancelSignal cancel) {
        long total = 0;
        for (Part part : parts) {
            part.end();
            total += part.total;
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new GraphLimitException("references");
        }
        IntColumn first = firstEdgeByObject;
        for (int o = 0; o < objectCount; o++) {
            first.set(o + 1, first.get(o + 1) + first.get(o));
        }
        int edges = (int) total;
        // One column at a time, each part's chunks of it let go once copied: the peak holds the collected
        // edges and the CSR targets, not the CSR kinds as well (85 MB less on 85 M edges).
        IntColumn targetByEdge = store.ints("edge-targets", edges);
        for (Part part : parts) {
            part.copyTargetsInto(first, targetByEdge, cancel);
        }
        ByteColumn kindByEdge = store.bytes("edge-kinds", edges);
        for (Part part : parts) {
            part.copyKindsInto(first, kindByEdge, cancel);
        }
        parts.clear();
        return new Csr(first, targetByEdge, kindByEdge);
    }
}
