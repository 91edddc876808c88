package dev.heapdelta.app.leaks.library;

import java.util.Map;
import java.util.WeakHashMap;

/**
 * A {@link WeakHashMap} whose values hold their own keys, so that no entry can ever be cleared (the
 * leak), and one whose keys nobody else holds, which the collector clears.
 */
final class SubscriptionRegistry {
    static final Map<Subscriber, Subscription> BY_ACCOUNT = new WeakHashMap<>();
    static final Map<Object, byte[]> SEEN = new WeakHashMap<>();

    static void subscribe(int subscribers) {
        for (int i = 0; i < subscribers; i++) {
            Subscriber subscriber = new Subscriber(i);
            BY_ACCOUNT.put(subscriber, new Subscription(subscriber, Payload.of(i)));
            SEEN.put(new Object(), new byte[256]);
        }
    }

    /** A key, equal only to itself, as weak keys usually are. */
    static final class Subscriber {
        private final int id;

        Subscriber(int id) {
            this.id = id;
        }

        int id() {
            return id;
        }
    }

    /** A value that holds its key strongly. */
    record Subscription(Subscriber subscriber, Payload payload) {
    }
}
