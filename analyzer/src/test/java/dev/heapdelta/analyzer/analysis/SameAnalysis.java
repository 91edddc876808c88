package dev.heapdelta.analyzer.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.heapdelta.analyzer.dominators.DominatorTree;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.query.ClassHistogram;
import dev.heapdelta.analyzer.report.SummaryReport;
import dev.heapdelta.analyzer.report.SummaryReports;

/** Asserts that two snapshots of one dump are the same analysis, accessor by accessor. */
final class SameAnalysis {
    /** Object details read the file or string table per call: compare them on a sample, every object for labels. */
    private static final int EDGE_NAME_STEP = 37;

    private SameAnalysis() {
    }

    static void assertSame(Snapshot expected, Snapshot actual) {
        assertSameGraph(expected.graph(), actual.graph());
        assertSameTree(expected.dominatorTree(), actual.dominatorTree());
        assertSameHistogram(expected.histogram(), actual.histogram());
        assertEquals(withoutTimings(SummaryReports.of(expected, 50)), withoutTimings(SummaryReports.of(actual, 50)));
    }

    private static void assertSameGraph(HeapGraph expected, HeapGraph actual) {
        assertEquals(expected.format(), actual.format());
        assertEquals(expected.info(), actual.info());
        int n = expected.objectCount();
        assertEquals(n, actual.objectCount());
        assertEquals(expected.edgeCount(), actual.edgeCount());
        for (int o = 0; o < n; o++) {
            if (expected.idOf(o) != actual.idOf(o) || expected.classOf(o) != actual.classOf(o)
                    || expected.shallowSizeOf(o) != actual.shallowSizeOf(o) || expected.kindOf(o) != actual.kindOf(o)
                    || expected.recordOffsetOf(o) != actual.recordOffsetOf(o)
                    || expected.nameIndexOf(o) != actual.nameIndexOf(o)
                    || expected.firstEdge(o) != actual.firstEdge(o) || expected.endEdge(o) != actual.endEdge(o)) {
                throw new AssertionError("object " + o + " differs");
            }
            assertEquals(expected.details().label(o), actual.details().label(o), "label of " + o);
        }
        for (int e = 0; e < expected.edgeCount(); e++) {
            if (expected.edgeTarget(e) != actual.edgeTarget(e) || expected.edgeKindCode(e) != actual.edgeKindCode(e)
                    || expected.edgeLabel(e) != actual.edgeLabel(e)
                    || expected.isNeverRetaining(e) != actual.isNeverRetaining(e)) {
                throw new AssertionError("edge " + e + " differs");
            }
            if (e % EDGE_NAME_STEP == 0) {
                assertEquals(expected.details().edgeName(e), actual.details().edgeName(e), "name of edge " + e);
            }
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
    }

    private static void assertSameTree(DominatorTree expected, DominatorTree actual) {
        assertEquals(expected.reachableCount(), actual.reachableCount());
        assertEquals(expected.unreachableCount(), actual.unreachableCount());
        assertEquals(expected.rule().description(), actual.rule().description());
        for (int o = 0; o <= expected.virtualRoot(); o++) {
            if (expected.immediateDominatorOf(o) != actual.immediateDominatorOf(o)
                    || expected.retainedSizeOf(o) != actual.retainedSizeOf(o)
                    || expected.childCount(o) != actual.childCount(o)) {
                throw new AssertionError("object " + o + " differs in the dominator tree");
            }
        }
        for (int i = 0; i < expected.reachableCount(); i++) {
            if (expected.objectInPreorder(i) != actual.objectInPreorder(i)) {
                throw new AssertionError("preorder differs at " + i);
            }
        }
    }

    private static void assertSameHistogram(ClassHistogram expected, ClassHistogram actual) {
        assertEquals(expected.classCount(), actual.classCount());
        for (int c = 0; c < expected.classCount(); c++) {
            assertEquals(expected.count(c), actual.count(c));
            assertEquals(expected.shallowBytes(c), actual.shallowBytes(c));
            assertEquals(expected.retainedBytes(c), actual.retainedBytes(c));
        }
    }

    private static SummaryReport withoutTimings(SummaryReport r) {
        return new SummaryReport(r.format(), r.file(), r.idSize(), r.dumpsInFile(), r.dump(), r.partial(), r.lostBytes(),
                r.lostRecords(), r.warnings(), r.objects(), r.unreachableObjects(), r.classes(), r.gcRoots(),
                r.totalShallowBytes(), r.topClasses(), r.topDominators(), r.biggestObjects(), null, r.fileCounts(),
                r.rootsByKind(), r.statistics(), r.heaps(), r.retention());
    }
}
