package dev.heapdelta.samples.large;

import java.util.HashMap;
import java.util.LinkedList;
import java.util.Map;

/**
 * The structures of the large HPROF shape, held in static fields as a real service would hold them. Many small
 * objects and a deep list, not a few huge arrays: what makes a dump hard to analyse.
 */
public final class LargeHeap {
    static Map<String, Customer> CUSTOMERS;
    static Map<Integer, Integer> COUNTERS;
    static Event[] EVENTS;
    static TreeNode TREE;
    static LinkedList<Long> HISTORY;
    static Object[][] BOXES;
    static byte[][] BLOBS;
    /** A large prime: each seed moves the references by a stride unrelated to the structures' sizes. */
    private static final long SHIFT = 1_000_003L;

    private LargeHeap() {
    }

    /** Builds every structure, replacing any earlier build. */
    public static void build(ShapeCounts counts) {
        build(counts, 0);
    }

    /**
     * Builds every structure; {@code seed} shifts which customer each event and box points at and which
     * event each box holds, so that two seeds' dumps differ in more than their counts (0: the reference shape).
     */
    public static void build(ShapeCounts counts, int seed) {
        Customer[] customers = buildCustomers(counts.customers());
        COUNTERS = buildCounters(counts.counters());
        EVENTS = buildEvents(counts.events(), customers, seed);
        TREE = buildTree(counts.treeNodes());
        HISTORY = buildHistory(counts.historyLength());
        BOXES = buildBoxes(counts.boxes(), customers, seed);
        BLOBS = buildBlobs(counts.blobs());
    }

    private static Customer[] buildCustomers(int count) {
        Map<String, Customer> byId = new HashMap<>(capacityFor(count));
        Customer[] customers = new Customer[count];
        for (int i = 0; i < count; i++) {
            String id = "cust-" + zeroPadded(i);
            byte[] profile = new byte[ShapeCounts.PROFILE_BYTES];
            profile[i % profile.length] = (byte) i;
            Address address = new Address(1 + i % 999, 10_000 + i % 90_000, i * 0x9E3779B97F4A7C15L);
            customers[i] = new Customer(i, id, id + "@example.com", address, profile);
            byId.put(id, customers[i]);
        }
        CUSTOMERS = byId;
        return customers;
    }

    private static Map<Integer, Integer> buildCounters(int count) {
        Map<Integer, Integer> counters = new HashMap<>(capacityFor(count));
        for (int i = 0; i < count; i++) {
            // Above the Integer cache, so that every counter is an object of its own.
            Integer value = Integer.valueOf(1_000 + i);
            counters.put(value, value);
        }
        return counters;
    }

    private static Event[] buildEvents(int count, Customer[] customers, int seed) {
        Event[] events = new Event[count];
        long start = 1_700_000_000_000L;
        for (int i = 0; i < count; i++) {
            events[i] = new Event(start + i * 1_000L, i % 7, 100 + i % 50_000,
                    customers[(int) ((i * 7L + seed * SHIFT) % customers.length)]);
        }
        return events;
    }

    /** A complete binary tree in heap order: the children of node i are 2i+1 and 2i+2. */
    private static TreeNode buildTree(int count) {
        TreeNode[] nodes = new TreeNode[count];
        for (int i = count - 1; i >= 0; i--) {
            int left = 2 * i + 1;
            nodes[i] = new TreeNode(i, left < count ? nodes[left] : null, left + 1 < count ? nodes[left + 1] : null);
        }
        return nodes[0];
    }

    private static LinkedList<Long> buildHistory(int count) {
        LinkedList<Long> history = new LinkedList<>();
        for (int i = 0; i < count; i++) {
            history.add(Long.valueOf(1_000L + i));
        }
        return history;
    }

    /** Small arrays that each reference an event and a customer, crossing the other structures. */
    private static Object[][] buildBoxes(int count, Customer[] customers, int seed) {
        Object[][] boxes = new Object[count][];
        for (int i = 0; i < count; i++) {
            Object[] box = new Object[ShapeCounts.BOX_LENGTH];
            box[0] = EVENTS[(int) ((i * 13L + seed * SHIFT) % EVENTS.length)];
            box[1] = customers[(int) ((i * 17L + seed * SHIFT) % customers.length)];
            boxes[i] = box;
        }
        return boxes;
    }

    private static byte[][] buildBlobs(int count) {
        byte[][] blobs = new byte[count][];
        for (int i = 0; i < count; i++) {
            blobs[i] = new byte[ShapeCounts.BLOB_BYTES];
            blobs[i][i] = 1;
        }
        return blobs;
    }

    private static int capacityFor(int entries) {
        return (int) Math.min(Integer.MAX_VALUE - 8, (long) Math.ceil(entries / 0.75));
    }

    private static String zeroPadded(int number) {
        String digits = Integer.toString(number);
        return "0".repeat(Math.max(0, 8 - digits.length())) + digits;
    }
}
