package dev.heapdelta.app.leaks;

import dev.heapdelta.samples.SelfHeapDump;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Two independent leaks whose entries are partly {@code String}s, and a one-time load of more strings,
 * dumped after 1, 2 and 3 units of load ({@code two-leaks-t0.hprof} … {@code t2}, live objects only).
 * Per unit: {@value #ORDERS_PER_UNIT} orders kept in {@link #ORDERS} (each with two strings of its own
 * and a body), and one audit line per order in {@link #AUDIT}. Before the second dump, a catalogue of
 * {@value #LABELS} labels is loaded once and kept unchanged. The strings grow by 9,000 from the first
 * dump to the last, of which the two leaks hold 6,000 (two thirds): the rest is the one-time load.
 */
public final class TwoLeaksSharingAClass {
    static final int ORDERS_PER_UNIT = 1_000;
    static final int LABELS = 3_000;
    static final int BODY_BYTES = 256;
    static final int MOMENTS = 3;

    record Order(String customer, String note, byte[] body) {
    }

    static final Map<Integer, Order> ORDERS = new HashMap<>();
    static final List<String> AUDIT = new ArrayList<>();
    static String[] catalogue = new String[0];

    private TwoLeaksSharingAClass() {
    }

    public static void main(String[] args) throws IOException {
        Path directory = Path.of(args[0]);
        int order = 0;
        for (int moment = 0; moment < MOMENTS; moment++) {
            for (int i = 0; i < ORDERS_PER_UNIT; i++, order++) {
                ORDERS.put(order, new Order("customer-" + order, "note for order " + order, new byte[BODY_BYTES]));
                AUDIT.add("order " + order + " placed");
            }
            if (moment == 1) {
                catalogue = new String[LABELS];
                for (int label = 0; label < LABELS; label++) {
                    catalogue[label] = "catalogue label " + label;
                }
            }
            SelfHeapDump.write(directory.resolve("two-leaks-t" + moment + ".hprof"), true);
        }
    }
}
