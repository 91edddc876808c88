package dev.heapdelta.analyzer.analysis;

import dev.heapdelta.analyzer.graph.HeapGraph;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The graph's files of an index-cache entry (most of its bytes) written on a background thread into the
 * entry's temporary directory while the dominators are computed, so that the write overlaps the analysis
 * the user waits for instead of following it. Nothing is under the entry's key until the rest is written
 * and the directory renamed ({@link IndexCache#save}); a JVM that exits meanwhile leaves only the temporary
 * directory, which pruning removes. The graph is only read meanwhile.
 */
final class IndexCacheGraphWrite {
    private final Path temporary;
    private final Thread writer;
    private volatile Properties manifest;
    private volatile Throwable failure;

    private IndexCacheGraphWrite(Path temporary, HeapGraph graph, String source) {
        this.temporary = temporary;
        this.writer = new Thread(() -> write(graph, source), "heapdelta-index-cache-graph-write");
        writer.setDaemon(true);
    }

    static IndexCacheGraphWrite start(Path temporary, HeapGraph graph, String source) {
        IndexCacheGraphWrite write = new IndexCacheGraphWrite(temporary, graph, source);
        write.writer.start();
        return write;
    }

    private void write(HeapGraph graph, String source) {
        try {
            manifest = IndexCacheEntry.writeGraph(temporary, graph, source);
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            failure = e;
        }
    }

    Path temporary() {
        return temporary;
    }

    /** Waits for the graph's files; their manifest so far, or the write's failure. */
    Properties await() throws IOException {
        join();
        Throwable problem = failure;
        if (problem instanceof IOException io) {
            throw io;
        }
        if (problem instanceof UncheckedIOException unchecked) {
            throw unchecked.getCause();
        }
        if (problem != null) {
            throw new IOException(problem.toString(), problem);
        }
        return manifest;
    }

    /** Waits for the writer to stop reading the graph, which may then be closed. */
    void join() {
        boolean interrupted = false;
        while (writer.isAlive()) {
            try {
                writer.join();
            } catch (InterruptedException e) {
                // The graph may not be closed under the writer: finish waiting, then restore the interrupt.
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
