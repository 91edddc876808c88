package dev.heapdelta.app.leaks.library;

import com.google.common.collect.ArrayListMultimap;
import com.google.common.collect.ListMultimap;

/** A Guava multimap of audit events per user, three small events each, never trimmed. */
final class AuditLog {
    static final ListMultimap<Integer, Payload> EVENTS_BY_USER = ArrayListMultimap.create();
    static final int EVENTS_PER_USER = 3;

    private static int users;

    static void record(int newUsers) {
        for (int u = 0; u < newUsers; u++) {
            int user = users++;
            for (int e = 0; e < EVENTS_PER_USER; e++) {
                EVENTS_BY_USER.put(user, Payload.of(e));
            }
        }
    }
}
