package dev.heapdelta.app.gui.loading;

import dev.heapdelta.analyzer.analysis.AnalysisOptions;
import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.graph.GraphLimitException;
import dev.heapdelta.analyzer.source.AnalysisCancelledException;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.DumpFormatException;
import dev.heapdelta.analyzer.store.ColumnFileException;
import dev.heapdelta.analyzer.store.MappedFileWatch;
import dev.heapdelta.analyzer.store.PrivateDirectory;
import dev.heapdelta.app.gui.format.HumanSizes;
import dev.heapdelta.app.gui.session.Comparison;
import dev.heapdelta.app.gui.session.SnapshotSource;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Loads a series of dumps in the background and reports progress: which file, which phase, how
 * many bytes. The caller learns the outcome through one of three callbacks, on the FX thread.
 */
public final class LoadingViewModel {
    private final Executor executor;
    private final SnapshotSource source;
    private final ReadOnlyStringWrapper fileText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper phaseText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper amountText = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper overallProgress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyDoubleWrapper phaseProgress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper cancelling = new ReadOnlyBooleanWrapper(false);
    private CancelSignal cancel = CancelSignal.NEVER;
    /** The writing of the last load's index-cache entries, done once they are written or have failed. */
    private volatile CompletableFuture<Void> indexCacheSaves = CompletableFuture.completedFuture(null);
    private Consumer<String> indexCacheNotes = note -> { };

    /**
     * The three ways a load ends, and what is made from a comparison before it is shown.
     *
     * @param <P> what {@link #prepare} makes: the first screen's view-model
     */
    public interface Outcome<P> {
        /**
         * Runs on the worker thread once the comparison is built, while the progress card still shows:
         * everything the first screen needs that is not a scene-graph change, so the FX thread only
         * makes nodes.
         */
        P prepare(Comparison comparison);

        void loaded(Comparison comparison, P prepared);

        void failed(LoadFailure failure);

        void cancelled();
    }

    public LoadingViewModel(Executor executor, SnapshotSource source) {
        this.executor = executor;
        this.source = source;
    }

    /**
     * Starts loading {@code files} in order; snapshots in {@code reusable} (by path) are taken as
     * they are instead of being read again. Call on the FX thread; one load at a time.
     */
    public <P> void start(List<Path> files, AnalysisOptions options, Map<Path, Snapshot> reusable,
            Outcome<P> outcome) {
        if (running.get()) {
            throw new IllegalStateException("a load is already running");
        }
        cancel = new CancelSignal();
        running.set(true);
        cancelling.set(false);
        show(new LoadProgress(SeriesLoadTask.shortName(files.get(0)), 0, files.size(), "Opening", 0, -1, true, 0));
        ProgressRelay<LoadProgress> relay = new ProgressRelay<>(this::showIfRunning);
        SeriesLoadTask<P> task = new SeriesLoadTask<>(files, options, source, reusable, cancel, relay,
                outcome::prepare);
        task.setOnSucceeded(event -> {
            running.set(false);
            SeriesLoadTask.Loaded<P> loaded = task.getValue();
            Comparison comparison = loaded.comparison();
            outcome.loaded(comparison, loaded.prepared());
            Consumer<String> notes = indexCacheNotes;
            indexCacheSaves = CompletableFuture.runAsync(() -> saveToIndexCache(comparison), executor)
                    .thenRun(() -> noteOf(comparison).ifPresent(note -> Platform.runLater(() -> notes.accept(note))));
        });
        task.setOnFailed(event -> {
            running.set(false);
            Throwable problem = task.getException();
            if (problem instanceof AnalysisCancelledException) {
                outcome.cancelled();
            } else {
                outcome.failed(failureOf(task.currentFile(), problem));
            }
        });
        executor.execute(task);
    }

    /**
     * Finishes the index cache entries of fresh analyses (the load started writing them), off the FX thread
     * and after the comparison is shown, so that reopening these dumps later skips their analysis.
     */
    private static void saveToIndexCache(Comparison comparison) {
        for (int i = 0; i < comparison.size(); i++) {
            comparison.snapshot(i).saveToIndexCache();
        }
    }

    /**
     * Where the index cache's warnings about a load go, on the FX thread once its entries are written: a damaged
     * entry deleted and its dump read afresh, an entry that could not be saved. The load itself is whole.
     */
    public void setIndexCacheNoteHandler(Consumer<String> handler) {
        indexCacheNotes = handler;
    }

    private static java.util.Optional<String> noteOf(Comparison comparison) {
        List<String> warnings = new java.util.ArrayList<>();
        for (int i = 0; i < comparison.size(); i++) {
            String warning = comparison.snapshot(i).indexCache().warning();
            if (warning != null) {
                warnings.add(comparison.shortName(i) + ": " + warning);
            }
        }
        return warnings.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(String.join("; ", warnings));
    }

    /**
     * Waits until the index-cache entries of the last load are written (or could not be): what a run that
     * times the app waits for before it exits, as a summary's run writes its own.
     */
    public void awaitIndexCacheSaves() throws InterruptedException {
        try {
            indexCacheSaves.get();
        } catch (java.util.concurrent.ExecutionException e) {
            // The snapshot records why its entry was not saved; the next open analyses the dump again.
        }
    }

    /** Asks the analysis to stop at its next check; the outcome then says cancelled. */
    public void cancel() {
        if (running.get()) {
            cancelling.set(true);
            phaseText.set("Cancelling…");
            cancel.cancel();
        }
    }

    /**
     * The error dialog for a view that could not be made because a file under it failed (a dump cut under the
     * app, a cache file that could not be mapped); empty for anything else, a bug to report as such.
     */
    public static java.util.Optional<LoadFailure> cutUnderTheApp(String view, Throwable problem) {
        return MappedFileWatch.explained(problem) instanceof ColumnFileException cut
                ? java.util.Optional.of(new LoadFailure(view, cut.getMessage(), true))
                : java.util.Optional.empty();
    }

    static LoadFailure failureOf(String file, Throwable problem) {
        if (problem instanceof DumpFormatException format) {
            return new LoadFailure(format.file(), format.getMessage(), true);
        }
        if (problem instanceof NoSuchFileException) {
            return new LoadFailure(file, "file not found: " + file, true);
        }
        if (problem instanceof IOException io) {
            return new LoadFailure(file, "file " + file + ": " + io.getMessage(), true);
        }
        if (problem instanceof OutOfMemoryError) {
            return new LoadFailure(file, "file " + file + ": not enough memory to analyse it (start HeapDelta with a"
                    + " larger -Xmx)", true);
        }
        if (problem instanceof GraphLimitException || problem instanceof ColumnFileException) {
            // Limits of the graph or of the machine (a read-only or full cache directory), not bugs.
            return new LoadFailure(file, "file " + file + ": " + problem.getMessage(), true);
        }
        if (MappedFileWatch.explained(problem) instanceof ColumnFileException cut) {
            return new LoadFailure(file, cut.getMessage(), true);
        }
        if (ColumnFileException.isFullDiskUnderAMappedColumn(problem)) {
            return new LoadFailure(file, "file " + file + ": an out-of-core index file could not be written; is the"
                    + " disk of the cache directory (" + PrivateDirectory.defaultCacheDirectory() + ") full?", true);
        }
        return new LoadFailure(file, problem.getClass().getName() + ": " + problem.getMessage(), false);
    }

    private void showIfRunning(LoadProgress progress) {
        if (running.get() && !cancelling.get()) {
            show(progress);
        }
    }

    private void show(LoadProgress progress) {
        fileText.set(progress.comparing()
                ? "All " + progress.fileCount() + " snapshots read"
                : "Reading " + progress.fileName() + " (" + (progress.fileIndex() + 1) + " of " + progress.fileCount()
                        + ")");
        phaseText.set(progress.phase());
        amountText.set(amountOf(progress));
        overallProgress.set(progress.overall());
        // An unknown total shows an empty bar, not an animated one: animation repaints every frame, which
        // software rendering pays for on the FX thread while the workers want the same cores.
        phaseProgress.set(progress.total() > 0 ? Math.min(1, (double) progress.done() / progress.total()) : 0);
    }

    static String amountOf(LoadProgress progress) {
        if (progress.done() <= 0 && progress.total() <= 0) {
            return "";
        }
        if (progress.unitIsBytes()) {
            return progress.total() > 0
                    ? HumanSizes.size(progress.done()) + " of " + HumanSizes.size(progress.total())
                    : HumanSizes.size(progress.done());
        }
        return progress.total() > 0
                ? HumanSizes.count(progress.done()) + " of " + HumanSizes.count(progress.total()) + " objects"
                : HumanSizes.count(progress.done()) + " objects";
    }

    public ReadOnlyStringProperty fileTextProperty() {
        return fileText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty phaseTextProperty() {
        return phaseText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty amountTextProperty() {
        return amountText.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty overallProgressProperty() {
        return overallProgress.getReadOnlyProperty();
    }

    /** This phase's progress from 0 to 1; 0 while its total is unknown. */
    public ReadOnlyDoubleProperty phaseProgressProperty() {
        return phaseProgress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty cancellingProperty() {
        return cancelling.getReadOnlyProperty();
    }

    /** A consumer-friendly form of {@link Outcome}, for callers that use lambdas. */
    public static <P> Outcome<P> outcome(Function<Comparison, P> prepare, BiConsumer<Comparison, P> loaded,
            Consumer<LoadFailure> failed, Runnable cancelled) {
        return new Outcome<>() {
            @Override
            public P prepare(Comparison comparison) {
                return prepare.apply(comparison);
            }

            @Override
            public void loaded(Comparison comparison, P prepared) {
                loaded.accept(comparison, prepared);
            }

            @Override
            public void failed(LoadFailure failure) {
                failed.accept(failure);
            }

            @Override
            public void cancelled() {
                cancelled.run();
            }
        };
    }
}
