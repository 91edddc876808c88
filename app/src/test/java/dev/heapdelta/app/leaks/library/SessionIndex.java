package dev.heapdelta.app.leaks.library;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Caffeine caches: an unbounded one that keeps every session (the leak), one full at its maximum and one
 * filling toward it. Maintenance runs on the caller, so that each dump sees the cache settled.
 */
final class SessionIndex {
    static final Cache<Integer, Payload> SESSIONS = Caffeine.newBuilder().executor(Runnable::run).build();
    static final Cache<Integer, Payload> ACTIVE = Caffeine.newBuilder().executor(Runnable::run).maximumSize(400)
            .build();
    static final Cache<Integer, Payload> TOKENS = Caffeine.newBuilder().executor(Runnable::run).maximumSize(4_000)
            .build();

    private static int sessionKeys;
    private static int activeKeys;
    private static int tokenKeys;

    static void serve(int sessions) {
        for (int i = 0; i < sessions; i++) {
            SESSIONS.put(sessionKeys++, Payload.of(i));
        }
        for (int i = 0; i < 800; i++) {
            ACTIVE.put(activeKeys++, Payload.of(i));
        }
        for (int i = 0; i < 700; i++) {
            TOKENS.put(tokenKeys++, Payload.of(i));
        }
        SESSIONS.cleanUp();
        ACTIVE.cleanUp();
        TOKENS.cleanUp();
    }
}
