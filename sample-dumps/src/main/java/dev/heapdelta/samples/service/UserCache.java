package dev.heapdelta.samples.service;

import com.google.common.cache.CacheBuilder;
import com.google.common.cache.CacheLoader;
import com.google.common.cache.LoadingCache;

/** User profiles memoised with Guava. The leak: the cache was built without a maximum size or an expiry. */
final class UserCache {
    static final LoadingCache<String, UserProfile> CACHE =
            CacheBuilder.newBuilder().recordStats().build(CacheLoader.from(UserProfile::load));

    private UserCache() {
    }

    static UserProfile profileOf(String userId) {
        return CACHE.getUnchecked(userId);
    }
}
