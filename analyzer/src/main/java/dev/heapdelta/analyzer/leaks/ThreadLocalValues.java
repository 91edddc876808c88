package dev.heapdelta.analyzer.leaks;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.graph.HeapFormat;
import dev.heapdelta.analyzer.graph.HeapGraph;

/**
 * A ThreadLocal's value lives in each thread's {@code ThreadLocalMap}, in an entry whose weak
 * referent is the ThreadLocal itself. Named by the thread, one leak reads as one row per pool
 * thread; named by its ThreadLocal ({@code static PdfRenderer.BUFFERS}), it is one row, which is
 * what the source declares and what a developer fixes.
 */
final class ThreadLocalValues {
    private static final String ENTRY = "java.lang.ThreadLocal$ThreadLocalMap$Entry";

    private ThreadLocalValues() {
    }

    /**
     * The ThreadLocal whose value {@code object} is (it hangs off a ThreadLocalMap entry's
     * {@code value}), or -1: not a value, or a stale entry whose ThreadLocal is gone.
     */
    static int threadLocalHolding(Snapshot snapshot, int object) {
        HeapGraph graph = snapshot.graph();
        if (graph.format() != HeapFormat.HPROF) {
            return -1;
        }
        int edge = snapshot.shortestPaths().parentEdgeOf(object);
        if (edge < 0) {
            return -1;
        }
        int entry = graph.edgeSource(edge);
        if (!isEntryClass(graph, graph.classOf(entry)) || !"value".equals(graph.details().edgeName(edge))) {
            return -1;
        }
        return ObjectFields.of(graph, entry).reference("referent");
    }

    /** The JDK's entry class, or a subclass of it (none in the JDK, but cheap to allow). */
    private static boolean isEntryClass(HeapGraph graph, int classIndex) {
        for (int c = classIndex, depth = 0; c >= 0 && depth < 8; c = graph.heapClass(c).superClass(), depth++) {
            if (graph.className(c).equals(ENTRY)) {
                return true;
            }
        }
        return false;
    }
}
