package dev.heapdelta.app.leaks.library;

/** What each leaking entry carries, so that its growth is worth a row: an id and a small buffer. */
record Payload(int id, byte[] bytes) {
    static Payload of(int id) {
        return new Payload(id, new byte[256]);
    }
}
