package dev.heapdelta.samples.service;

import java.util.ArrayList;
import java.util.List;

/** A fixed pool of connections opened at start-up. Not a leak: the list keeps the same size. */
final class ConnectionPool {
    static final List<PooledConnection> CONNECTIONS = new ArrayList<>();

    private ConnectionPool() {
    }

    static void open(int size) {
        for (int i = 0; i < size; i++) {
            PooledConnection connection = new PooledConnection("db-" + (i % 3) + ".internal:5432");
            CONNECTIONS.add(connection);
            Interner.labelOf(connection, "connection-" + i);
        }
    }

    static PooledConnection connectionFor(RequestContext request) {
        return CONNECTIONS.get(request.number() % CONNECTIONS.size());
    }
}
