package dev.heapdelta.app.pdf;

import dev.heapdelta.analyzer.leaks.Evidence;
import dev.heapdelta.analyzer.leaks.Suspect;
import java.util.Locale;

/**
 * A short, plain-language fix for a suspect, chosen by what leaks: an unbounded cache, listeners,
 * timers, pending promises or futures, a queue, or instances of one class.
 *
 * @param headline one line for the executive summary
 * @param detail two or three sentences for the suspect's own section
 */
record SuspectAdvice(String headline, String detail) {

    static SuspectAdvice of(Suspect suspect) {
        String held = heldNames(suspect);
        if (mentions(held, "timeout", "timer", "setinterval", "scheduledfuture")) {
            return new SuspectAdvice("Clear timers when their work is done (clearInterval / clearTimeout).",
                    "Timers that are never cleared keep their callback, and everything the callback captures, "
                            + "alive for as long as they are scheduled. Call clearInterval or clearTimeout (on the JVM: "
                            + "cancel the ScheduledFuture, or shut the executor down) when the owner of the timer "
                            + "closes, and keep the handle so that it can be cleared.");
        }
        if (mentions(held, "promise", "future", "waiter", "deferred", "pending")) {
            return new SuspectAdvice("Give every wait a timeout, and drop waiters that give up.",
                    "Promises or futures that never settle pile up with everything their callbacks capture. "
                            + "Give every wait a timeout (Node: AbortSignal.timeout or Promise.race with a timer; JVM: "
                            + "CompletableFuture.orTimeout), and remove a waiter from its list when it times out or "
                            + "its caller goes away.");
        }
        return switch (suspect.kind()) {
            case LISTENER_ACCUMULATION -> new SuspectAdvice("Remove listeners on close, or register them with once.",
                    "Listeners are added and never removed, so each one keeps its owner alive. Remove the listener "
                            + "when its owner closes (removeListener or unsubscribe in close() or a finally block), "
                            + "or register it for a single event only (Node: emitter.once).");
            case GROWING_COLLECTION -> collectionAdvice(suspect, held);
            case GROWING_CLASS -> new SuspectAdvice("Find who keeps these instances, then release them there.",
                    "More and more instances of this class stay alive. The path to a GC root below shows one "
                            + "chain that keeps them; release them at the first object on that chain that your code "
                            + "owns (remove them from the collection, or stop referencing them when their work ends).");
            case ACCUMULATION_POINT -> new SuspectAdvice("Check what this object accumulates, and what should remove it.",
                    "The growth concentrates under this one object. Look at what it adds on every request or event, "
                            + "and make sure something removes those additions again: a size bound, an expiry, or an "
                            + "explicit removal when their owner ends.");
            case LARGE_COLLECTION -> new SuspectAdvice("Check that this collection is bounded.",
                    "This is one of the largest collections in the dump. One dump cannot tell a leak from a full "
                            + "cache: if nothing removes its entries (no size bound, no expiry, no removal when their "
                            + "owner ends), it will keep growing. Take a second dump later and compare the two.");
            case DUPLICATE_CLASS, CLASSLOADER_LEAK -> new SuspectAdvice("Find what keeps the old class loaders alive, and release it.",
                    "The same classes are defined by several class loaders: usually an application or plugin that "
                            + "was redeployed while something (a thread, a static registry, a ThreadLocal, a JDBC "
                            + "driver) still references its old loader. The path below keeps the first of them alive.");
            case LARGE_RETAINER -> new SuspectAdvice("Check that one object holding this much is by design.",
                    "This single object keeps more than a tenth of the heap alive. If it is a deliberate cache, give "
                            + "it a size bound that fits the memory you have; otherwise find why it holds so much.");
        };
    }

    private static SuspectAdvice collectionAdvice(Suspect suspect, String held) {
        String container = suspect.className() == null ? "" : suspect.className().toLowerCase(Locale.ROOT);
        if (mentions(container, "queue", "deque")) {
            return new SuspectAdvice("Bound the queue, and check that its consumer keeps up.",
                    "Work is added to this queue faster than it is taken off. Give the queue a capacity, with "
                            + "back-pressure or rejection when it is full, and check that the consumer keeps up "
                            + "with the producers.");
        }
        if (mentions(container + " " + held + " " + suspect.pathKey().toLowerCase(Locale.ROOT), "map", "cache", "set",
                "table", "dictionary")) {
            return new SuspectAdvice("Bound the cache by size and give entries a time to live (TTL).",
                    "This looks like an unbounded cache: entries are added and never evicted. Bound it by size and "
                            + "give entries a time to live (JVM: Caffeine or Guava with maximumSize and "
                            + "expireAfterAccess; Node: an LRU cache with max and ttl), or remove an entry when "
                            + "what it belongs to ends (a session on logout, a request when it completes).");
        }
        return new SuspectAdvice("Remove entries once they are no longer needed, or cap the list.",
                "Entries are added to this collection and never removed. Remove each entry when its work is done, "
                        + "or cap the collection's size.");
    }

    /** The container, evidence and path names in lower case, for matching by kind of thing held. */
    private static String heldNames(Suspect suspect) {
        StringBuilder names = new StringBuilder();
        if (suspect.className() != null) {
            names.append(suspect.className()).append(' ');
        }
        for (Evidence evidence : suspect.evidence()) {
            names.append(evidence.name()).append(' ');
        }
        return names.toString().toLowerCase(Locale.ROOT);
    }

    private static boolean mentions(String text, String... words) {
        for (String word : words) {
            if (text.contains(word)) {
                return true;
            }
        }
        return false;
    }
}
