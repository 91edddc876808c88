package dev.heapdelta.analyzer.report;

import dev.heapdelta.analyzer.analysis.PhaseTimings;
import dev.heapdelta.analyzer.graph.DumpInfo;
import java.util.List;
import java.util.Map;

/** Everything {@code heapdelta summary} reports about one dump; the JSON, table and UI all render this. */
public record SummaryReport(
        String format,
        String file,
        int idSize,
        int dumpsInFile,
        int dump,
        boolean partial,
        long lostBytes,
        long lostRecords,
        List<String> warnings,
        long objects,
        long unreachableObjects,
        long classes,
        long gcRoots,
        long totalShallowBytes,
        List<ClassRow> topClasses,
        List<ObjectRow> topDominators,
        List<ObjectRow> biggestObjects,
        PhaseTimings timings,
        Map<String, Long> fileCounts,
        Map<String, Long> rootsByKind,
        Map<String, Long> statistics,
        List<DumpInfo.AndroidHeap> heaps,
        String retention) {
}
