package dev.heapdelta.samples.large;

/** A purchase event; it shares its customer with the customer map, so the customer's dominator is above both. */
record Event(long timestamp, int kind, int amountCents, Customer customer) {
}
