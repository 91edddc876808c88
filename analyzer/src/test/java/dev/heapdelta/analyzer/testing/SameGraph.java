package dev.heapdelta.analyzer.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.graph.IncomingEdges;

/** Asserts that two graphs answer every accessor alike: the same dump on the heap and in mapped columns. */
public final class SameGraph {
    private SameGraph() {
    }

    public static void assertSameGraph(HeapGraph expected, HeapGraph actual) {
        assertEquals(expected.format(), actual.format());
        assertEquals(expected.info(), actual.info());
        assertSameObjects(expected, actual);
    }

    /** The same graph read from another file holding the same dump (recompressed): only the file size differs. */
    public static void assertSameGraphFromAnotherFile(HeapGraph expected, HeapGraph actual) {
        assertEquals(expected.format(), actual.format());
        assertEquals(expected.info().toString().replaceFirst("fileBytes=\\d+", ""),
                actual.info().toString().replaceFirst("fileBytes=\\d+", ""));
        assertSameObjects(expected, actual);
    }

    private static void assertSameObjects(HeapGraph expected, HeapGraph actual) {
        int n = expected.objectCount();
        assertEquals(n, actual.objectCount());
        assertEquals(expected.edgeCount(), actual.edgeCount());
        for (int o = 0; o < n; o++) {
            assertEquals(expected.idOf(o), actual.idOf(o), "id of " + o);
            assertEquals(expected.classOf(o), actual.classOf(o), "class of " + o);
            assertEquals(expected.shallowSizeOf(o), actual.shallowSizeOf(o), "shallow size of " + o);
            assertEquals(expected.kindOf(o), actual.kindOf(o), "kind of " + o);
            assertEquals(expected.recordOffsetOf(o), actual.recordOffsetOf(o), "record offset of " + o);
            assertEquals(expected.nameIndexOf(o), actual.nameIndexOf(o), "name of " + o);
            assertEquals(expected.firstEdge(o), actual.firstEdge(o), "first edge of " + o);
            assertEquals(expected.endEdge(o), actual.endEdge(o), "end edge of " + o);
            assertEquals(expected.classNameOf(o), actual.classNameOf(o));
            assertEquals(o, actual.findObjectById(actual.idOf(o)), "find by id of " + o);
        }
        for (int e = 0; e < expected.edgeCount(); e++) {
            assertEquals(expected.edgeTarget(e), actual.edgeTarget(e), "target of edge " + e);
            assertEquals(expected.edgeKindCode(e), actual.edgeKindCode(e), "kind of edge " + e);
            assertEquals(expected.edgeLabel(e), actual.edgeLabel(e), "label of edge " + e);
            assertEquals(expected.isNeverRetaining(e), actual.isNeverRetaining(e));
            assertEquals(expected.edgeSource(e), actual.edgeSource(e), "source of edge " + e);
        }
        assertEquals(expected.rootRecordCount(), actual.rootRecordCount());
        for (int r = 0; r < expected.rootRecordCount(); r++) {
            assertEquals(expected.rootObject(r), actual.rootObject(r));
            assertEquals(expected.rootKind(r), actual.rootKind(r));
            assertEquals(expected.rootThread(r), actual.rootThread(r));
        }
        assertEquals(java.util.Arrays.toString(expected.entryObjects()), java.util.Arrays.toString(actual.entryObjects()));
        assertEquals(expected.syntheticRoot(), actual.syntheticRoot());
        assertEquals(expected.classCount(), actual.classCount());
        for (int c = 0; c < expected.classCount(); c++) {
            assertEquals(expected.heapClass(c), actual.heapClass(c));
        }
        IncomingEdges expectedIncoming = expected.incoming();
        IncomingEdges actualIncoming = actual.incoming();
        for (int o = 0; o < n; o++) {
            assertEquals(expectedIncoming.firstIncoming(o), actualIncoming.firstIncoming(o), "incoming of " + o);
            assertEquals(expectedIncoming.endIncoming(o), actualIncoming.endIncoming(o), "incoming end of " + o);
        }
        for (int i = 0; i < expected.edgeCount(); i++) {
            assertEquals(expectedIncoming.edge(i), actualIncoming.edge(i));
            assertEquals(expectedIncoming.source(i), actualIncoming.source(i));
        }
    }
}
