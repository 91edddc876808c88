package dev.heapdelta.app.capture.testing;

import dev.heapdelta.analyzer.analysis.AnalysisOptions;
import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.analysis.SnapshotLoader;
import dev.heapdelta.analyzer.query.ClassHistogram;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.ProgressListener;
import java.nio.file.Path;

/** Reads a captured dump with HeapDelta's own analyzer: the proof that a capture is usable, not only present. */
public final class AnalyzedDumps {
    private AnalyzedDumps() {
    }

    /** The number of analysed instances of every class group with this name. */
    public static long instancesOf(Path dump, String className) throws Exception {
        try (Snapshot snapshot = SnapshotLoader.load(dump, dump.toString(), AnalysisOptions.defaults(),
                CancelSignal.NEVER, ProgressListener.NONE)) {
            ClassHistogram histogram = snapshot.histogram();
            long count = 0;
            for (int classIndex = 0; classIndex < snapshot.graph().classCount(); classIndex++) {
                if (className.equals(snapshot.graph().className(classIndex))) {
                    count += histogram.count(classIndex);
                }
            }
            return count;
        }
    }
}
