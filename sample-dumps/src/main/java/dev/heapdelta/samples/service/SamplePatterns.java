package dev.heapdelta.samples.service;

import java.util.List;

/** The seven patterns of the sample service, leaks first, with the element counts its rules imply. */
public final class SamplePatterns {
    /** Starts every session token, so that tests can check that reports redact strings. */
    public static final String SECRET_MARKER = SessionStore.SECRET_MARKER;

    private SamplePatterns() {
    }

    public static List<PatternExpectation> all() {
        return List.of(
                new PatternExpectation("session-cache", SessionStore.class, "CACHE", "java.util.HashMap",
                        "growing", "growing-collection",
                        "one Session per request (byte[512] attributes, token String starting "
                                + SessionStore.SECRET_MARKER + "), never expired",
                        requests -> requests),
                new PatternExpectation("listener-accumulation", EventBus.class, "LISTENERS", "java.util.ArrayList",
                        "growing", "listener-accumulation",
                        "every 4th request subscribes an UploadProgressListener (long[64]) and never unsubscribes",
                        requests -> ceilDiv(requests, 4)),
                new PatternExpectation("unbounded-queue", WorkQueue.class, "PENDING", "java.util.ArrayDeque",
                        "growing", "growing-collection",
                        "every request submits a Job (byte[256] body); the worker runs one per two requests",
                        requests -> ceilDiv(requests, 2)),
                new PatternExpectation("unbounded-guava-cache", UserCache.class, "CACHE",
                        "com.google.common.cache.LocalCache$LocalLoadingCache", "growing", "growing-collection",
                        "a UserProfile (byte[256] avatar) per distinct user; two requests in five bring a new user;"
                                + " built without maximumSize",
                        requests -> requests == 0 ? 0 : SampleService.userNumberOf(requests - 1) + 1),
                new PatternExpectation("bounded-guava-cache", BoundedCache.class, "CACHE",
                        "com.google.common.cache.LocalCache$LocalLoadingCache", "flat", null,
                        "maximumSize(" + BoundedCache.MAXIMUM_SIZE + "), warmed with "
                                + SampleService.PRELOADED_PRODUCTS + " SKUs at start-up: full in every snapshot",
                        requests -> BoundedCache.MAXIMUM_SIZE),
                new PatternExpectation("weak-keys", Interner.class, "WEAK", "java.util.WeakHashMap",
                        "flat", null,
                        "labels for every request (keys die with the request) and for the pooled connections"
                                + " (keys stay); counts are live keys only",
                        requests -> SampleService.CONNECTIONS),
                new PatternExpectation("steady-list", ConnectionPool.class, "CONNECTIONS", "java.util.ArrayList",
                        "flat", null,
                        "the connection pool, opened at start-up (byte[4096] read buffer each)",
                        requests -> SampleService.CONNECTIONS));
    }

    private static int ceilDiv(int dividend, int divisor) {
        return (dividend + divisor - 1) / divisor;
    }
}
