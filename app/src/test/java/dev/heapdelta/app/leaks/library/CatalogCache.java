package dev.heapdelta.app.leaks.library;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;

/** Guava caches: one without a maximum that keeps every product (the leak), two bounded ones that are not. */
final class CatalogCache {
    static final Cache<Integer, Payload> PRODUCTS = CacheBuilder.newBuilder().build();
    static final Cache<Integer, Payload> RECENT = CacheBuilder.newBuilder().maximumSize(300).build();
    static final Cache<Integer, Payload> PRICES = CacheBuilder.newBuilder().maximumSize(6_000).build();

    private static int recentKeys;
    private static int priceKeys;

    static void serve(int products) {
        for (int i = 0; i < products; i++) {
            PRODUCTS.put((int) PRODUCTS.size(), Payload.of(i));
        }
        for (int i = 0; i < 600; i++) {
            RECENT.put(recentKeys++, Payload.of(i));
        }
        for (int i = 0; i < 1_000; i++) {
            PRICES.put(priceKeys++, Payload.of(i));
        }
    }
}
