package dev.heapdelta.app.leaks.library;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.common.cache.CacheBuilder;
import com.google.common.collect.HashMultimap;
import com.google.common.collect.Multimap;
import dev.heapdelta.samples.SelfHeapDump;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A leak in each container family at once, each in a static field named after it, dumped after 1, 3
 * and 5 units of load ({@code families-t0.hprof} … {@code t2}, live objects only). Per unit, the
 * family at index {@code i} of {@link #FAMILIES} gains {@code 10 + i} items, whose payloads add up to
 * {@code 8 KiB × (FAMILIES.length − i)}: steps far above any family's own overhead per entry, so the
 * families rank in the order of the list, and each has its own counts. The unmodifiable views are
 * the only static fields that reach their lists; {@code main}'s locals hold the lists themselves.
 * Beside them, bounded containers stay put: an LRU map, a clearing weak map, a Caffeine cache at its
 * maximum and a Guava cache filling toward its own.
 */
public final class GrowingFamilies {
    static final int[] UNITS = {1, 3, 5};
    static final String[] FAMILIES = {"PRIORITY_QUEUE", "ARRAY_DEQUE", "CONCURRENT_LINKED_QUEUE",
        "CONCURRENT_LINKED_DEQUE", "LINKED_BLOCKING_DEQUE", "COPY_ON_WRITE_LIST", "COPY_ON_WRITE_SET",
        "SKIP_LIST_MAP", "SKIP_LIST_SET", "IDENTITY_MAP", "WEAK_MAP", "SYNCHRONIZED_LIST", "SYNCHRONIZED_MAP",
        "unmodifiableList", "unmodifiableMap", "EXECUTOR", "HASH_MULTIMAP"};
    static final int RETAINED_STEP = 8 * 1024;
    static final int LRU_MAXIMUM = 100;
    static final int CACHE_MAXIMUM = 200;
    static final int FILLING_MAXIMUM = 100_000;

    /** An entry: comparable and hashed by its id, for the sorted and hashed families. */
    record Item(int id, byte[] payload) implements Comparable<Item>, Runnable {
        @Override
        public int compareTo(Item other) {
            return Integer.compare(id, other.id);
        }

        @Override
        public void run() {
        }
    }

    static final PriorityQueue<Item> PRIORITY_QUEUE = new PriorityQueue<>();
    static final ArrayDeque<Item> ARRAY_DEQUE = new ArrayDeque<>();
    static final ConcurrentLinkedQueue<Item> CONCURRENT_LINKED_QUEUE = new ConcurrentLinkedQueue<>();
    static final ConcurrentLinkedDeque<Item> CONCURRENT_LINKED_DEQUE = new ConcurrentLinkedDeque<>();
    static final LinkedBlockingDeque<Item> LINKED_BLOCKING_DEQUE = new LinkedBlockingDeque<>();
    static final CopyOnWriteArrayList<Item> COPY_ON_WRITE_LIST = new CopyOnWriteArrayList<>();
    static final CopyOnWriteArraySet<Item> COPY_ON_WRITE_SET = new CopyOnWriteArraySet<>();
    static final ConcurrentSkipListMap<Item, Boolean> SKIP_LIST_MAP = new ConcurrentSkipListMap<>();
    static final ConcurrentSkipListSet<Item> SKIP_LIST_SET = new ConcurrentSkipListSet<>();
    static final IdentityHashMap<Item, Boolean> IDENTITY_MAP = new IdentityHashMap<>();
    /** Each value holds its key, so no key is ever cleared: the weak map leaks. */
    static final WeakHashMap<Item, List<Item>> WEAK_MAP = new WeakHashMap<>();
    static final List<Item> SYNCHRONIZED_LIST = Collections.synchronizedList(new ArrayList<>());
    static final Map<Item, Boolean> SYNCHRONIZED_MAP = Collections.synchronizedMap(new HashMap<>());
    static List<Item> unmodifiableList;
    static Map<Item, Boolean> unmodifiableMap;
    /** One worker, held up by its first task: every later task waits in the work queue. */
    static final ThreadPoolExecutor EXECUTOR = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>());
    /** A few keys, each with more and more values: {@code size()} counts the pairs. */
    static final Multimap<Integer, Item> HASH_MULTIMAP = HashMultimap.create();
    static final int MULTIMAP_KEYS = 3;

    static final Map<Integer, Item> LRU = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Item> eldest) {
            return size() > LRU_MAXIMUM;
        }
    };
    static final WeakHashMap<Object, Item> CLEARING_WEAK_MAP = new WeakHashMap<>();
    static final Cache<Integer, Item> AT_MAXIMUM = Caffeine.newBuilder().executor(Runnable::run)
            .maximumSize(CACHE_MAXIMUM).build();
    static final com.google.common.cache.Cache<Integer, Item> FILLING = CacheBuilder.newBuilder()
            .maximumSize(FILLING_MAXIMUM).build();

    private static int nextId;

    private GrowingFamilies() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        CountDownLatch release = new CountDownLatch(1);
        EXECUTOR.execute(() -> awaitQuietly(release));
        List<Item> viewedList = new ArrayList<>();
        Map<Item, Boolean> viewedMap = new HashMap<>();
        unmodifiableList = Collections.unmodifiableList(viewedList);
        unmodifiableMap = Collections.unmodifiableMap(viewedMap);
        int done = 0;
        for (int moment = 0; moment < UNITS.length; moment++) {
            for (; done < UNITS[moment]; done++) {
                for (int family = 0; family < FAMILIES.length; family++) {
                    for (int i = 0; i < 10 + family; i++) {
                        Item item = new Item(nextId++, new byte[payloadBytes(family)]);
                        if (FAMILIES[family].equals("unmodifiableList")) {
                            viewedList.add(item);
                        } else if (FAMILIES[family].equals("unmodifiableMap")) {
                            viewedMap.put(item, Boolean.TRUE);
                        } else {
                            add(family, item);
                        }
                    }
                }
                fillTheBoundedOnes();
            }
            dump(directory.resolve("families-t" + moment + ".hprof"));
        }
        release.countDown();
        EXECUTOR.shutdown();
        // Used after the dumps, so that the lists stay live locals of this frame in every dump.
        System.out.println(viewedList.size() + viewedMap.size() + " items behind the views");
        System.exit(0);
    }

    /** Each of the {@code 10 + family} items of a unit gets its share of the family's retained step. */
    static int payloadBytes(int family) {
        return RETAINED_STEP * (FAMILIES.length - family) / (10 + family);
    }

    private static void add(int family, Item item) {
        switch (FAMILIES[family]) {
            case "PRIORITY_QUEUE" -> PRIORITY_QUEUE.add(item);
            case "ARRAY_DEQUE" -> ARRAY_DEQUE.add(item);
            case "CONCURRENT_LINKED_QUEUE" -> CONCURRENT_LINKED_QUEUE.add(item);
            case "CONCURRENT_LINKED_DEQUE" -> CONCURRENT_LINKED_DEQUE.add(item);
            case "LINKED_BLOCKING_DEQUE" -> LINKED_BLOCKING_DEQUE.add(item);
            case "COPY_ON_WRITE_LIST" -> COPY_ON_WRITE_LIST.add(item);
            case "COPY_ON_WRITE_SET" -> COPY_ON_WRITE_SET.add(item);
            case "SKIP_LIST_MAP" -> SKIP_LIST_MAP.put(item, Boolean.TRUE);
            case "SKIP_LIST_SET" -> SKIP_LIST_SET.add(item);
            case "IDENTITY_MAP" -> IDENTITY_MAP.put(item, Boolean.TRUE);
            case "WEAK_MAP" -> WEAK_MAP.put(item, List.of(item));
            case "SYNCHRONIZED_LIST" -> SYNCHRONIZED_LIST.add(item);
            case "SYNCHRONIZED_MAP" -> SYNCHRONIZED_MAP.put(item, Boolean.TRUE);
            case "EXECUTOR" -> EXECUTOR.execute(item);
            case "HASH_MULTIMAP" -> HASH_MULTIMAP.put(item.id() % MULTIMAP_KEYS, item);
            default -> throw new IllegalArgumentException(FAMILIES[family]);
        }
    }

    /** Past the LRU map's and the Caffeine cache's maximum, keys the weak map lets go, and a slow fill. */
    private static void fillTheBoundedOnes() {
        for (int i = 0; i < 300; i++) {
            Item item = new Item(nextId++, new byte[64]);
            LRU.put(item.id(), item);
            AT_MAXIMUM.put(item.id(), item);
            CLEARING_WEAK_MAP.put(new Object(), item);
        }
        AT_MAXIMUM.cleanUp();
        for (int i = 0; i < 50; i++) {
            Item item = new Item(nextId++, new byte[64]);
            FILLING.put(item.id(), item);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** In a method of its own, so that no local of the load loop is on the stack as a root. */
    private static void dump(Path hprof) throws IOException {
        SelfHeapDump.write(hprof, true);
    }
}
