package dev.heapdelta.analyzer.report;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.format.ObjectIds;
import dev.heapdelta.analyzer.format.PathStepRow;
import dev.heapdelta.analyzer.format.PathStepRows;
import dev.heapdelta.analyzer.graph.DumpInfo;
import dev.heapdelta.analyzer.graph.HeapClass;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.query.ClassHistogram;
import dev.heapdelta.analyzer.query.PathStep;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds the {@link SummaryReport} of an analysed snapshot. */
public final class SummaryReports {
    private SummaryReports() {
    }

    /** @param top how many classes, dominators and biggest objects to list */
    public static SummaryReport of(Snapshot snapshot, int top) {
        HeapGraph graph = snapshot.graph();
        DumpInfo info = graph.info();
        return new SummaryReport(
                graph.format().jsonName(),
                snapshot.file(),
                info.idSize(),
                info.dumpsInFile(),
                info.dumpIndex() + 1,
                info.partial(),
                info.lostBytes(),
                info.lostRecords(),
                info.warnings(),
                snapshot.objectCount(),
                snapshot.unreachableObjectCount(),
                snapshot.classCount(),
                snapshot.gcRootCount(),
                snapshot.totalShallowBytes(),
                topClasses(snapshot, top),
                objectRows(snapshot, snapshot.topDominators(top), true),
                objectRows(snapshot, snapshot.biggestObjects(top), false),
                snapshot.timings(),
                info.fileCounts(),
                rootsByKind(graph),
                info.statistics(),
                info.heaps(),
                snapshot.dominatorTree().rule().description());
    }

    static List<ClassRow> topClasses(Snapshot snapshot, int top) {
        ClassHistogram histogram = snapshot.histogram();
        List<ClassRow> rows = new ArrayList<>();
        for (int c : histogram.classesByRetainedSize()) {
            if (rows.size() == top) {
                break;
            }
            HeapClass heapClass = snapshot.graph().heapClass(c);
            rows.add(new ClassRow(heapClass.name(), heapClass.key(), histogram.count(c), histogram.shallowBytes(c),
                    histogram.retainedBytes(c)));
        }
        return rows;
    }

    static List<ObjectRow> objectRows(Snapshot snapshot, int[] objects, boolean withPath) {
        List<ObjectRow> rows = new ArrayList<>();
        for (int object : objects) {
            List<PathStep> path = snapshot.pathToRoot(object);
            rows.add(new ObjectRow(
                    ObjectIds.format(snapshot.graph(), object),
                    snapshot.displayClassNameOf(object),
                    snapshot.labelOf(object),
                    snapshot.graph().shallowSizeOf(object),
                    snapshot.dominatorTree().retainedSizeOf(object),
                    snapshot.pathKeys().keyOf(path),
                    withPath ? PathStepRows.of(snapshot, path) : List.of()));
        }
        return rows;
    }

    static Map<String, Long> rootsByKind(HeapGraph graph) {
        Map<String, Long> counts = new TreeMap<>();
        for (int r = 0; r < graph.rootRecordCount(); r++) {
            counts.merge(graph.rootKind(r).displayName(), 1L, Long::sum);
        }
        return new LinkedHashMap<>(counts);
    }
}
