package dev.heapdelta.analyzer.source;

/**
 * Cooperative cancellation, checked inside long loops. Thread interrupts are not used because an
 * interrupt closes the {@code FileChannel} a reader is using.
 */
public final class CancelSignal {
    /** A signal that is never raised, for callers that cannot cancel. */
    public static final CancelSignal NEVER = new CancelSignal();

    private volatile boolean cancelled;

    public void cancel() {
        if (this != NEVER) {
            cancelled = true;
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public void throwIfCancelled() {
        if (cancelled) {
            throw new AnalysisCancelledException();
        }
    }
}
