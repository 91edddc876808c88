package dev.heapdelta.app.leaks.library;

import dev.heapdelta.samples.SelfHeapDump;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Path;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A small service built on real libraries, leaking in nine ways at once, that dumps itself three
 * times ({@code library-t0.hprof} … {@code t2}, live objects only) after 1, 3 and 5 units of load.
 * Each unit adds a known number of entries to each leak (the constants below), so the expected
 * counts are known; the bounded caches, the LRU map and the clearing weak map stay put.
 */
public final class LibraryLeaks {
    static final int[] UNITS = {1, 3, 5};
    static final int RETRIES = 100;
    static final int REMINDERS = 150;
    static final int PAGES = 400;
    static final int PRODUCTS = 200;
    static final int SESSIONS = 250;
    static final int SUBSCRIBERS = 120;
    static final int AUDITED_USERS = 100;
    static final int HANDLERS = 20;
    static final int CHECKOUTS = 60;

    private LibraryLeaks() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        Server server = new Server(0);
        server.setHandler(new CheckoutHandler());
        server.start();
        int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
        PdfRenderer.startEveryThread();
        int done = 0;
        int checkout = 0;
        for (int moment = 0; moment < UNITS.length; moment++) {
            for (; done < UNITS[moment]; done++) {
                for (int i = 0; i < RETRIES; i++) {
                    PaymentGateway.INSTANCE.scheduleRetry(i);
                }
                for (int i = 0; i < REMINDERS; i++) {
                    ReminderService.remind(i);
                }
                PdfRenderer.render(PAGES);
                CatalogCache.serve(PRODUCTS);
                SessionIndex.serve(SESSIONS);
                SubscriptionRegistry.subscribe(SUBSCRIBERS);
                AuditLog.record(AUDITED_USERS);
                for (int i = 0; i < HANDLERS; i++) {
                    AuditHandler.addOne();
                }
                for (int i = 0; i < CHECKOUTS; i++) {
                    checkout(port, checkout++);
                }
                RecentlyViewed.view(500);
            }
            dump(directory.resolve("library-t" + moment + ".hprof"));
        }
        server.stop();
        System.exit(0);
    }

    private static void checkout(int port, int cart) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/checkout?cart-"
                + cart).toURL().openConnection();
        if (connection.getResponseCode() != 200) {
            throw new IOException("checkout " + cart + " answered " + connection.getResponseCode());
        }
        connection.getInputStream().close();
    }

    /** In a method of its own, so that no local of the load loop is on the stack as a root. */
    private static void dump(Path hprof) throws IOException {
        SelfHeapDump.write(hprof, true);
    }
}
