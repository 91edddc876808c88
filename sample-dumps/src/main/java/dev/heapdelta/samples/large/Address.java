package dev.heapdelta.samples.large;

/** A customer's postal address, without strings so that the shape's object count stays as specified. */
record Address(int houseNumber, int postalCode, long geoHash) {
}
