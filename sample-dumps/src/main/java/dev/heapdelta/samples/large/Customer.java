package dev.heapdelta.samples.large;

/** A customer: two Strings (the id is also the map key), an address and an opaque profile blob. */
record Customer(long number, String id, String email, Address address, byte[] profile) {
}
