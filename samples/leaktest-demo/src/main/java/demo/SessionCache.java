package demo;

import java.util.LinkedHashMap;
import java.util.Map;

/** A least-recently-used cache of at most {@code capacity} sessions: bounded, so not a leak. */
public final class SessionCache {
    private final Map<String, byte[]> sessions;

    public SessionCache(int capacity) {
        sessions = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
                return size() > capacity;
            }
        };
    }

    public void put(String id, byte[] session) {
        sessions.put(id, session);
    }

    public int size() {
        return sessions.size();
    }
}
