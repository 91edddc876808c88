package dev.heapdelta.app.leaks;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;

/**
 * A task an {@code ExecutorService} worker runs, keeping every wishlist in an instance field through a
 * {@code Collections.synchronizedMap} view: only the worker's frames reach it.
 */
final class WishlistHandler extends InboxHandler {
    static final int WISHLIST_BYTES = 128;

    final Map<String, byte[]> wishlists = Collections.synchronizedMap(new HashMap<>());

    WishlistHandler(BlockingQueue<Integer> inbox, Semaphore handled) {
        super(inbox, handled);
    }

    @Override
    void handle(int wishlist) {
        wishlists.put("wishlist-" + wishlist, new byte[WISHLIST_BYTES]);
    }
}
