package dev.heapdelta.samples.service;

import java.util.ArrayDeque;
import java.util.Deque;

/** Jobs waiting for the single worker. The leak: the queue is unbounded and the worker runs one job per two submitted. */
final class WorkQueue {
    static final Deque<Job> PENDING = new ArrayDeque<>();

    private static long completedChecksum;

    private WorkQueue() {
    }

    static void submit(Job job) {
        PENDING.addLast(job);
    }

    static void runOldest() {
        Job job = PENDING.pollFirst();
        if (job != null) {
            completedChecksum += job.run();
        }
    }
}
