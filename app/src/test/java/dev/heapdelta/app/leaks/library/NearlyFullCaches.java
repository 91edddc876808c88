package dev.heapdelta.app.leaks.library;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.heapdelta.samples.SelfHeapDump;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A Guava and a Caffeine cache, each with {@code maximumSize(1_000)}, filling to 300, 650 and then 950
 * entries, close to their maximum, while a plain map beside them keeps every order (the leak). Dumps
 * itself ({@code caches-t0.hprof} … {@code t2}, live objects only) after each step.
 */
public final class NearlyFullCaches {
    static final int MAXIMUM = 1_000;
    static final int[] CACHED = {300, 650, 950};
    static final int[] ORDERS = {200, 600, 1_000};

    /** One segment, so that Guava evicts only past the whole maximum, not past a segment's share of it. */
    static final com.google.common.cache.Cache<Integer, Payload> PRICES = com.google.common.cache.CacheBuilder
            .newBuilder().concurrencyLevel(1).maximumSize(MAXIMUM).build();
    /** Maintenance on the caller, so that each dump sees the cache settled. */
    static final Cache<Integer, Payload> TOKENS = Caffeine.newBuilder().executor(Runnable::run).maximumSize(MAXIMUM)
            .build();
    static final Map<Integer, Payload> ORDER_LOG = new HashMap<>();

    private NearlyFullCaches() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        for (int moment = 0; moment < CACHED.length; moment++) {
            for (int key = (int) PRICES.size(); key < CACHED[moment]; key++) {
                PRICES.put(key, Payload.of(key));
                TOKENS.put(key, Payload.of(key));
            }
            TOKENS.cleanUp();
            for (int key = ORDER_LOG.size(); key < ORDERS[moment]; key++) {
                ORDER_LOG.put(key, Payload.of(key));
            }
            dump(directory.resolve("caches-t" + moment + ".hprof"));
        }
        System.exit(0);
    }

    /** In a method of its own, so that no local of the fill loop is on the stack as a root. */
    private static void dump(Path hprof) throws java.io.IOException {
        SelfHeapDump.write(hprof, true);
    }
}
