package dev.heapdelta.analyzer.dominators;

import dev.heapdelta.analyzer.source.UninterruptibleJoin;

/**
 * Runs a loop over independent indexes as two halves at once, the first on a thread of its own and
 * the second on the caller's: the passes of the dominator tree that only scatter or gather per object
 * are bound by memory latency, which two cores overlap. Small ranges run on the caller alone.
 */
final class BothCores {
    /** Below this, starting a thread costs more than it saves. */
    private static final int PARALLEL_THRESHOLD = 1 << 16;

    /** The body of a loop over {@code from .. to - 1}; called once per half, on disjoint halves. */
    @FunctionalInterface
    interface Range {
        void run(int from, int to);
    }

    private BothCores() {
    }

    static void split(int from, int to, Range body) {
        if (to - from < PARALLEL_THRESHOLD || Runtime.getRuntime().availableProcessors() < 2) {
            body.run(from, to);
            return;
        }
        int middle = from + (to - from) / 2;
        RuntimeException[] failure = new RuntimeException[1];
        Thread first = new Thread(() -> {
            try {
                body.run(from, middle);
            } catch (RuntimeException e) {
                failure[0] = e;
            }
        }, "heapdelta-dominators-half");
        first.setDaemon(true);
        first.start();
        body.run(middle, to);
        // The half still writes into the caller's columns: an interrupt waits for it, then stays set.
        UninterruptibleJoin.await(first);
        if (failure[0] != null) {
            throw failure[0];
        }
    }
}
