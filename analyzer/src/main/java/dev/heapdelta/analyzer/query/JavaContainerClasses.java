package dev.heapdelta.analyzer.query;

import dev.heapdelta.analyzer.graph.HeapGraph;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Java classes that are containers (JDK, Guava and Caffeine collections and caches, executor and
 * timer queues, listener registries), by family, and the classes that are their machinery: the
 * nodes, tables, segments and entry wrappers inside them. Only these are "inside a collection";
 * the rest of {@code java.util} (a {@code Logger}, an {@code Executors} factory's objects) is a
 * class like any other.
 */
public final class JavaContainerClasses {
    /** Family class name → the shape of what it holds ({@code MAP}, {@code SET}, …). */
    private static final Map<String, String> SHAPE_BY_FAMILY = new LinkedHashMap<>();

    static {
        shape("MAP", "java.util.HashMap", "java.util.LinkedHashMap", "java.util.Hashtable", "java.util.IdentityHashMap",
                "java.util.TreeMap", "java.util.WeakHashMap", "java.util.EnumMap", "java.util.Properties",
                "java.util.concurrent.ConcurrentHashMap", "java.util.concurrent.ConcurrentSkipListMap",
                "java.util.Collections$SynchronizedMap", "java.util.Collections$UnmodifiableMap",
                "com.google.common.collect.AbstractMapBasedMultimap", "com.google.common.collect.LinkedListMultimap",
                "com.google.common.collect.ImmutableMultimap");
        shape("SET", "java.util.HashSet", "java.util.LinkedHashSet", "java.util.TreeSet",
                "java.util.concurrent.CopyOnWriteArraySet", "java.util.concurrent.ConcurrentSkipListSet",
                "java.util.Collections$SynchronizedSet", "java.util.Collections$UnmodifiableSet",
                "java.util.Collections$SetFromMap");
        shape("LIST", "java.util.ArrayList", "java.util.Vector", "java.util.LinkedList",
                "java.util.concurrent.CopyOnWriteArrayList", "java.util.Collections$SynchronizedList",
                "java.util.Collections$SynchronizedRandomAccessList", "java.util.Collections$UnmodifiableList",
                "java.util.Collections$UnmodifiableRandomAccessList", "java.util.Stack",
                "java.util.Collections$SynchronizedCollection", "java.util.Collections$UnmodifiableCollection");
        shape("QUEUE", "java.util.ArrayDeque", "java.util.PriorityQueue", "java.util.concurrent.LinkedBlockingQueue",
                "java.util.concurrent.ArrayBlockingQueue", "java.util.concurrent.ConcurrentLinkedQueue",
                "java.util.concurrent.LinkedBlockingDeque", "java.util.concurrent.PriorityBlockingQueue",
                "java.util.concurrent.ConcurrentLinkedDeque", "java.util.concurrent.DelayQueue",
                "java.util.concurrent.ScheduledThreadPoolExecutor$DelayedWorkQueue", "java.util.TaskQueue",
                "java.util.concurrent.ThreadPoolExecutor", "java.util.concurrent.ScheduledThreadPoolExecutor",
                "java.util.Timer");
        shape("CACHE", "com.google.common.cache.LocalCache$LocalManualCache",
                "com.google.common.cache.LocalCache$LocalLoadingCache", "com.google.common.cache.LocalCache",
                "com.github.benmanes.caffeine.cache.BoundedLocalCache",
                "com.github.benmanes.caffeine.cache.UnboundedLocalCache",
                "com.github.benmanes.caffeine.cache.BoundedLocalCache$BoundedLocalManualCache",
                "com.github.benmanes.caffeine.cache.BoundedLocalCache$BoundedLocalLoadingCache",
                "com.github.benmanes.caffeine.cache.UnboundedLocalCache$UnboundedLocalManualCache",
                "com.github.benmanes.caffeine.cache.UnboundedLocalCache$UnboundedLocalLoadingCache");
        shape("LISTENERS", "java.beans.PropertyChangeSupport", "javax.swing.event.EventListenerList",
                "java.util.Observable");
    }

    /** Whole packages that are nothing but containers and their parts. */
    private static final String[] CONTAINER_PACKAGES = {"com.google.common.cache.", "com.google.common.collect.",
        "com.github.benmanes.caffeine.cache."};

    /** Entry wrappers that queues and maps hold around what the program put in. */
    private static final String[] ENTRY_WRAPPERS = {"java.util.concurrent.FutureTask",
        "java.util.concurrent.Executors$RunnableAdapter", "java.lang.ThreadLocal$ThreadLocalMap",
        "java.lang.ThreadLocal$ThreadLocalMap$Entry", "java.util.TimerThread"};

    private final HeapGraph graph;
    private final String[] familyByClass;

    public JavaContainerClasses(HeapGraph graph) {
        this.graph = graph;
        this.familyByClass = new String[graph.classCount()];
    }

    private static void shape(String shape, String... families) {
        for (String family : families) {
            SHAPE_BY_FAMILY.put(family, shape);
        }
    }

    /** {@code MAP}, {@code SET}, {@code LIST}, {@code QUEUE}, {@code CACHE} or {@code LISTENERS}; null for no family. */
    public static String shapeOf(String family) {
        return SHAPE_BY_FAMILY.get(family);
    }

    /**
     * The known container class this class is or extends (a user's LRU subclass of LinkedHashMap is
     * a LinkedHashMap), or null. Caffeine's generated cache classes ({@code SSMS}, …) extend
     * {@code BoundedLocalCache}.
     */
    public String familyOf(int classIndex) {
        if (classIndex < 0) {
            return null;
        }
        String known = familyByClass[classIndex];
        if (known == null) {
            known = "";
            int current = classIndex;
            for (int depth = 0; current >= 0 && depth < 64; depth++) {
                String name = graph.className(current);
                if (SHAPE_BY_FAMILY.containsKey(name)) {
                    known = name;
                    break;
                }
                current = graph.heapClass(current).superClass();
            }
            familyByClass[classIndex] = known;
        }
        return known.isEmpty() ? null : known;
    }

    /** A container's parts: a node, table, segment or entry wrapper, or a whole-container library's class. */
    public static boolean isMachinery(String className) {
        for (String prefix : CONTAINER_PACKAGES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        for (String wrapper : ENTRY_WRAPPERS) {
            if (className.equals(wrapper)) {
                return true;
            }
        }
        int nested = className.indexOf('$');
        if (nested > 0) {
            // HashMap$Node, ConcurrentHashMap$Node[], ScheduledThreadPoolExecutor$ScheduledFutureTask…
            String outer = className.substring(0, nested);
            return SHAPE_BY_FAMILY.containsKey(outer) || SHAPE_BY_FAMILY.containsKey(stripArray(className));
        }
        return false;
    }

    /** A container family's own class or one of its parts, by name alone (no super classes). */
    public static boolean isContainerOrMachinery(String className) {
        return SHAPE_BY_FAMILY.containsKey(stripArray(className)) || isMachinery(className);
    }

    /** Whether an object of this class is a container or inside one: hops out of it read {@code []} in keys. */
    public boolean isInsideContainer(int classIndex) {
        return classIndex >= 0 && (familyOf(classIndex) != null || isMachinery(graph.className(classIndex)));
    }

    private static String stripArray(String className) {
        String name = className;
        while (name.endsWith("[]")) {
            name = name.substring(0, name.length() - 2);
        }
        return name;
    }
}
