package dev.heapdelta.samples.service;

/** A catalogue entry. */
record Product(String sku, String title, long priceCents) {
    static Product load(String sku) {
        return new Product(sku, "Product " + sku, 100L + Math.floorMod(sku.hashCode(), 10_000));
    }
}
