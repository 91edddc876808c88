package dev.heapdelta.app.gui.session;

import dev.heapdelta.analyzer.store.MappedFileWatch;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.concurrent.Task;

/** Runs a query off the FX thread through the injected executor and hands its result back on the FX thread. */
public final class BackgroundJob {
    private BackgroundJob() {
    }

    /**
     * @param name what the job does, for thread dumps and error messages
     * @param onFailure receives anything the query threw; the query's own bugs included, so that a view shows
     *     them instead of spinning forever; the bus error of a dump cut while open as that file's one-line error
     */
    public static <T> void run(Executor executor, String name, Callable<T> query, Consumer<T> onResult,
            Consumer<Throwable> onFailure) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return query.call();
            }

            @Override
            public String toString() {
                return name;
            }
        };
        task.setOnSucceeded(event -> onResult.accept(task.getValue()));
        task.setOnFailed(event -> onFailure.accept(MappedFileWatch.explained(task.getException())));
        executor.execute(task);
    }
}
