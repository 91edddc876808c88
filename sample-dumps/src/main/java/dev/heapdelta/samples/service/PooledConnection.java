package dev.heapdelta.samples.service;

/** A connection to a backend, with the read buffer it keeps for its whole life. */
final class PooledConnection {
    private static final int READ_BUFFER_BYTES = 4096;

    private final String endpoint;
    private final byte[] readBuffer = new byte[READ_BUFFER_BYTES];
    private long requestsServed;

    PooledConnection(String endpoint) {
        this.endpoint = endpoint;
    }

    void serve(RequestContext request) {
        readBuffer[request.number() % READ_BUFFER_BYTES] = (byte) request.number();
        requestsServed++;
    }

    String endpoint() {
        return endpoint;
    }
}
