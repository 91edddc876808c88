package dev.heapdelta.analyzer.inspections;

import dev.heapdelta.analyzer.leaks.BackingArray;

/** A collection's backing array (or hash table) with its capacity in entries, and the bytes of its unused slots. */
record CollectionFill(BackingArray backing, long unusedBytes) {
}
