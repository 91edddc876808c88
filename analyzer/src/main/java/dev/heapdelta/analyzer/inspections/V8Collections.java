package dev.heapdelta.analyzer.inspections;

import dev.heapdelta.analyzer.graph.EdgeKind;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.leaks.BackingArray;
import dev.heapdelta.analyzer.leaks.Container;

/**
 * What a V8 snapshot tells of a {@code Map}'s, {@code Set}'s and {@code Array}'s storage, for the empty
 * collections and the fill ratios. A Map or Set keeps its entries in an OrderedHashTable, a FixedArray of
 * 3 header slots, b buckets and 2b entries of 3 (Map: key, value, chain) or 2 (Set) slots; the snapshot
 * holds no small integers, so b is read from the table's size, a FixedArray header plus one slot per
 * element: 16 + 8n bytes, or 8 + 4n with pointer compression. An Array is known to be empty
 * only when it has no elements store of its own (V8's shared empty one, which the snapshot leaves out):
 * an array of small integers or doubles has no element edges either.
 */
final class V8Collections {
    private static final int COLLECTION_SLOTS = 4;
    private static final int ARRAY_HEADER_SLOTS = 2;
    private static final int TABLE_HEADER_SLOTS = 3;

    private V8Collections() {
    }

    /** Whether the inspection counts this container: a Map, a Set or an Array, not a plain object. */
    static boolean isCollection(HeapGraph graph, Container container) {
        return switch (graph.classNameOf(container.object())) {
            case "Map", "Set", "Array" -> true;
            default -> false;
        };
    }

    static boolean isEmpty(HeapGraph graph, Container container) {
        if (container.elements() != 0) {
            return false;
        }
        return !graph.classNameOf(container.object()).equals("Array")
                || internalTarget(graph, container.object(), "elements") < 0;
    }

    /**
     * The Map's or Set's table and how full it is, or null for an Array or a table of no known shape. The
     * table's bytes are on the collection where the reader moved them to their one owner (as DevTools
     * does), on the table otherwise: their sum is a JSMap or JSSet (4 slots) plus the table's FixedArray
     * (2 header slots and its elements), 9 + b·(1 + 2·slotsPerEntry) slots in all.
     */
    static CollectionFill fillOf(HeapGraph graph, Container container) {
        String className = graph.classNameOf(container.object());
        int slotsPerEntry = className.equals("Map") ? 3 : className.equals("Set") ? 2 : 0;
        int table = slotsPerEntry == 0 ? -1 : internalTarget(graph, container.object(), "table");
        if (table < 0) {
            return null;
        }
        long bytes = graph.shallowSizeOf(container.object()) + graph.shallowSizeOf(table);
        long perBucket = 1 + 2L * slotsPerEntry;
        for (int slotBytes : new int[] {8, 4}) {
            if (bytes % slotBytes != 0) {
                continue;
            }
            long bucketSlots = bytes / slotBytes - COLLECTION_SLOTS - ARRAY_HEADER_SLOTS - TABLE_HEADER_SLOTS;
            long buckets = bucketSlots / perBucket;
            if (buckets > 0 && Long.bitCount(buckets) == 1 && buckets * perBucket == bucketSlots) {
                long capacity = 2 * buckets;
                long unused = capacity - Math.min(capacity, container.elements());
                long length = TABLE_HEADER_SLOTS + bucketSlots;
                return new CollectionFill(new BackingArray(table, capacity, length),
                        unused * slotsPerEntry * slotBytes);
            }
        }
        return null;
    }

    private static int internalTarget(HeapGraph graph, int object, String name) {
        for (int e = graph.firstEdge(object); e < graph.endEdge(object); e++) {
            if (graph.edgeKind(e) == EdgeKind.V8_INTERNAL && graph.details().edgeName(e).equals(name)) {
                return graph.edgeTarget(e);
            }
        }
        return -1;
    }
}
