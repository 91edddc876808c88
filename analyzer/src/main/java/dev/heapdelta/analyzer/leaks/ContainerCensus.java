package dev.heapdelta.analyzer.leaks;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.dominators.DominatorTree;
import dev.heapdelta.analyzer.graph.HeapFormat;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.source.CancelSignal;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every container of a snapshot worth following, grouped by path key. A Java collection held
 * directly by another (a HashSet's HashMap, a Guava cache's LocalCache) is part of its owner, not a
 * container of its own; in V8, where an object of arrays is ordinary data, nesting is kept. Tiny containers are left out: below {@link #MIN_ELEMENTS} entries and {@link #MIN_RETAINED_BYTES}
 * nothing can be a leak worth a row, and skipping them keeps path work proportional to what matters.
 */
public final class ContainerCensus {
    /** How often the pass over every object looks at its cancel signal: every 64 Ki objects. */
    private static final int CANCEL_CHECK_MASK = (1 << 16) - 1;
    static final long MIN_ELEMENTS = 8;
    static final long MIN_RETAINED_BYTES = 16 * 1024;

    private final Map<String, ContainerGroup> groupsByPathKey;
    private Map<Long, ContainerGroup> groupByRepresentativeId;

    private ContainerCensus(Map<String, ContainerGroup> groupsByPathKey) {
        this.groupsByPathKey = groupsByPathKey;
    }

    public static ContainerInspector inspectorFor(Snapshot snapshot) {
        return snapshot.format() == HeapFormat.HPROF ? new JavaContainers() : new V8Containers();
    }

    /** Performance: one pass over the objects of candidate classes, plus one path per container kept. */
    public static ContainerCensus of(Snapshot snapshot) {
        return of(snapshot, CancelSignal.NEVER);
    }

    /**
     * The census, stopped with {@link dev.heapdelta.analyzer.source.AnalysisCancelledException} once {@code cancel}
     * is raised: it looks at every object, and asks each container for its path.
     */
    public static ContainerCensus of(Snapshot snapshot, CancelSignal cancel) {
        HeapGraph graph = snapshot.graph();
        DominatorTree tree = snapshot.dominatorTree();
        ContainerInspector inspector = inspectorFor(snapshot);
        boolean[] candidate = new boolean[graph.classCount()];
        for (int c = 0; c < candidate.length; c++) {
            candidate[c] = inspector.isCandidateClass(snapshot, c);
        }
        Map<Integer, Container> containerByObject = new HashMap<>();
        for (int o = 0; o < graph.objectCount(); o++) {
            if ((o & CANCEL_CHECK_MASK) == 0) {
                cancel.throwIfCancelled();
            }
            int c = graph.classOf(o);
            if (c >= 0 && candidate[c] && tree.isReachable(o)) {
                Container container = inspector.inspect(snapshot, o);
                if (container != null) {
                    containerByObject.put(o, container);
                }
            }
        }
        Map<String, List<Container>> membersByKey = new LinkedHashMap<>();
        Set<String> threadLocalKeys = new HashSet<>();
        for (Container container : containerByObject.values()) {
            // Each container's path may take the shortest paths' search further: the slow part on a large dump,
            // which stops as soon as the search is cancelled.
            snapshot.shortestPaths().reach(container.object(), cancel);
            if (graph.format() == HeapFormat.HPROF && isClassLoaderMachinery(snapshot, container.object())) {
                // A loader's lock map, certificates and class list grow with its classes: evidence of a
                // class-loader leak (ClassLoaderLeakDetector), never a collection of their own.
                continue;
            }
            int threadLocal = ThreadLocalValues.threadLocalHolding(snapshot, container.object());
            // A ThreadLocal's values are summed over threads, so a thread's small one still counts.
            if (threadLocal < 0 && container.elements() < MIN_ELEMENTS
                    && tree.retainedSizeOf(container.contents()) < MIN_RETAINED_BYTES) {
                continue;
            }
            int parentEdge = snapshot.shortestPaths().parentEdgeOf(container.object());
            if (graph.format() == HeapFormat.HPROF && parentEdge >= 0
                    && containerByObject.containsKey(graph.edgeSource(parentEdge))) {
                // A Java collection held directly by another is its delegate (HashSet's map, a cache's table).
                continue;
            }
            if (container.kind() == ContainerKind.ARRAY && isOwnedByContainer(snapshot, container.object(),
                    containerByObject)) {
                continue;
            }
            if (graph.format() == HeapFormat.HPROF && isInsideMultimap(snapshot, container.object(), containerByObject)) {
                // A multimap's value lists are its machinery: the multimap counts their entries.
                continue;
            }
            String key = snapshot.pathKeyOf(threadLocal >= 0 ? threadLocal : container.object());
            if (key.isEmpty()) {
                continue;
            }
            if (threadLocal >= 0) {
                threadLocalKeys.add(key);
            }
            membersByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(container);
        }
        Map<String, ContainerGroup> groups = new LinkedHashMap<>();
        for (Map.Entry<String, List<Container>> entry : membersByKey.entrySet()) {
            groups.put(entry.getKey(), group(tree, entry.getKey(), entry.getValue(),
                    threadLocalKeys.contains(entry.getKey())));
        }
        return new ContainerCensus(groups);
    }

    /**
     * A plain array counts only when no collection owns it (DESIGN.md §4): none of the objects on its
     * path from a GC root is a container or a container's machinery.
     */
    private static boolean isOwnedByContainer(Snapshot snapshot, int array, Map<Integer, Container> containers) {
        HeapGraph graph = snapshot.graph();
        for (var step : snapshot.pathToRoot(array)) {
            int object = step.object();
            if (object != array && (containers.containsKey(object)
                    || ContainerInternals.isInternalClass(graph.format(), graph.classNameOf(object)))) {
                return true;
            }
        }
        return false;
    }

    /** A container that a class loader holds in one of its own fields. */
    private static boolean isClassLoaderMachinery(Snapshot snapshot, int object) {
        HeapGraph graph = snapshot.graph();
        int edge = snapshot.shortestPaths().parentEdgeOf(object);
        if (edge < 0) {
            return false;
        }
        int holder = graph.classOf(graph.edgeSource(edge));
        for (int c = holder, depth = 0; c >= 0 && depth < 16; c = graph.heapClass(c).superClass(), depth++) {
            if (graph.className(c).equals("java.lang.ClassLoader")) {
                return true;
            }
        }
        return false;
    }

    /** Whether a Guava multimap is on the container's path from a GC root: then the container is one of its value lists. */
    private static boolean isInsideMultimap(Snapshot snapshot, int object, Map<Integer, Container> containers) {
        for (var step : snapshot.pathToRoot(object)) {
            Container outer = containers.get(step.object());
            if (step.object() != object && outer != null && outer.keys() >= 0) {
                return true;
            }
        }
        return false;
    }

    private static ContainerGroup group(DominatorTree tree, String key, List<Container> members, boolean threadLocal) {
        long elements = 0;
        long keys = 0;
        long maximum = 0;
        long weight = 0;
        boolean bounded = true;
        int[] objects = new int[members.size()];
        BitSet memberSet = new BitSet();
        int representative = -1;
        for (int i = 0; i < objects.length; i++) {
            Container member = members.get(i);
            elements += member.elements();
            keys = member.keys() < 0 || keys < 0 ? -1 : keys + member.keys();
            bounded &= member.bounds().isBounded();
            maximum += member.bounds().maximum();
            weight += Math.max(0, member.bounds().weight());
            // An executor's or a Timer's queue, which its worker thread shares, is what holds the entries:
            // its retained size, samples and path are the container's.
            boolean sharedContents = member.contents() != member.object()
                    && !LargeRetainerDetector.dominates(tree, member.object(), member.contents());
            objects[i] = sharedContents ? member.contents() : member.object();
            memberSet.set(objects[i]);
            if (representative < 0 || tree.retainedSizeOf(objects[i]) > tree.retainedSizeOf(representative)) {
                representative = objects[i];
            }
        }
        long retained = 0;
        for (int object : objects) {
            if (objects.length == 1 || !dominatedByAnotherMember(tree, object, memberSet)) {
                retained += tree.retainedSizeOf(object);
            }
        }
        Container first = members.get(0);
        return new ContainerGroup(key, first.kind(), first.family(), elements, retained, representative, objects,
                bounded ? new CacheBounds(maximum, weight) : CacheBounds.NONE, keys, threadLocal, first.view());
    }

    /** Walks up the dominator chain; bounded, since a member deeper than this is rare and only costs a recount. */
    private static boolean dominatedByAnotherMember(DominatorTree tree, int object, BitSet members) {
        int d = tree.immediateDominatorOf(object);
        for (int steps = 0; d >= 0 && d != tree.virtualRoot() && steps < 10_000; steps++) {
            if (members.get(d)) {
                return true;
            }
            d = tree.immediateDominatorOf(d);
        }
        return false;
    }

    public Map<String, ContainerGroup> groupsByPathKey() {
        return groupsByPathKey;
    }

    public ContainerGroup group(String pathKey) {
        return groupsByPathKey.get(pathKey);
    }

    /** The group whose representative has this object id (V8 node ids are stable across snapshots), or null. */
    public ContainerGroup groupWithRepresentativeId(HeapGraph graph, long id) {
        if (groupByRepresentativeId == null) {
            Map<Long, ContainerGroup> byId = new HashMap<>();
            for (ContainerGroup group : groupsByPathKey.values()) {
                byId.put(graph.idOf(group.representative()), group);
            }
            groupByRepresentativeId = byId;
        }
        return groupByRepresentativeId.get(id);
    }
}
