package dev.heapdelta.app.leaks.library;

import com.google.common.collect.HashMultimap;
import com.google.common.collect.LinkedListMultimap;
import dev.heapdelta.samples.SelfHeapDump;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.IdentityHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.Vector;
import java.util.WeakHashMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One container of each family, held in a static field named after it, each filled with its own
 * own number of entries ({@code ContainerFamiliesTest} knows each {@code size()}), then one live dump.
 * Some are emptied part-way first, so that counting nodes or slots (not capacity) is what matters.
 */
public final class ContainerFamilies {
    static final PriorityQueue<Integer> PRIORITY_QUEUE = fill(new PriorityQueue<>(), 37);
    static final ArrayDeque<Integer> ARRAY_DEQUE = fill(new ArrayDeque<>(), 41);
    static final ConcurrentLinkedQueue<Integer> CONCURRENT_LINKED_QUEUE = fill(new ConcurrentLinkedQueue<>(), 43);
    static final ConcurrentLinkedDeque<Integer> CONCURRENT_LINKED_DEQUE = fill(new ConcurrentLinkedDeque<>(), 47);
    static final LinkedBlockingDeque<Integer> LINKED_BLOCKING_DEQUE = fill(new LinkedBlockingDeque<>(), 53);
    static final LinkedBlockingQueue<Integer> LINKED_BLOCKING_QUEUE = fill(new LinkedBlockingQueue<>(), 29);
    static final ArrayBlockingQueue<Integer> ARRAY_BLOCKING_QUEUE = fill(new ArrayBlockingQueue<>(100), 31);
    static final PriorityBlockingQueue<Integer> PRIORITY_BLOCKING_QUEUE = fill(new PriorityBlockingQueue<>(), 19);
    static final CopyOnWriteArrayList<Integer> COPY_ON_WRITE_LIST = fill(new CopyOnWriteArrayList<>(), 59);
    static final CopyOnWriteArraySet<Integer> COPY_ON_WRITE_SET = fill(new CopyOnWriteArraySet<>(), 61);
    static final ConcurrentSkipListSet<Integer> SKIP_LIST_SET = fill(new ConcurrentSkipListSet<>(), 71);
    static final List<Integer> SYNCHRONIZED_LIST = fill(Collections.synchronizedList(new ArrayList<>()), 89);
    static final List<Integer> UNMODIFIABLE_LIST = Collections.unmodifiableList(fill(new ArrayList<>(), 83));
    static final Set<Integer> UNMODIFIABLE_SET = Collections.unmodifiableSet(fill(new HashSet<>(), 97));
    static final Collection<Integer> SYNCHRONIZED_COLLECTION = fill(
            Collections.synchronizedCollection(new LinkedList<>()), 23);
    static final Set<Integer> SET_FROM_MAP = fill(Collections.newSetFromMap(new ConcurrentHashMap<>()), 13);
    static final LinkedList<Integer> LINKED_LIST = fill(new LinkedList<>(), 103);
    static final Vector<Integer> VECTOR = fill(new Vector<>(), 109);
    static final ConcurrentSkipListMap<Integer, Integer> SKIP_LIST_MAP = put(new ConcurrentSkipListMap<>(), 67);
    static final IdentityHashMap<Integer, Integer> IDENTITY_MAP = put(new IdentityHashMap<>(), 73);
    static final TreeMap<Integer, Integer> TREE_MAP = put(new TreeMap<>(), 101);
    static final Hashtable<Integer, Integer> HASHTABLE = put(new Hashtable<>(), 107);
    static final ConcurrentHashMap<Integer, Integer> CONCURRENT_MAP = put(new ConcurrentHashMap<>(), 113);
    static final Map<Integer, Integer> SYNCHRONIZED_MAP = put(Collections.synchronizedMap(new HashMap<>()), 79);
    static final Map<Integer, Integer> UNMODIFIABLE_MAP = Collections.unmodifiableMap(put(new HashMap<>(), 11));
    static final List<Object> WEAK_KEYS = new ArrayList<>();
    static final WeakHashMap<Object, Integer> WEAK_MAP = new WeakHashMap<>();
    static final EnumMap<ChronoUnit, Integer> ENUM_MAP = new EnumMap<>(ChronoUnit.class);
    static final HashMultimap<Integer, Integer> HASH_MULTIMAP = HashMultimap.create();
    static final LinkedListMultimap<Integer, Integer> LINKED_LIST_MULTIMAP = LinkedListMultimap.create();
    static final ThreadPoolExecutor EXECUTOR = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>());

    private ContainerFamilies() {
    }

    public static void main(String[] args) throws Exception {
        for (int i = 0; i < 30; i++) {
            Object key = new Object();
            WEAK_MAP.put(key, i);
            if (i % 3 != 0) {
                WEAK_KEYS.add(key);
            }
        }
        for (ChronoUnit unit : ChronoUnit.values()) {
            ENUM_MAP.put(unit, unit.ordinal());
        }
        for (int key = 0; key < 3; key++) {
            for (int value = 0; value < 5; value++) {
                HASH_MULTIMAP.put(key, value);
                LINKED_LIST_MULTIMAP.put(key, value);
            }
        }
        CountDownLatch release = new CountDownLatch(1);
        EXECUTOR.execute(() -> awaitQuietly(release));
        for (int i = 0; i < 17; i++) {
            EXECUTOR.execute(() -> awaitQuietly(release));
        }
        SelfHeapDump.write(Path.of(args[0]), true);
        release.countDown();
        EXECUTOR.shutdown();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Adds {@code count + 5} elements and takes 5 away again, where the collection allows it. */
    private static <C extends Collection<Integer>> C fill(C collection, int count) {
        for (int i = 0; i < count + 5; i++) {
            collection.add(i);
        }
        for (int i = 0; i < 5; i++) {
            if (collection instanceof Queue<?> queue) {
                queue.poll();
            } else {
                collection.remove(Integer.valueOf(i));
            }
        }
        return collection;
    }

    private static <M extends Map<Integer, Integer>> M put(M map, int count) {
        for (int i = 0; i < count; i++) {
            map.put(i, i);
        }
        return map;
    }
}
