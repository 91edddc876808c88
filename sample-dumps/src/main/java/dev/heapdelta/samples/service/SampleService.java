package dev.heapdelta.samples.service;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A small checkout service that leaks: it handles numbered requests, and each request touches every pattern.
 * Its state is static, as in the services people dump, so it starts once per JVM.
 */
public final class SampleService {
    static final int CONNECTIONS = 48;
    static final int PRELOADED_PRODUCTS = 2000;
    static final int CATALOGUE_SIZE = 5000;
    static final int JOB_BODY_BYTES = 256;

    private final SplittableRandom tokenBits = new SplittableRandom(20_240_501L);
    private int handledRequests;

    private SampleService() {
    }

    /** Opens the connection pool and warms the catalogue cache past its maximum size. */
    public static SampleService start() {
        if (!ConnectionPool.CONNECTIONS.isEmpty()) {
            throw new IllegalStateException("the sample service is already running in this JVM");
        }
        ConnectionPool.open(CONNECTIONS);
        for (int i = 0; i < PRELOADED_PRODUCTS; i++) {
            BoundedCache.productOf(sku(i));
        }
        return new SampleService();
    }

    /** Handles requests until {@code totalRequests} have been handled since the start. */
    public void serveUntil(int totalRequests) {
        while (handledRequests < totalRequests) {
            handle(handledRequests++);
        }
    }

    public int handledRequests() {
        return handledRequests;
    }

    private void handle(int number) {
        RequestContext request = new RequestContext(number, "user-" + userNumberOf(number), "/checkout/" + number);
        Interner.labelOf(request, "request-" + number);
        ConnectionPool.connectionFor(request).serve(request);
        Session session = SessionStore.open(request, tokenBits.nextLong());
        UserCache.profileOf(request.userId());
        BoundedCache.productOf(sku(number * 7919 % CATALOGUE_SIZE));
        if (number % 4 == 0) {
            EventBus.subscribe(new UploadProgressListener("upload-" + number));
        }
        EventBus.publish("upload.progress", number);
        WorkQueue.submit(new Job("reindex-" + session.id(), Arrays.copyOf(session.attributes(), JOB_BODY_BYTES)));
        if (number % 2 == 1) {
            WorkQueue.runOldest();
        }
    }

    /** Two requests in five come from a user not seen before. */
    static int userNumberOf(int requestNumber) {
        return 2 * requestNumber / 5;
    }

    static String sku(int productNumber) {
        return "sku-" + productNumber;
    }
}
