package dev.heapdelta.app.gui.loading;

import dev.heapdelta.analyzer.analysis.AnalysisOptions;
import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.report.DiffReport;
import dev.heapdelta.analyzer.source.AnalysisPhase;
import dev.heapdelta.analyzer.source.ArchiveMember;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.ProgressListener;
import dev.heapdelta.app.gui.session.Comparison;
import dev.heapdelta.app.gui.session.SnapshotSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.concurrent.Task;

/**
 * Reads each dump of a series in turn, reusing those already analysed, then builds the diff report
 * without its findings ({@link SuspectSearch} adds them later) and what the first screen needs from it.
 * Runs off the FX thread; progress goes through a coalescing relay, at most every 100 ms.
 */
final class SeriesLoadTask<P> extends Task<SeriesLoadTask.Loaded<P>> {
    private static final long PROGRESS_INTERVAL_NANOS = 100_000_000L;
    private static final int PHASES = AnalysisPhase.values().length;

    private final List<Path> requested;
    /** The dumps read: {@link #requested} with each zip archive of several dumps standing for its members. */
    private volatile List<Path> files;
    private final AnalysisOptions options;
    private final SnapshotSource source;
    private final Map<Path, Snapshot> reusable;
    private final CancelSignal cancel;
    private final ProgressRelay<LoadProgress> relay;
    private final Function<Comparison, P> prepare;
    private final List<Snapshot> loadedHere = new ArrayList<>();
    private volatile String currentFile = "";

    SeriesLoadTask(List<Path> files, AnalysisOptions options, SnapshotSource source, Map<Path, Snapshot> reusable,
            CancelSignal cancel, ProgressRelay<LoadProgress> relay, Function<Comparison, P> prepare) {
        this.requested = List.copyOf(files);
        this.files = this.requested;
        this.options = options;
        this.source = source;
        this.reusable = Map.copyOf(reusable);
        this.cancel = cancel;
        this.relay = relay;
        this.prepare = prepare;
    }

    /** The comparison and what was prepared from it on the worker thread. */
    record Loaded<P>(Comparison comparison, P prepared) {
    }

    /** The file being read when the task stopped: what an error dialog names. */
    String currentFile() {
        return currentFile;
    }

    @Override
    protected Loaded<P> call() throws Exception {
        List<Snapshot> snapshots = new ArrayList<>();
        files = ArchiveMember.expand(requested.stream().map(Path::toString).toList()).stream().map(Path::of).toList();
        try {
            for (int i = 0; i < files.size(); i++) {
                Path file = files.get(i);
                currentFile = file.toString();
                Snapshot known = reusable.get(file);
                if (known != null) {
                    snapshots.add(known);
                    continue;
                }
                Snapshot loaded = source.load(file, file.toString(), options, cancel, listenerFor(i));
                deleteExtractedCopyAtExit(file);
                loadedHere.add(loaded);
                snapshots.add(loaded);
            }
            cancel.throwIfCancelled();
            // The index-cache entries are written while the class diff and the overview are made and drawn, as the
            // command line writes them while it works; not during the reads, which Cancel would then wait for.
            for (Snapshot snapshot : loadedHere) {
                snapshot.startIndexCacheSave();
            }
            currentFile = "";
            relay.post(new LoadProgress("", files.size(), files.size(), "Comparing the snapshots", 0, -1, false,
                    0.99));
            DiffReport report = ComparisonReports.firstScreen(snapshots);
            cancel.throwIfCancelled();
            // The suspects are searched once the overview shows the rest: the detectors take seconds on a large dump.
            Comparison comparison = Comparison.suspectsPending(snapshots, files, report);
            relay.post(new LoadProgress("", files.size(), files.size(), "Preparing the overview", 0, -1, false,
                    0.995));
            return new Loaded<>(comparison, prepare.apply(comparison));
        } catch (Exception | Error e) {
            closeLoadedHere();
            throw e;
        }
    }

    private ProgressListener listenerFor(int fileIndex) {
        String name = shortName(files.get(fileIndex));
        int count = files.size();
        relay.post(new LoadProgress(name, fileIndex, count, "Opening", 0, -1, true, (double) fileIndex / count));
        long[] lastPost = {0};
        AnalysisPhase[] lastPhase = {null};
        return (phase, done, total) -> {
            long now = System.nanoTime();
            if (phase == lastPhase[0] && now - lastPost[0] < PROGRESS_INTERVAL_NANOS) {
                return;
            }
            lastPost[0] = now;
            lastPhase[0] = phase;
            double withinPhase = total > 0 ? Math.min(1, (double) done / total) : 0;
            double withinFile = (phase.ordinal() + withinPhase) / PHASES;
            boolean bytes = phase == AnalysisPhase.INFLATE || phase == AnalysisPhase.SCAN;
            relay.post(new LoadProgress(name, fileIndex, count, phase.description(), done, total, bytes,
                    (fileIndex + withinFile) / count));
        };
    }

    private void closeLoadedHere() {
        for (Snapshot snapshot : loadedHere) {
            try {
                snapshot.close();
            } catch (Exception ignored) {
                // Only file handles are released here; the failure that got us here is what matters.
            }
        }
    }

    /** A dump taken out of an archive was copied to the cache directory: it goes when the app exits. */
    private void deleteExtractedCopyAtExit(Path file) throws IOException {
        ArchiveMember member = ArchiveMember.parse(file.toString());
        if (member != null) {
            member.copyIn(options.readOptions(file.toString()).cacheDirectoryOrDefault()).toFile().deleteOnExit();
        }
    }

    static String shortName(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }
}
