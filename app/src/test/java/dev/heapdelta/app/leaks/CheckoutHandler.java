package dev.heapdelta.app.leaks;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;

/**
 * A request handler that runs as its own thread's {@code Runnable} and keeps every cart it is asked
 * for in an instance field: only that thread (its {@code target}, its frame's {@code this}) reaches it.
 * It takes cart ids from its inbox; a negative id asks it to release {@code handled} once all before it
 * are stored.
 */
final class CheckoutHandler implements Runnable {
    static final int CART_BYTES = 512;

    final Map<String, byte[]> carts = new HashMap<>();
    private final BlockingQueue<Integer> inbox;
    private final Semaphore handled;

    CheckoutHandler(BlockingQueue<Integer> inbox, Semaphore handled) {
        this.inbox = inbox;
        this.handled = handled;
    }

    @Override
    public void run() {
        try {
            while (true) {
                int cart = inbox.take();
                if (cart < 0) {
                    handled.release();
                } else {
                    carts.put("cart-" + cart, new byte[CART_BYTES]);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
