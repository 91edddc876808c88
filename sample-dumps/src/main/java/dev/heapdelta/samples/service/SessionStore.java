package dev.heapdelta.samples.service;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Sessions by session id. The leak: a session is opened on every request and nothing ever expires it. */
final class SessionStore {
    /** Marks every session token, so that tests can check that reports redact strings. */
    static final String SECRET_MARKER = "SECRET-TOKEN-";
    static final int ATTRIBUTES_BYTES = 512;

    static final Map<String, Session> CACHE = new HashMap<>();

    private SessionStore() {
    }

    static Session open(RequestContext request, long tokenBits) {
        String id = "session-" + request.number();
        Session session = new Session(id, request.userId(), SECRET_MARKER + Long.toHexString(tokenBits),
                serializedAttributes(request));
        CACHE.put(id, session);
        return session;
    }

    /** Looks like what a web framework serialises into a session: text, so the dumps gzip well. */
    private static byte[] serializedAttributes(RequestContext request) {
        StringBuilder text = new StringBuilder(ATTRIBUTES_BYTES);
        text.append("user=").append(request.userId()).append(";locale=en-GB;path=").append(request.path());
        for (int item = 0; text.length() < ATTRIBUTES_BYTES; item++) {
            text.append(";cart.item.").append(item).append("=sku-").append((request.number() * 31 + item) % 5000);
        }
        byte[] bytes = new byte[ATTRIBUTES_BYTES];
        byte[] encoded = text.toString().getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(encoded, 0, bytes, 0, ATTRIBUTES_BYTES);
        return bytes;
    }
}
