package dev.heapdelta.app.leaks;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;

/**
 * A handler that its thread runs for as long as the program lives, taking ids from its inbox: each
 * id is handed to {@link #handle}, and a negative one asks it to release {@code handled} once all
 * before it are handled, so that the program dumps only after they are stored. The subclasses declare
 * the field that keeps what they handle, since a leak's row names the field's declaring class.
 */
abstract class InboxHandler implements Runnable {
    private final BlockingQueue<Integer> inbox;
    private final Semaphore handled;

    InboxHandler(BlockingQueue<Integer> inbox, Semaphore handled) {
        this.inbox = inbox;
        this.handled = handled;
    }

    abstract void handle(int id);

    @Override
    public final void run() {
        try {
            while (true) {
                int id = inbox.take();
                if (id < 0) {
                    handled.release();
                } else {
                    handle(id);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
