package dev.heapdelta.app.gui.session;

import dev.heapdelta.analyzer.analysis.AnalysisOptions;
import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.analysis.SnapshotLoader;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.ProgressListener;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Where the app gets an analysed snapshot from a file; the analyzer's loader, or a stand-in in tests.
 * The analyzer's leaves the index cache entry unsaved: the app starts writing it in the background once all
 * the dumps of a series are read, while it makes the first screen; a dump reopened from its entry keeps the
 * entry's arrays mapped rather than copied onto the heap.
 */
@FunctionalInterface
public interface SnapshotSource {
    SnapshotSource ANALYZER = SnapshotLoader::loadUnsavedKeepingEntryMapped;

    Snapshot load(Path file, String displayName, AnalysisOptions options, CancelSignal cancel,
            ProgressListener progress) throws IOException;
}
