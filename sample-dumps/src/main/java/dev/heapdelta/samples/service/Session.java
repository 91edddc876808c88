package dev.heapdelta.samples.service;

/** A logged-in user's server-side session: its token is a secret that reports must never print. */
record Session(String id, String userId, String token, byte[] attributes) {
}
