package dev.heapdelta.app.leaks;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;

/**
 * A request handler that runs as its own thread's {@code Runnable} and keeps every cart it is asked
 * for in an instance field: only that thread (its {@code target}, its frame's {@code this}) reaches it.
 */
final class CheckoutHandler extends InboxHandler {
    static final int CART_BYTES = 512;

    final Map<String, byte[]> carts = new HashMap<>();

    CheckoutHandler(BlockingQueue<Integer> inbox, Semaphore handled) {
        super(inbox, handled);
    }

    @Override
    void handle(int cart) {
        carts.put("cart-" + cart, new byte[CART_BYTES]);
    }
}
