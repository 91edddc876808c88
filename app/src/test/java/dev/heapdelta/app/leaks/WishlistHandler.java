package dev.heapdelta.app.leaks;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;

/**
 * A task an {@code ExecutorService} worker runs, keeping every wishlist in an instance field through a
 * {@code Collections.synchronizedMap} view: only the worker's frames reach it. Its inbox works as
 * {@link CheckoutHandler}'s.
 */
final class WishlistHandler implements Runnable {
    static final int WISHLIST_BYTES = 128;

    final Map<String, byte[]> wishlists = Collections.synchronizedMap(new HashMap<>());
    private final BlockingQueue<Integer> inbox;
    private final Semaphore handled;

    WishlistHandler(BlockingQueue<Integer> inbox, Semaphore handled) {
        this.inbox = inbox;
        this.handled = handled;
    }

    @Override
    public void run() {
        try {
            while (true) {
                int wishlist = inbox.take();
                if (wishlist < 0) {
                    handled.release();
                } else {
                    wishlists.put("wishlist-" + wishlist, new byte[WISHLIST_BYTES]);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
