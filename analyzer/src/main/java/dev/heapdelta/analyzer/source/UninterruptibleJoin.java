package dev.heapdelta.analyzer.source;

/**
 * Waits for a helper thread that still writes into, or reads from, what its caller is about to use or
 * close: an interrupt cannot cut the wait short, only be kept for the caller, set again once the thread has ended.
 */
public final class UninterruptibleJoin {
    private UninterruptibleJoin() {
    }

    public static void await(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
