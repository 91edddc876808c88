package dev.heapdelta.analyzer.inspections;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.graph.HeapFormat;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.leaks.BackingArray;
import dev.heapdelta.analyzer.leaks.Container;
import dev.heapdelta.analyzer.leaks.ContainerCensus;
import dev.heapdelta.analyzer.leaks.ContainerInspector;
import dev.heapdelta.analyzer.leaks.ContainerKind;
import dev.heapdelta.analyzer.leaks.JavaContainers;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MAT's "empty collections" and "collection fill ratio", with the leak detectors' knowledge of each
 * collection's size field ({@link JavaContainers}): collections holding nothing, by class; and for
 * array-backed lists and hash tables, size ÷ capacity by class and path key, with the bytes of the
 * backing array's unused slots. A Java collection that only serves another (a HashSet's HashMap) is not
 * counted empty apart from its owner; V8's collections have no such delegates. V8: Maps, Sets and Arrays (not plain objects), with the fill
 * ratio of Maps' and Sets' hash tables ({@link V8Collections}); an Array's capacity tells nothing there,
 * as its small integers are no edges. Performance: one pass over the collections, one path each.
 */
public final class CollectionWaste {
    private CollectionWaste() {
    }

    /** Empty collections of one class; {@code retainedBytes} includes their empty backing arrays. */
    public record EmptyGroup(String className, long count, long shallowBytes, long retainedBytes, int sample) {
    }

    /**
     * Array-backed collections of one class at one path key.
     *
     * @param wastedBytes the bytes of their backing arrays' unused slots
     */
    public record FillGroup(String className, String pathKey, long count, double averageFill, double minFill,
            double maxFill, long wastedBytes, int sample) {
    }

    public record Result(List<EmptyGroup> empty, List<FillGroup> fillRatio) {
    }

    public static Result of(Snapshot snapshot) {
        HeapGraph graph = snapshot.graph();
        ContainerInspector inspector = ContainerCensus.inspectorFor(snapshot);
        JavaContainers javaContainers = inspector instanceof JavaContainers java ? java : null;
        boolean v8 = graph.format() == HeapFormat.V8;
        boolean[] candidate = new boolean[graph.classCount()];
        for (int c = 0; c < candidate.length; c++) {
            candidate[c] = inspector.isCandidateClass(snapshot, c);
        }
        Map<Integer, Container> containers = new LinkedHashMap<>();
        for (int o = 0; o < graph.objectCount(); o++) {
            int c = graph.classOf(o);
            if (c >= 0 && candidate[c] && snapshot.dominatorTree().isReachable(o)) {
                Container container = inspector.inspect(snapshot, o);
                if (container != null && container.kind() != ContainerKind.ARRAY
                        && (!v8 || V8Collections.isCollection(graph, container))) {
                    containers.put(o, container);
                }
            }
        }
        Map<String, long[]> empty = new LinkedHashMap<>();
        Map<String, FillFigures> fill = new LinkedHashMap<>();
        for (Container container : containers.values()) {
            int object = container.object();
            String className = graph.classNameOf(object);
            boolean holdsNothing = v8 ? V8Collections.isEmpty(graph, container) : container.elements() == 0;
            if (holdsNothing && (v8 || !servesAnother(snapshot, object, containers))) {
                long[] figures = empty.computeIfAbsent(className, k -> new long[] {0, 0, 0, object});
                figures[0]++;
                figures[1] += graph.shallowSizeOf(object);
                figures[2] += snapshot.dominatorTree().retainedSizeOf(object);
            }
            CollectionFill filled = v8 ? V8Collections.fillOf(graph, container)
                    : javaFill(snapshot, javaContainers, container);
            if (filled != null && filled.backing().capacity() > 0) {
                String key = className + "\u0000" + snapshot.pathKeyOf(object);
                fill.computeIfAbsent(key, k -> new FillFigures(className, snapshot.pathKeyOf(object), object))
                        .add(container.elements(), filled.backing(), filled.unusedBytes());
            }
        }
        List<EmptyGroup> emptyGroups = new ArrayList<>();
        empty.forEach((className, f) -> emptyGroups.add(new EmptyGroup(className, f[0], f[1], f[2], (int) f[3])));
        emptyGroups.sort(Comparator.comparingLong(EmptyGroup::retainedBytes).reversed()
                .thenComparing(EmptyGroup::className));
        List<FillGroup> fillGroups = new ArrayList<>();
        for (FillFigures figures : fill.values()) {
            fillGroups.add(figures.group());
        }
        fillGroups.sort(Comparator.comparingLong(FillGroup::wastedBytes).reversed()
                .thenComparing(FillGroup::className).thenComparing(FillGroup::pathKey));
        return new Result(emptyGroups, fillGroups);
    }

    private static CollectionFill javaFill(Snapshot snapshot, JavaContainers javaContainers, Container container) {
        BackingArray backing = javaContainers == null ? null
                : javaContainers.backingArrayOf(snapshot, container.object());
        return backing == null || backing.capacity() <= 0 ? null : new CollectionFill(backing,
                unusedSlotBytes(snapshot.graph(), container.elements(), backing));
    }

    /** Held directly by another collection on its shortest path: its delegate (a HashSet's map). */
    private static boolean servesAnother(Snapshot snapshot, int object, Map<Integer, Container> containers) {
        int parentEdge = snapshot.shortestPaths().parentEdgeOf(object);
        return parentEdge >= 0 && containers.containsKey(snapshot.graph().edgeSource(parentEdge));
    }

    /**
     * The unused slots times the reference size, which the array's own shallow size tells: with n slots it
     * is {@code align(24 + 8n)} for 8-byte references and {@code align(16 + 4n)} (or 12 + 4n) for 4-byte ones,
     * and the two never coincide.
     */
    private static long unusedSlotBytes(HeapGraph graph, long elements, BackingArray backing) {
        long slots = backing.referenceSlots();
        long usedSlots = Math.min(slots, elements * (slots / Math.max(1, backing.capacity())));
        long referenceSize = graph.shallowSizeOf(backing.array()) == (24 + 8 * slots + 7) / 8 * 8 ? 8 : 4;
        return (slots - usedSlots) * referenceSize;
    }

    private static final class FillFigures {
        private final String className;
        private final String pathKey;
        private final int sample;
        private long count;
        private double fillSum;
        private double minFill = Double.MAX_VALUE;
        private double maxFill;
        private long wastedBytes;

        FillFigures(String className, String pathKey, int sample) {
            this.className = className;
            this.pathKey = pathKey;
            this.sample = sample;
        }

        void add(long elements, BackingArray backing, long unusedBytes) {
            double ratio = Math.min(1.0, (double) elements / backing.capacity());
            count++;
            fillSum += ratio;
            minFill = Math.min(minFill, ratio);
            maxFill = Math.max(maxFill, ratio);
            wastedBytes += unusedBytes;
        }

        FillGroup group() {
            return new FillGroup(className, pathKey, count, fillSum / count, minFill, maxFill, wastedBytes, sample);
        }
    }
}
