package dev.heapdelta.analyzer.store;

import dev.heapdelta.analyzer.store.PrivateDirectory;
import java.io.IOException;
import java.nio.file.Files;
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
    private static final ColumnStore ON_HEAP = new ColumnStore(null);

    private final Path directory;
    private final AtomicInteger sequence = new AtomicInteger();
    private final AtomicLong mappedBytes = new AtomicLong();

    private ColumnStore(Path directory) {
        this.directory = directory;
    }

    public static ColumnStore onHeap() {
        return ON_HEAP;
    }

    /**
     * A store whose columns are mapped files in {@code directory}, created if needed. Each file is
     * deleted as soon as it is mapped, so nothing is left behind, even after a crash.
     */
    public static ColumnStore mappedIn(Path directory) {
        try {
            PrivateDirectory.create(directory);
        } catch (IOException e) {
            throw new ColumnFileException("cannot create the index directory " + directory + ": " + e.getMessage(), e);
        }
        return new ColumnStore(directory);
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
        return IntColumn.mapped(length, map(name, IntColumn.bytesFor(length)));
    }

    public LongColumn longs(String name, int length) {
        if (directory == null) {
            return LongColumn.onHeap(length);
        }
        return LongColumn.mapped(length, map(name, LongColumn.bytesFor(length)));
    }

    public ByteColumn bytes(String name, int length) {
        if (directory == null) {
            return ByteColumn.onHeap(length);
        }
        return ByteColumn.mapped(length, map(name, ByteColumn.bytesFor(length)));
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
