package dev.heapdelta.app.leaks;

import dev.heapdelta.samples.SelfHeapDump;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;

/**
 * Two handlers that only their threads hold, nothing static: a {@link CheckoutHandler} that is a plain
 * {@code Thread}'s {@code Runnable}, and a {@link WishlistHandler} that an {@code ExecutorService}'s
 * worker runs. Dumped ({@code thread-held-t0.hprof} … {@code t2}, live objects only) after 200, 600
 * and 1,000 carts and 100, 300 and 500 wishlists; {@code main} keeps only the inboxes, not the handlers.
 */
public final class ThreadHeldHandlers {
    static final int[] CARTS = {200, 600, 1_000};
    static final int[] WISHLISTS = {100, 300, 500};

    private ThreadHeldHandlers() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        BlockingQueue<Integer> cartInbox = new LinkedBlockingQueue<>();
        BlockingQueue<Integer> wishlistInbox = new LinkedBlockingQueue<>();
        Semaphore handled = new Semaphore(0);
        Thread checkout = new Thread(new CheckoutHandler(cartInbox, handled), "checkout");
        checkout.setDaemon(true);
        checkout.start();
        ExecutorService wishlists = Executors.newSingleThreadExecutor();
        wishlists.execute(new WishlistHandler(wishlistInbox, handled));
        int carts = 0;
        int lists = 0;
        for (int moment = 0; moment < CARTS.length; moment++) {
            for (; carts < CARTS[moment]; carts++) {
                cartInbox.put(carts);
            }
            for (; lists < WISHLISTS[moment]; lists++) {
                wishlistInbox.put(lists);
            }
            cartInbox.put(-1);
            wishlistInbox.put(-1);
            handled.acquire(2);
            dump(directory.resolve("thread-held-t" + moment + ".hprof"));
        }
        wishlists.shutdownNow();
        System.exit(0);
    }

    /** In a method of its own, so that no local of the load loop is on the stack as a root. */
    private static void dump(Path hprof) throws IOException {
        SelfHeapDump.write(hprof, true);
    }
}
