package dev.heapdelta.app.cli;

import dev.heapdelta.analyzer.analysis.AnalysisOptions;
import dev.heapdelta.analyzer.analysis.MixedFormatsException;
import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.analysis.SnapshotLoader;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.ProgressListener;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the dumps of a diff one after the other, so that only the graphs, not the readers, coexist. Fresh
 * analyses are saved to the index cache in the background; the caller waits for it after printing.
 */
final class SnapshotSeriesLoader {
    private SnapshotSeriesLoader() {
    }

    static List<Snapshot> load(List<String> files, AnalysisOptions options) throws IOException {
        List<Snapshot> snapshots = new ArrayList<>();
        try {
            for (String file : files) {
                Snapshot snapshot = SnapshotLoader.loadUnsaved(Path.of(file), file, options, CancelSignal.NEVER,
                        ProgressListener.NONE);
                snapshots.add(snapshot);
                MixedFormatsException.check(snapshots.get(0), snapshot);
                // Its index-cache entry is written while the next dumps load and the report is made.
                snapshot.startIndexCacheSave();
            }
        } catch (IOException | RuntimeException e) {
            closeAll(snapshots);
            throw e;
        }
        return snapshots;
    }

    static void closeAll(List<Snapshot> snapshots) {
        for (Snapshot snapshot : snapshots) {
            snapshot.close();
        }
    }
}
