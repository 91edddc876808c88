package dev.heapdelta.app.leaks.library;

import java.util.LinkedHashMap;
import java.util.Map;

/** An LRU map that drops its eldest entry beyond 200: full in every dump, never a leak. */
final class RecentlyViewed {
    static final int CAPACITY = 200;
    static final Map<Integer, Payload> ITEMS = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Payload> eldest) {
            return size() > CAPACITY;
        }
    };

    private static int keys;

    static void view(int items) {
        for (int i = 0; i < items; i++) {
            ITEMS.put(keys++, Payload.of(i));
        }
    }
}
