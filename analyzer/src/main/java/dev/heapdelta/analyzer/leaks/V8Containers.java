package dev.heapdelta.analyzer.leaks;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.graph.EdgeKind;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.graph.ObjectKind;
import java.util.Arrays;

/**
 * V8's containers and their live entry counts (DESIGN.md §4): {@code Map} and {@code Set} by the
 * live entries of their backing table, {@code Array} by its element edges, a plain {@code Object}
 * used as a dictionary by its property edges, and an array in an {@code EventEmitter}'s
 * {@code _events} by its listeners.
 */
public final class V8Containers implements ContainerInspector {
    private static final String EVENTS = "_events";

    @Override
    public boolean isCandidateClass(Snapshot snapshot, int classIndex) {
        return switch (snapshot.graph().className(classIndex)) {
            case "Map", "Set", "Array", "Object" -> true;
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
