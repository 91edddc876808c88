package dev.heapdelta.analyzer.leaks;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.graph.EdgeKind;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.graph.ObjectKind;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * V8's containers and their live entry counts (DESIGN.md §4): {@code Map} and {@code Set} by the
 * live entries of their backing table, {@code Array} by its element edges, a plain {@code Object}
 * used as a dictionary by its property edges, and an array in an {@code EventEmitter}'s
 * {@code _events} by its listeners; a pending {@code Promise} by the reactions waiting on it, and
 * one of Node's timer lists by the {@code Timeout}s linked into it.
 */
public final class V8Containers implements ContainerInspector {
    private static final String EVENTS = "_events";
    private static final String PROMISE_REACTION = "system / PromiseReaction";
    /** Node's {@code lib/internal/timers.js}: one list per duration, its timers linked in a ring. */
    static final String TIMERS_LIST = "TimersList";
    static final String TIMEOUT = "Timeout";
    static final String IDLE_NEXT = "_idleNext";
    static final String IDLE_PREVIOUS = "_idlePrev";

    @Override
    public boolean isCandidateClass(Snapshot snapshot, int classIndex) {
        return switch (snapshot.graph().className(classIndex)) {
            case "Map", "Set", "Array", "Object", "Promise", TIMERS_LIST -> true;
            default -> false;
        };
    }

    @Override
    public Container inspect(Snapshot snapshot, int object) {
        HeapGraph graph = snapshot.graph();
        if (graph.kindOf(object) != ObjectKind.V8_OBJECT) {
            return null;
        }
        String className = graph.classNameOf(object);
        return switch (className) {
            case "Map" -> new Container(object, ContainerKind.MAP, "Map", liveTableEntries(graph, object, 2));
            case "Set" -> new Container(object, ContainerKind.SET, "Set", liveTableEntries(graph, object, 1));
            case "Array" -> isListenerArray(snapshot, object)
                    ? new Container(object, ContainerKind.LISTENERS, "EventEmitter listeners", count(graph, object,
                            EdgeKind.V8_ELEMENT))
                    : new Container(object, ContainerKind.LIST, "Array", count(graph, object, EdgeKind.V8_ELEMENT));
            case "Object" -> new Container(object, ContainerKind.DICTIONARY, "Object", dictionaryEntries(graph, object));
            case "Promise" -> pendingReactions(graph, object);
            case TIMERS_LIST -> new Container(object, ContainerKind.TIMERS, "Timer list", linkedTimers(graph, object));
            default -> null;
        };
    }

    /**
     * The live entries of a {@code Map}'s or {@code Set}'s OrderedHashTable. Its entries are
     * (key, value, chain) triples for a Map and (key, chain) pairs for a Set, after a header and
     * the buckets. Deleted slots hold the hole, which a snapshot leaves out, as it leaves out small
     * integers; so each heap-object key or value is one indexed edge. A Map entry whose key and value
     * are both objects has two edges at adjacent indexes; entries never do, because a chain slot
     * (always a small integer) separates them.
     */
    static long liveTableEntries(HeapGraph graph, int collection, int slotsPerEntry) {
        int table = -1;
        for (int e = graph.firstEdge(collection); e < graph.endEdge(collection); e++) {
            if (graph.edgeKind(e) == EdgeKind.V8_INTERNAL && "table".equals(graph.details().edgeName(e))) {
                table = graph.edgeTarget(e);
                break;
            }
        }
        if (table < 0) {
            return 0;
        }
        int[] indexes = new int[graph.endEdge(table) - graph.firstEdge(table)];
        int n = 0;
        for (int e = graph.firstEdge(table); e < graph.endEdge(table); e++) {
            int index = numericIndex(graph, e);
            if (index >= 0) {
                indexes[n++] = index;
            }
        }
        Arrays.sort(indexes, 0, n);
        long entries = n;
        if (slotsPerEntry == 2) {
            for (int i = 1; i < n; i++) {
                if (indexes[i] == indexes[i - 1] + 1) {
                    entries--;
                    i++;
                }
            }
        }
        return entries;
    }

    /** The index an element or numeric internal edge names, or -1. */
    private static int numericIndex(HeapGraph graph, int edge) {
        EdgeKind kind = graph.edgeKind(edge);
        if (kind == EdgeKind.V8_ELEMENT || kind == EdgeKind.V8_HIDDEN) {
            return graph.edgeLabel(edge);
        }
        if (kind != EdgeKind.V8_INTERNAL) {
            return -1;
        }
        String name = graph.details().edgeName(edge);
        if (name.isEmpty() || name.length() > 9) {
            return -1;
        }
        for (int i = 0; i < name.length(); i++) {
            if (!Character.isDigit(name.charAt(i))) {
                return -1;
            }
        }
        return Integer.parseInt(name);
    }

    private static long count(HeapGraph graph, int object, EdgeKind kind) {
        long count = 0;
        for (int e = graph.firstEdge(object); e < graph.endEdge(object); e++) {
            if (graph.edgeKind(e) == kind) {
                count++;
            }
        }
        return count;
    }

    /** Own properties of a plain object, {@code __proto__} excluded: its keys, when it is used as a map. */
    private static long dictionaryEntries(HeapGraph graph, int object) {
        long count = 0;
        for (int e = graph.firstEdge(object); e < graph.endEdge(object); e++) {
            if (graph.edgeKind(e) == EdgeKind.V8_PROPERTY && !"__proto__".equals(graph.details().edgeName(e))) {
                count++;
            }
        }
        return count + count(graph, object, EdgeKind.V8_ELEMENT);
    }

    /**
     * A pending promise keeps the reactions that {@code then}, {@code await} and {@code Promise.race}
     * add to it, as a chain of {@code PromiseReaction}s from its {@code reactions_or_result} slot,
     * linked by their first slot ({@code next}); once settled, that slot holds the result instead. A
     * promise that never settles and is awaited on every request grows the chain without bound.
     * Null for a settled promise or one nothing waits on.
     */
    private static Container pendingReactions(HeapGraph graph, int promise) {
        int reaction = internalTarget(graph, promise, "reactions_or_result");
        long reactions = 0;
        while (reaction >= 0 && isPromiseReaction(graph, reaction) && reactions < graph.objectCount()) {
            reactions++;
            reaction = slotTarget(graph, reaction, 0);
        }
        return reactions == 0 ? null : new Container(promise, ContainerKind.PENDING, "Promise", reactions);
    }

    /** DevTools groups the reaction among {@code (system)}; its own name says what it is. */
    private static boolean isPromiseReaction(HeapGraph graph, int object) {
        return graph.kindOf(object) == ObjectKind.V8_HIDDEN && PROMISE_REACTION.equals(graph.details().label(object));
    }

    /**
     * The {@code Timeout}s of one timer list: a ring through {@code _idleNext} that starts and ends at
     * the list. Cleared and fired timers are unlinked, so what remains is waiting: an interval never
     * cleared stays for good.
     */
    static long linkedTimers(HeapGraph graph, int list) {
        long timers = 0;
        int timer = propertyTarget(graph, list, IDLE_NEXT);
        while (timer >= 0 && timer != list && TIMEOUT.equals(graph.classNameOf(timer)) && timers < graph.objectCount()) {
            timers++;
            timer = propertyTarget(graph, timer, IDLE_NEXT);
        }
        return timers;
    }

    /**
     * Where the callbacks of a timer list's {@code Timeout}s are defined ({@code ws-heartbeat.js:7:37}),
     * most frequent first, with their counts: the {@code setInterval} call a user has to clear.
     */
    static List<String> timerCallbackLocations(HeapGraph graph, int list, int limit) {
        Map<String, Long> countByLocation = new HashMap<>();
        long timers = 0;
        int timer = propertyTarget(graph, list, IDLE_NEXT);
        while (timer >= 0 && timer != list && TIMEOUT.equals(graph.classNameOf(timer)) && timers++ < graph.objectCount()) {
            int callback = propertyTarget(graph, timer, "_onTimeout");
            String location = callback < 0 ? null : graph.details().locationOf(callback);
            if (location != null) {
                countByLocation.merge(location, 1L, Long::sum);
            }
            timer = propertyTarget(graph, timer, IDLE_NEXT);
        }
        return countByLocation.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .map(Map.Entry::getKey)
                .toList();
    }

    private static int internalTarget(HeapGraph graph, int object, String name) {
        for (int e = graph.firstEdge(object); e < graph.endEdge(object); e++) {
            if (graph.edgeKind(e) == EdgeKind.V8_INTERNAL && name.equals(graph.details().edgeName(e))) {
                return graph.edgeTarget(e);
            }
        }
        return -1;
    }

    private static int propertyTarget(HeapGraph graph, int object, String name) {
        for (int e = graph.firstEdge(object); e < graph.endEdge(object); e++) {
            if (graph.edgeKind(e) == EdgeKind.V8_PROPERTY && name.equals(graph.details().edgeName(e))) {
                return graph.edgeTarget(e);
            }
        }
        return -1;
    }

    /** The target of a struct's numbered hidden slot, as the snapshot writes a {@code PromiseReaction}'s fields. */
    private static int slotTarget(HeapGraph graph, int object, int slot) {
        for (int e = graph.firstEdge(object); e < graph.endEdge(object); e++) {
            if (graph.edgeKind(e) == EdgeKind.V8_HIDDEN && graph.edgeLabel(e) == slot) {
                return graph.edgeTarget(e);
            }
        }
        return -1;
    }

    /** An array held as {@code emitter._events[name]}: the listeners for one event. */
    private static boolean isListenerArray(Snapshot snapshot, int array) {
        HeapGraph graph = snapshot.graph();
        int parentEdge = snapshot.shortestPaths().parentEdgeOf(array);
        if (parentEdge < 0 || graph.edgeKind(parentEdge) != EdgeKind.V8_PROPERTY) {
            return false;
        }
        int events = graph.edgeSource(parentEdge);
        int eventsEdge = snapshot.shortestPaths().parentEdgeOf(events);
        return eventsEdge >= 0 && EVENTS.equals(graph.details().edgeName(eventsEdge));
    }
}
