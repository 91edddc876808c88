package dev.heapdelta.analyzer.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.heapdelta.analyzer.dominators.DominatorTree;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.query.ClassHistogram;
import dev.heapdelta.analyzer.report.SummaryReport;
import dev.heapdelta.analyzer.report.SummaryReports;
import dev.heapdelta.analyzer.testing.SameGraph;
import dev.heapdelta.analyzer.testing.SameTrees;

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

    /** Every accessor through {@link SameGraph}, then what only the object details answer. */
    private static void assertSameGraph(HeapGraph expected, HeapGraph actual) {
        SameGraph.assertSameGraph(expected, actual);
        for (int o = 0; o < expected.objectCount(); o++) {
            assertEquals(expected.details().label(o), actual.details().label(o), "label of " + o);
        }
        for (int e = 0; e < expected.edgeCount(); e += EDGE_NAME_STEP) {
            assertEquals(expected.details().edgeName(e), actual.details().edgeName(e), "name of edge " + e);
        }
    }

    private static void assertSameTree(DominatorTree expected, DominatorTree actual) {
        assertEquals(expected.rule().description(), actual.rule().description());
        SameTrees.assertSame(expected, actual, "dominator tree");
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
