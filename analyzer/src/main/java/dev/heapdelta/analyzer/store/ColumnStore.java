package dev.heapdelta.analyzer.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where one dump's per-object and per-edge arrays live: on the Java heap, or, out of core, in
 * memory-mapped files of a cache directory that the operating system pages in and out, so that a dump
 * larger than the JVM heap can still be analysed. Every column of a graph and of the analyses built on
 * it comes from the graph's store ({@code HeapGraph.store()}).
 */
public final class ColumnStore {
    private static final ColumnStore ON_HEAP = new ColumnStore(null, null, new AtomicInteger(), new AtomicLong());

    private final Path directory;
    /** Null but in a store's {@link #scratch()} view: where scratch columns may go on the heap instead. */
    private final ScratchHeapBudget scratchHeap;
    private final AtomicInteger sequence;
    private final AtomicLong mappedBytes;
    /** The scratch view of a mapped store, with the store's one budget; null on the heap and in the view. */
    private final ColumnStore scratch;

    private ColumnStore(Path directory, ScratchHeapBudget scratchHeap, AtomicInteger sequence,
            AtomicLong mappedBytes) {
        this.directory = directory;
        this.scratchHeap = scratchHeap;
        this.sequence = sequence;
        this.mappedBytes = mappedBytes;
        this.scratch = null;
    }

    private ColumnStore(Path directory, ScratchHeapBudget scratchBudget) {
        this.directory = directory;
        this.scratchHeap = null;
        this.sequence = new AtomicInteger();
        this.mappedBytes = new AtomicLong();
        this.scratch = new ColumnStore(directory, scratchBudget, sequence, mappedBytes);
    }

    public static ColumnStore onHeap() {
        return ON_HEAP;
    }

    /**
     * A store whose columns are mapped files in {@code directory}, created if needed. Each file is
     * deleted as soon as it is mapped, so nothing is left behind, even after a crash.
     */
    public static ColumnStore mappedIn(Path directory) {
        createDirectory(directory);
        return new ColumnStore(directory, ScratchHeapBudget.shared());
    }

    /**
     * A mapped store whose {@link #scratch()} columns may take {@code scratchHeapBytes} of the heap between
     * them: for tests of the placement, where the free heap is not the point.
     */
    public static ColumnStore mappedIn(Path directory, long scratchHeapBytes) {
        createDirectory(directory);
        return new ColumnStore(directory, new ScratchHeapBudget(scratchHeapBytes));
    }

    private static void createDirectory(Path directory) {
        try {
            PrivateDirectory.create(directory);
        } catch (IOException e) {
            throw new ColumnFileException("cannot create the index directory " + directory + ": " + e.getMessage(), e);
        }
    }

    /**
     * The same store for columns that die with the phase that makes them (a search's numbering, a reader's
     * collected edges): out of core, each goes on the heap while the store's scratch budget holds it, and
     * in a mapped file otherwise. The first asked get the heap: ask for the most randomly read first. Give
     * a heap column's bytes back with {@link #release} when it is let go. On the heap, this store itself.
     */
    public ColumnStore scratch() {
        return scratch == null ? this : scratch;
    }

    /**
     * Gives a dead scratch column's heap bytes back to the budget; nothing for a mapped column or outside
     * the scratch view. The caller must hold no other reference to it.
     */
    public void release(IntColumn column) {
        if (scratchHeap != null && column != null && !column.isMapped()) {
            scratchHeap.giveBack(IntColumn.bytesFor(column.length()));
        }
    }

    public void release(LongColumn column) {
        if (scratchHeap != null && column != null && !column.isMapped()) {
            scratchHeap.giveBack(LongColumn.bytesFor(column.length()));
        }
    }

    public void release(ByteColumn column) {
        if (scratchHeap != null && column != null && !column.isMapped()) {
            scratchHeap.giveBack(ByteColumn.bytesFor(column.length()));
        }
    }

    /**
     * {@code built}, a column this store's {@link #scratch()} view made and its owner filled, as a column to
     * keep: itself on the heap store or where the view mapped it; otherwise a mapped column of this store,
     * copied in bulk, and the heap column's bytes go back to the budget. For a kept column written at random
     * once (a tree's child lists), so that its random writes hit the heap instead of 4 KB page-cache pages.
     * The caller must hold no other reference to {@code built}.
     */
    public IntColumn keep(String name, IntColumn built) {
        if (directory == null || built.isMapped()) {
            return built;
        }
        IntColumn kept = IntColumn.mapped(built.length(), map(name, IntColumn.bytesFor(built.length())));
        built.copyTo(0, kept, 0, built.length());
        scratch().release(built);
        return kept;
    }

    public boolean isMapped() {
        return directory != null;
    }

    /** The directory of the mapped files; null on the heap. */
    public Path directory() {
        return directory;
    }

    /** Bytes mapped so far, over the store's life (columns dropped early included). */
    public long mappedBytes() {
        return mappedBytes.get();
    }

    /** A zero-filled column; {@code name} only names its file. */
    public IntColumn ints(String name, int length) {
        if (directory == null) {
            return IntColumn.onHeap(length);
        }
        if (onHeapForScratch(IntColumn.bytesFor(length))) {
            try {
                return IntColumn.onHeap(length);
            } catch (OutOfMemoryError e) {
                scratchHeap.giveBack(IntColumn.bytesFor(length));
            }
        }
        return IntColumn.mapped(length, map(name, IntColumn.bytesFor(length)));
    }

    public LongColumn longs(String name, int length) {
        if (directory == null) {
            return LongColumn.onHeap(length);
        }
        if (onHeapForScratch(LongColumn.bytesFor(length))) {
            try {
                return LongColumn.onHeap(length);
            } catch (OutOfMemoryError e) {
                scratchHeap.giveBack(LongColumn.bytesFor(length));
            }
        }
        return LongColumn.mapped(length, map(name, LongColumn.bytesFor(length)));
    }

    public ByteColumn bytes(String name, int length) {
        if (directory == null) {
            return ByteColumn.onHeap(length);
        }
        if (onHeapForScratch(ByteColumn.bytesFor(length))) {
            try {
                return ByteColumn.onHeap(length);
            } catch (OutOfMemoryError e) {
                scratchHeap.giveBack(ByteColumn.bytesFor(length));
            }
        }
        return ByteColumn.mapped(length, map(name, ByteColumn.bytesFor(length)));
    }

    /**
     * Whether a scratch column goes on the heap. Its allocation may still fail where the budget misjudged
     * the heap (fragmented by other large arrays, or fuller than at the store's start): the column is then
     * mapped, as it would have been without the budget, rather than failing the analysis.
     */
    private boolean onHeapForScratch(long bytes) {
        return scratchHeap != null && scratchHeap.take(bytes);
    }

    /** What the scratch columns may still take of the heap; 0 where there is no scratch budget. */
    public long scratchHeapBytesLeft() {
        ColumnStore view = scratch();
        return view.scratchHeap == null ? 0 : view.scratchHeap.remaining();
    }

    private java.nio.MappedByteBuffer[] map(String name, long bytes) {
        Path file = directory.resolve(name.replaceAll("[^A-Za-z0-9_-]", "_") + "-" + ProcessHandle.current().pid()
                + "-" + sequence.incrementAndGet() + ".col");
        mappedBytes.addAndGet(bytes);
        return MappedPages.create(file, bytes);
    }

    @Override
    public String toString() {
        return directory == null ? "on the Java heap" : "mapped in " + directory;
    }
}
