package dev.heapdelta.analyzer.analysis;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.source.AnalysisCancelledException;
import dev.heapdelta.analyzer.source.AnalysisPhase;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.ProgressListener;
import dev.heapdelta.analyzer.testing.TestEnvironment;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Cancel works in every phase of both formats: raised from the progress callback when a phase is
 * first reported, the analysis ends with {@link AnalysisCancelledException} and leaves nothing
 * behind on the heap.
 */
class CancellationTest {

    @ParameterizedTest(name = "{0} cancelled in {1}")
    @CsvSource({
        "java/leaks-t2.hprof.gz, SCAN", "java/leaks-t2.hprof.gz, GRAPH", "java/leaks-t2.hprof.gz, DOMINATORS",
        "java/leaks-t2.hprof.gz, RETAINED_SIZES", "java/leaks-t2.hprof.gz, HISTOGRAM",
        "node/leaks-t2.heapsnapshot.gz, SCAN", "node/leaks-t2.heapsnapshot.gz, GRAPH",
        "node/leaks-t2.heapsnapshot.gz, DOMINATORS", "node/leaks-t2.heapsnapshot.gz, RETAINED_SIZES",
        "node/leaks-t2.heapsnapshot.gz, HISTOGRAM"})
    void cancelInAnyPhaseStopsTheAnalysisAndFreesItsMemory(String sample, AnalysisPhase phase) {
        Path file = TestEnvironment.repositoryRoot().resolve("sample-dumps").resolve(sample);
        long before = liveHeap();
        CancelSignal cancel = new CancelSignal();
        Set<AnalysisPhase> seen = EnumSet.noneOf(AnalysisPhase.class);
        AtomicReference<AnalysisPhase> cancelledIn = new AtomicReference<>();
        ProgressListener cancelAtPhase = (reported, done, total) -> {
            seen.add(reported);
            if (reported == phase && cancelledIn.get() == null) {
                cancelledIn.set(reported);
                cancel.cancel();
            }
        };

        assertThrows(AnalysisCancelledException.class, () -> SnapshotLoader.load(file, file.toString(),
                AnalysisOptions.defaults(), cancel, cancelAtPhase), "phases reported: " + seen);

        assertTrue(seen.contains(phase), "the analysis reports " + phase + ": " + seen);
        long after = liveHeap();
        assertTrue(after - before < 32L << 20, "the cancelled analysis left " + (after - before) + " bytes live");
    }

    private static long liveHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
