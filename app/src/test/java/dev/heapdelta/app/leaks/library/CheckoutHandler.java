package dev.heapdelta.app.leaks.library;

import java.util.HashMap;
import java.util.Map;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** An embedded Jetty handler that keeps a cart per request in an instance field and never drops it. */
final class CheckoutHandler extends Handler.Abstract {
    final Map<String, Payload> carts = new HashMap<>();

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        synchronized (carts) {
            carts.put(request.getHttpURI().getQuery(), Payload.of(carts.size()));
        }
        response.setStatus(200);
        callback.succeeded();
        return true;
    }
}
