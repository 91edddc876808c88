package dev.heapdelta.analyzer.leaks;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.graph.EdgeKind;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.graph.ObjectKind;
import dev.heapdelta.analyzer.query.JavaContainerClasses;
import java.util.Locale;

/**
 * The JDK's, Guava's and Caffeine's collections, caches, executor and timer queues and listener
 * containers ({@link JavaContainerClasses}), with the logical entry count each keeps in its own
 * fields (DESIGN.md §4), counted through wrappers (synchronized, unmodifiable, a cache's facade, an
 * executor's work queue) to the container that holds the entries. A user class that extends one of
 * them is inspected as that one.
 */
public final class JavaContainers implements ContainerInspector {
    /** A view of a view of a collection is rare; deeper nesting is named at the last view looked into. */
    private static final int MAX_WRAPPERS = 4;
    private JavaContainerClasses classes;

    private JavaContainerClasses classes(HeapGraph graph) {
        if (classes == null) {
            classes = new JavaContainerClasses(graph);
        }
        return classes;
    }

    @Override
    public boolean isCandidateClass(Snapshot snapshot, int classIndex) {
        return familyOf(snapshot.graph(), classIndex) != null || isObjectArrayClass(snapshot.graph(), classIndex);
    }

    private static boolean isObjectArrayClass(HeapGraph graph, int classIndex) {
        String name = graph.className(classIndex);
        return name.endsWith("[]") && !isPrimitiveArrayName(name);
    }

    private static boolean isPrimitiveArrayName(String name) {
        return switch (name) {
            case "boolean[]", "byte[]", "char[]", "short[]", "int[]", "long[]", "float[]", "double[]" -> true;
            default -> false;
        };
    }

    /** The known JDK or library class this class is or extends, or null. */
    private String familyOf(HeapGraph graph, int classIndex) {
        return classes(graph).familyOf(classIndex);
    }

    /**
     * The backing array of an array-backed list or hash table (ArrayList, Vector, ArrayDeque,
     * PriorityQueue, HashMap, Hashtable, IdentityHashMap, WeakHashMap, ConcurrentHashMap and their
     * subclasses), or null for other objects and for collections that keep no array.
     */
    public BackingArray backingArrayOf(Snapshot snapshot, int object) {
        HeapGraph graph = snapshot.graph();
        int classIndex = graph.classOf(object);
        String family = classIndex < 0 || graph.kindOf(object) != ObjectKind.INSTANCE ? null
                : familyOf(graph, classIndex);
        if (family == null) {
            return null;
        }
        String field = switch (family) {
            case "java.util.ArrayList", "java.util.Vector", "java.util.Stack" -> "elementData";
            case "java.util.ArrayDeque" -> "elements";
            case "java.util.PriorityQueue" -> "queue";
            case "java.util.HashMap", "java.util.LinkedHashMap", "java.util.Hashtable", "java.util.Properties",
                    "java.util.IdentityHashMap", "java.util.WeakHashMap",
                    "java.util.concurrent.ConcurrentHashMap" -> "table";
            default -> null;
        };
        if (field == null) {
            return null;
        }
        ObjectFields fields = ObjectFields.of(graph, object);
        if (!fields.has(field)) {
            return null;
        }
        int array = fields.reference(field);
        long slots = array < 0 ? 0 : graph.details().arrayLength(array);
        long slotsPerEntry = family.equals("java.util.IdentityHashMap") ? 2 : 1;
        return new BackingArray(array, slots / slotsPerEntry, slots);
    }

    @Override
    public Container inspect(Snapshot snapshot, int object) {
        HeapGraph graph = snapshot.graph();
        int classIndex = graph.classOf(object);
        if (classIndex < 0) {
            return null;
        }
        if (graph.kindOf(object) == ObjectKind.OBJECT_ARRAY) {
            return new Container(object, ContainerKind.ARRAY, simpleName(graph.className(classIndex)),
                    nonNullElements(graph, object));
        }
        String family = familyOf(graph, classIndex);
        if (family == null) {
            return null;
        }
        long elements = elements(graph, object, family);
        if (elements < 0) {
            return null;
        }
        ContainerKind kind = ContainerKind.valueOf(JavaContainerClasses.shapeOf(family));
        if (kind != ContainerKind.LISTENERS && isListenerField(snapshot, object)) {
            kind = ContainerKind.LISTENERS;
        }
        return new Container(object, kind, shownName(graph, object, family), elements,
                CacheBounds.of(graph, object, family), multimapKeys(graph, object, family),
                contentsOf(graph, object, family), wrapperFactory(graph.className(classIndex)));
    }

    /**
     * What the headline calls the container: a synchronized or unmodifiable view is named as the
     * collection it wraps ({@code ArrayList}, not {@code Collections$SynchronizedRandomAccessList}), as
     * the source names it by its field; the view's kind is {@link Container#view}, a reason line.
     */
    private String shownName(HeapGraph graph, int object, String family) {
        int current = object;
        String currentFamily = family;
        for (int depth = 0; depth < MAX_WRAPPERS && wrapperFactory(graph.classNameOf(current)) != null; depth++) {
            int inner = contentsOf(graph, current, currentFamily);
            if (inner == current || graph.classOf(inner) < 0) {
                break;
            }
            current = inner;
            currentFamily = familyOf(graph, graph.classOf(inner));
            if (currentFamily == null) {
                return simpleName(graph.classNameOf(current));
            }
        }
        return displayName(graph.classNameOf(current), currentFamily);
    }

    /**
     * The {@code Collections} factory that makes a wrapper of this class ({@code Collections.synchronizedList}
     * for {@code Collections$SynchronizedRandomAccessList}), or null for any other class.
     */
    static String wrapperFactory(String className) {
        String prefix = "java.util.Collections$";
        if (!className.startsWith(prefix + "Synchronized") && !className.startsWith(prefix + "Unmodifiable")) {
            return null;
        }
        String kind = className.substring(prefix.length()).replace("RandomAccess", "");
        return "Collections." + Character.toLowerCase(kind.charAt(0)) + kind.substring(1);
    }

    /** The logical entry count, or -1 when the fields it lives in are missing. */
    long elements(HeapGraph graph, int object, String family) {
        ObjectFields fields = ObjectFields.of(graph, object);
        switch (family) {
            case "java.util.Hashtable", "java.util.Properties":
                return orMissing(fields.number("count"));
            case "java.util.Vector", "java.util.Stack":
                return orMissing(fields.number("elementCount"));
            case "java.util.concurrent.ConcurrentHashMap":
                return concurrentHashMapSize(graph, fields);
            case "java.util.concurrent.LinkedBlockingQueue", "java.util.concurrent.LinkedBlockingDeque",
                    "java.util.concurrent.ArrayBlockingQueue":
                return countField(graph, fields);
            case "java.util.concurrent.ThreadPoolExecutor", "java.util.concurrent.ScheduledThreadPoolExecutor":
                return delegateAny(graph, fields.reference("workQueue"));
            case "java.util.Timer":
                return delegate(graph, fields.reference("queue"), "java.util.TaskQueue");
            case "java.util.concurrent.DelayQueue":
                return delegate(graph, fields.reference("q"), "java.util.PriorityQueue");
            case "java.util.concurrent.ConcurrentSkipListSet", "java.util.Collections$SetFromMap":
                return delegateAny(graph, fields.reference("m"));
            case "com.google.common.collect.AbstractMapBasedMultimap":
                return orMissing(fields.number("totalSize"));
            case "com.github.benmanes.caffeine.cache.BoundedLocalCache$BoundedLocalManualCache",
                    "com.github.benmanes.caffeine.cache.BoundedLocalCache$BoundedLocalLoadingCache",
                    "com.github.benmanes.caffeine.cache.UnboundedLocalCache$UnboundedLocalManualCache",
                    "com.github.benmanes.caffeine.cache.UnboundedLocalCache$UnboundedLocalLoadingCache":
                return delegateAny(graph, fields.reference("cache"));
            case "java.util.concurrent.ConcurrentLinkedQueue", "java.util.concurrent.ConcurrentLinkedDeque":
                return liveLinkedNodes(graph, fields.reference("head"));
            case "java.util.ArrayDeque":
                return nonNullElements(graph, fields.reference("elements"));
            case "java.util.concurrent.CopyOnWriteArrayList":
                return arrayLength(graph, fields.reference("array"));
            case "java.util.concurrent.CopyOnWriteArraySet":
                return delegate(graph, fields.reference("al"), "java.util.concurrent.CopyOnWriteArrayList");
            case "java.util.HashSet", "java.util.LinkedHashSet":
                return delegate(graph, fields.reference("map"), "java.util.HashMap");
            case "java.util.TreeSet":
                return delegate(graph, fields.reference("m"), "java.util.TreeMap");
            case "java.util.WeakHashMap":
                return liveWeakEntries(graph, fields.reference("table"));
            case "java.util.concurrent.ConcurrentSkipListMap":
                return orMissing(countSkipListNodes(graph, fields));
            case "java.util.Collections$SynchronizedMap", "java.util.Collections$UnmodifiableMap":
                return delegateAny(graph, fields.reference("m"));
            case "java.util.Collections$SynchronizedSet", "java.util.Collections$UnmodifiableSet",
                    "java.util.Collections$SynchronizedList", "java.util.Collections$SynchronizedRandomAccessList",
                    "java.util.Collections$UnmodifiableList", "java.util.Collections$UnmodifiableRandomAccessList",
                    "java.util.Collections$SynchronizedCollection", "java.util.Collections$UnmodifiableCollection":
                return delegateAny(graph, fields.reference("c"));
            case "com.google.common.cache.LocalCache$LocalManualCache",
                    "com.google.common.cache.LocalCache$LocalLoadingCache":
                return delegate(graph, fields.reference("localCache"), "com.google.common.cache.LocalCache");
            case "com.google.common.cache.LocalCache":
                return guavaSegmentsCount(graph, fields.reference("segments"));
            case "com.github.benmanes.caffeine.cache.BoundedLocalCache",
                    "com.github.benmanes.caffeine.cache.UnboundedLocalCache":
                return delegate(graph, fields.reference("data"), "java.util.concurrent.ConcurrentHashMap");
            case "java.beans.PropertyChangeSupport":
                return propertyChangeListeners(graph, fields.reference("map"));
            case "javax.swing.event.EventListenerList": {
                long length = arrayLength(graph, fields.reference("listenerList"));
                return length < 0 ? -1 : length / 2;
            }
            case "java.util.Observable":
                return delegate(graph, fields.reference("obs"), "java.util.Vector");
            default:
                // HashMap, LinkedHashMap, IdentityHashMap, TreeMap, EnumMap, ArrayList, PriorityQueue, LinkedList,
                // the executor's DelayedWorkQueue, the Timer's TaskQueue, Guava's LinkedListMultimap and
                // ImmutableMultimap.
                return orMissing(fields.number("size"));
        }
    }

    /** What a user calls a cache by its facade's internal class: the library's name for it. */
    private static String displayName(String className, String family) {
        if (family.startsWith("com.google.common.cache.")) {
            return "Guava Cache";
        }
        if (family.startsWith("com.github.benmanes.caffeine.cache.")) {
            return "Caffeine Cache";
        }
        return simpleName(className);
    }

    /**
     * The queue of an executor or a Timer, which their worker thread also holds; the collection inside
     * a synchronized or unmodifiable wrapper, which the code that fills it holds too; the container
     * itself otherwise.
     */
    private static int contentsOf(HeapGraph graph, int object, String family) {
        int queue = switch (family) {
            case "java.util.concurrent.ThreadPoolExecutor", "java.util.concurrent.ScheduledThreadPoolExecutor" ->
                    ObjectFields.of(graph, object).reference("workQueue");
            case "java.util.Timer" -> ObjectFields.of(graph, object).reference("queue");
            case "java.util.Collections$SynchronizedMap", "java.util.Collections$UnmodifiableMap" ->
                    ObjectFields.of(graph, object).reference("m");
            case "java.util.Collections$SynchronizedSet", "java.util.Collections$UnmodifiableSet",
                    "java.util.Collections$SynchronizedList", "java.util.Collections$SynchronizedRandomAccessList",
                    "java.util.Collections$UnmodifiableList", "java.util.Collections$UnmodifiableRandomAccessList",
                    "java.util.Collections$SynchronizedCollection", "java.util.Collections$UnmodifiableCollection" ->
                    ObjectFields.of(graph, object).reference("c");
            default -> -1;
        };
        return queue >= 0 ? queue : object;
    }

    /** A Guava multimap's key count, its second figure beside the entries; -1 for anything else. */
    private long multimapKeys(HeapGraph graph, int object, String family) {
        ObjectFields fields = ObjectFields.of(graph, object);
        return switch (family) {
            case "com.google.common.collect.AbstractMapBasedMultimap" -> delegateAny(graph, fields.reference("map"));
            case "com.google.common.collect.LinkedListMultimap" -> delegateAny(graph, fields.reference("keyToKeyList"));
            default -> -1;
        };
    }

    private long delegate(HeapGraph graph, int inner, String family) {
        return inner < 0 ? -1 : elements(graph, inner, family);
    }

    private long delegateAny(HeapGraph graph, int inner) {
        if (inner < 0 || graph.classOf(inner) < 0 || graph.kindOf(inner) != ObjectKind.INSTANCE) {
            return -1;
        }
        String family = familyOf(graph, graph.classOf(inner));
        return family == null ? -1 : elements(graph, inner, family);
    }

    private static long orMissing(long value) {
        return value == ObjectFields.MISSING ? -1 : value;
    }

    private static long concurrentHashMapSize(HeapGraph graph, ObjectFields fields) {
        long base = fields.number("baseCount");
        if (base == ObjectFields.MISSING) {
            // JDK 7 and older kept counts per segment.
            return segmentsCount(graph, fields.reference("segments"), "count");
        }
        int cells = fields.reference("counterCells");
        if (cells >= 0) {
            for (int e = graph.firstEdge(cells); e < graph.endEdge(cells); e++) {
                if (graph.edgeKind(e) == EdgeKind.ARRAY_ELEMENT) {
                    long value = ObjectFields.of(graph, graph.edgeTarget(e)).number("value");
                    base += value == ObjectFields.MISSING ? 0 : value;
                }
            }
        }
        return base;
    }

    private static long countField(HeapGraph graph, ObjectFields fields) {
        long count = fields.number("count");
        if (count != ObjectFields.MISSING) {
            return count;
        }
        int atomic = fields.reference("count");
        if (atomic < 0) {
            return -1;
        }
        return orMissing(ObjectFields.of(graph, atomic).number("value"));
    }

    private static long liveLinkedNodes(HeapGraph graph, int head) {
        long live = 0;
        int node = head;
        for (long steps = 0; node >= 0 && steps < graph.objectCount(); steps++) {
            ObjectFields fields = ObjectFields.of(graph, node);
            if (fields.reference("item") >= 0) {
                live++;
            }
            int next = fields.reference("next");
            if (next == node) {
                break;
            }
            node = next;
        }
        return live;
    }

    private static long nonNullElements(HeapGraph graph, int array) {
        if (array < 0) {
            return -1;
        }
        long count = 0;
        for (int e = graph.firstEdge(array); e < graph.endEdge(array); e++) {
            if (graph.edgeKind(e) == EdgeKind.ARRAY_ELEMENT) {
                count++;
            }
        }
        return count;
    }

    private static long arrayLength(HeapGraph graph, int array) {
        return array < 0 ? -1 : graph.details().arrayLength(array);
    }

    private static long liveWeakEntries(HeapGraph graph, int table) {
        if (table < 0) {
            return -1;
        }
        long live = 0;
        for (int e = graph.firstEdge(table); e < graph.endEdge(table); e++) {
            if (graph.edgeKind(e) != EdgeKind.ARRAY_ELEMENT) {
                continue;
            }
            int entry = graph.edgeTarget(e);
            for (long steps = 0; entry >= 0 && steps < graph.objectCount(); steps++) {
                ObjectFields fields = ObjectFields.of(graph, entry);
                if (fields.reference("referent") >= 0) {
                    live++;
                }
                entry = fields.reference("next");
            }
        }
        return live;
    }

    private static long countSkipListNodes(HeapGraph graph, ObjectFields fields) {
        int index = fields.reference("head");
        if (index < 0) {
            return ObjectFields.MISSING;
        }
        // head is an Index (JDK 15+) or a HeadIndex; its node is the base-level list's header.
        ObjectFields head = ObjectFields.of(graph, index);
        int node = head.reference("node");
        long live = 0;
        for (long steps = 0; node >= 0 && steps < graph.objectCount(); steps++) {
            ObjectFields fieldsOfNode = ObjectFields.of(graph, node);
            if (fieldsOfNode.reference("val") >= 0 || fieldsOfNode.reference("value") >= 0) {
                live++;
            }
            node = fieldsOfNode.reference("next");
        }
        return live;
    }

    private static long guavaSegmentsCount(HeapGraph graph, int segments) {
        return segmentsCount(graph, segments, "count");
    }

    private static long segmentsCount(HeapGraph graph, int segments, String field) {
        if (segments < 0) {
            return -1;
        }
        long total = 0;
        for (int e = graph.firstEdge(segments); e < graph.endEdge(segments); e++) {
            if (graph.edgeKind(e) == EdgeKind.ARRAY_ELEMENT) {
                long count = ObjectFields.of(graph, graph.edgeTarget(e)).number(field);
                total += count == ObjectFields.MISSING ? 0 : count;
            }
        }
        return total;
    }

    /** PropertyChangeSupport keeps an array of listeners per property name (null for all properties). */
    private static long propertyChangeListeners(HeapGraph graph, int listenerMap) {
        if (listenerMap < 0) {
            return 0;
        }
        int map = ObjectFields.of(graph, listenerMap).reference("map");
        if (map < 0) {
            return 0;
        }
        long total = 0;
        int table = ObjectFields.of(graph, map).reference("table");
        if (table < 0) {
            return 0;
        }
        for (int e = graph.firstEdge(table); e < graph.endEdge(table); e++) {
            if (graph.edgeKind(e) != EdgeKind.ARRAY_ELEMENT) {
                continue;
            }
            for (int node = graph.edgeTarget(e), steps = 0; node >= 0 && steps < 1_000_000; steps++) {
                ObjectFields entry = ObjectFields.of(graph, node);
                total += Math.max(0, nonNullElements(graph, entry.reference("value")));
                node = entry.reference("next");
            }
        }
        return total;
    }

    /** A list or set held in a field named like a listener registry ({@code listeners}, {@code observers}, …). */
    private static boolean isListenerField(Snapshot snapshot, int object) {
        int edge = snapshot.shortestPaths().parentEdgeOf(object);
        if (edge < 0) {
            return false;
        }
        String name = snapshot.graph().details().edgeName(edge).toLowerCase(Locale.ROOT);
        return name.contains("listener") || name.contains("observer") || name.contains("handler")
                || name.contains("subscriber");
    }

    static String simpleName(String className) {
        int dot = className.lastIndexOf('.');
        return dot >= 0 ? className.substring(dot + 1) : className;
    }
}
