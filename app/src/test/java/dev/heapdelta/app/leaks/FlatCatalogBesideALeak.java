package dev.heapdelta.app.leaks;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.heapdelta.samples.SelfHeapDump;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A service with one big structure that never changes beside two that grow, dumped after each of
 * three steps ({@code flat-catalog-t0.hprof} … {@code t2}, live objects only):
 * <ul>
 * <li>{@link #CATALOG}, a price list of {@value #CATALOG_ENTRIES} entries loaded once at start-up,
 *     retaining about 1.6 MB, more than a tenth of every dump's heap: a large retainer that did not grow.
 * <li>{@link #SESSIONS}, an unbounded Caffeine cache that keeps {@value #SESSIONS_PER_STEP} more
 *     sessions at every step: the leak.
 * <li>{@link #ARCHIVE}, {@value #ARCHIVED} tickets archived at start-up and never more, of which
 *     {@link #FOLLOW_UPS} gain a follow-up {@link Ticket} by each dump. No collection grows, and the
 *     growth (24 bytes a ticket) stays below an accumulation point's: a growing class of its own, whose
 *     new instances are all at {@code ARCHIVE › [] › followUp}, while most of its instances, counted
 *     alone, are the archived ones at {@code ARCHIVE › []}.
 * </ul>
 */
public final class FlatCatalogBesideALeak {
    static final int CATALOG_ENTRIES = 40;
    static final int PRICE_BYTES = 40 * 1024;
    static final int SESSIONS_PER_STEP = 1_000;
    static final int SESSION_BYTES = 512;
    static final int ARCHIVED = 10_000;
    static final int[] FOLLOW_UPS = {2_000, 5_000, 8_000};

    /** A ticket and, once someone answered it, the ticket that follows it up. */
    static final class Ticket {
        final int number;
        Ticket followUp;

        Ticket(int number) {
            this.number = number;
        }
    }

    static final Map<String, byte[]> CATALOG = new HashMap<>();
    /** Maintenance on the caller, so that each dump sees the cache settled. */
    static final Cache<String, byte[]> SESSIONS = Caffeine.newBuilder().executor(Runnable::run).build();
    static final List<Ticket> ARCHIVE = new ArrayList<>();

    private FlatCatalogBesideALeak() {
    }

    public static void main(String[] args) throws IOException {
        Path directory = Path.of(args[0]);
        for (int entry = 0; entry < CATALOG_ENTRIES; entry++) {
            CATALOG.put("price-list-" + entry, new byte[PRICE_BYTES]);
        }
        for (int ticket = 0; ticket < ARCHIVED; ticket++) {
            ARCHIVE.add(new Ticket(ticket));
        }
        int session = 0;
        int answered = 0;
        for (int moment = 0; moment < FOLLOW_UPS.length; moment++) {
            for (int i = 0; i < SESSIONS_PER_STEP; i++, session++) {
                SESSIONS.put("session-" + session, new byte[SESSION_BYTES]);
            }
            SESSIONS.cleanUp();
            for (; answered < FOLLOW_UPS[moment]; answered++) {
                ARCHIVE.get(answered).followUp = new Ticket(ARCHIVED + answered);
            }
            dump(directory.resolve("flat-catalog-t" + moment + ".hprof"));
        }
        System.exit(0);
    }

    /** In a method of its own, so that no local of the fill loops is on the stack as a root. */
    private static void dump(Path hprof) throws IOException {
        SelfHeapDump.write(hprof, true);
    }
}
