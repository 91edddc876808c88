package dev.heapdelta.samples.service;

import com.google.common.cache.CacheBuilder;
import com.google.common.cache.CacheLoader;
import com.google.common.cache.LoadingCache;

/** Catalogue entries by SKU in a Guava cache of at most 1,000 entries: full in every snapshot, and not a leak. */
final class BoundedCache {
    static final int MAXIMUM_SIZE = 1000;

    static final LoadingCache<String, Product> CACHE =
            CacheBuilder.newBuilder().maximumSize(MAXIMUM_SIZE).build(CacheLoader.from(Product::load));

    private BoundedCache() {
    }

    static Product productOf(String sku) {
        return CACHE.getUnchecked(sku);
    }
}
