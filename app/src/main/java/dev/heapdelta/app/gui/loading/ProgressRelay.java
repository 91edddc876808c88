package dev.heapdelta.app.gui.loading;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Hands the latest value from a worker thread to the FX thread, coalescing: however fast the
 * worker posts, at most one update is queued, so the FX thread never falls behind.
 */
final class ProgressRelay<T> {
    private final AtomicReference<T> latest = new AtomicReference<>();
    private final AtomicBoolean queued = new AtomicBoolean();
    private final Consumer<T> onFxThread;

    ProgressRelay(Consumer<T> onFxThread) {
        this.onFxThread = onFxThread;
    }

    void post(T value) {
        latest.set(value);
        if (queued.compareAndSet(false, true)) {
            Platform.runLater(() -> {
                queued.set(false);
                onFxThread.accept(latest.get());
            });
        }
    }
}
