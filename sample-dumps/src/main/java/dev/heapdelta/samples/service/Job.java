package dev.heapdelta.samples.service;

/** A background job: re-indexing the body of a request. */
record Job(String id, byte[] body) {
    long run() {
        long checksum = 0;
        for (byte b : body) {
            checksum = checksum * 31 + b;
        }
        return checksum;
    }
}
