package dev.heapdelta.app.gui.loading;

import dev.heapdelta.analyzer.analysis.DamagedIndexCacheEntryException;
import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.source.AnalysisCancelledException;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.store.MappedFileWatch;
import dev.heapdelta.app.gui.session.Comparison;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;

/**
 * The leak detectors' run over a comparison already on screen: the overview shows the snapshots and the class
 * diff at once, and its suspect cards once this search has found them. One search per comparison; it can be
 * cancelled and started again. Made on any thread; started, cancelled and observed on the FX thread.
 *
 * @param <P> what {@code prepare} makes of the comparison with its suspects, on the worker thread
 */
public final class SuspectSearch<P> {
    /** Where the search is. */
    public enum State { WAITING, RUNNING, CANCELLED, FAILED, DONE }

    private final Comparison pending;
    private final Executor executor;
    private final Function<Comparison, P> prepare;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.WAITING);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private Consumer<P> found = prepared -> { };
    private BiConsumer<Snapshot, DamagedIndexCacheEntryException> damaged = (snapshot, damage) -> { };
    private CancelSignal cancel = CancelSignal.NEVER;
    private Task<P> running;

    /**
     * @param pending a comparison whose report has no findings yet ({@link Comparison#suspectsPending()})
     * @param prepare runs on the worker thread with the comparison and its findings: what the views need of it
     */
    public SuspectSearch(Comparison pending, Executor executor, Function<Comparison, P> prepare) {
        this.pending = pending;
        this.executor = executor;
        this.prepare = prepare;
    }

    /** The comparison the suspects are searched for. */
    public Comparison comparison() {
        return pending;
    }

    /** Starts the search; {@code found} gets what was prepared, on the FX thread, unless it is cancelled first. */
    public void start(Consumer<P> found) {
        start(found, (snapshot, damage) -> { });
    }

    /**
     * Starts the search as {@link #start(Consumer)}; it first checks the index-cache entries the snapshots were
     * reopened from (the overview shows them before), and {@code damaged} gets, on the FX thread, the first
     * snapshot found damaged instead of any suspects: the search is then cancelled, and that dump is to be read
     * afresh.
     */
    public void start(Consumer<P> found, BiConsumer<Snapshot, DamagedIndexCacheEntryException> damaged) {
        this.found = found;
        this.damaged = damaged;
        run();
    }

    /** Starts a cancelled or failed search again. */
    public void retry() {
        if (state.get() == State.CANCELLED || state.get() == State.FAILED) {
            run();
        }
    }

    /** Stops a running search at its next step; its result, should it come anyway, is dropped. */
    public void cancel() {
        if (state.get() == State.RUNNING || state.get() == State.WAITING) {
            cancel.cancel();
            running = null;
            state.set(State.CANCELLED);
        }
    }

    private void run() {
        CancelSignal signal = new CancelSignal();
        cancel = signal;
        problem.set("");
        progress.set(0);
        state.set(State.RUNNING);
        Snapshot[] damagedSnapshot = new Snapshot[1];
        Task<P> task = new Task<>() {
            @Override
            protected P call() throws DamagedIndexCacheEntryException {
                // Before the detectors walk the graph: an entry shown unchecked may hold anything.
                for (Snapshot snapshot : pending.snapshots()) {
                    damagedSnapshot[0] = snapshot;
                    snapshot.checkIndexCacheEntry();
                    signal.throwIfCancelled();
                }
                Comparison withSuspects = pending.withSuspects(ComparisonReports.withSuspects(pending.report(),
                        pending.snapshots(), signal, (done, total) -> updateProgress(done, total)));
                signal.throwIfCancelled();
                return prepare.apply(withSuspects);
            }

            @Override
            public String toString() {
                return "find the suspects";
            }
        };
        running = task;
        task.progressProperty().addListener((o, old, now) -> {
            if (running == task && now.doubleValue() >= 0) {
                progress.set(now.doubleValue());
            }
        });
        task.setOnSucceeded(event -> {
            if (running == task) {
                running = null;
                progress.set(1);
                state.set(State.DONE);
                found.accept(task.getValue());
            }
        });
        task.setOnFailed(event -> {
            if (running == task) {
                running = null;
                Throwable failure = MappedFileWatch.explained(task.getException());
                if (failure instanceof AnalysisCancelledException) {
                    state.set(State.CANCELLED);
                    return;
                }
                if (failure instanceof DamagedIndexCacheEntryException damage) {
                    state.set(State.CANCELLED);
                    // The task's end happens before this handler runs: the array's write is seen.
                    damaged.accept(damagedSnapshot[0], damage);
                    return;
                }
                problem.set(failure instanceof OutOfMemoryError
                        ? "not enough memory to search them (start HeapDelta with a larger -Xmx)"
                        : String.valueOf(failure.getMessage()));
                state.set(State.FAILED);
            }
        });
        executor.execute(task);
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** From 0 to 1, in the detectors' steps. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Why the search failed; empty unless it did. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
