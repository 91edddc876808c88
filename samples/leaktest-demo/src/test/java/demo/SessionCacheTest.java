package demo;

import dev.heapdelta.junit.LeakTest;
import org.junit.jupiter.api.Test;

/** Passes: the cache is full after the warm-up and evicts as much as it takes. */
@LeakTest(iterations = 4)
class SessionCacheTest {
    static final SessionCache CACHE = new SessionCache(1_000);
    static int next;

    @Test
    void storesSessions() {
        for (int i = 0; i < 800; i++) {
            CACHE.put("session-" + next++, new byte[256]);
        }
    }
}
