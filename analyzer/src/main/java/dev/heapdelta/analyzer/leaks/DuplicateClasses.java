package dev.heapdelta.analyzer.leaks;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.graph.HeapFormat;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.query.ClassLoaders;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Classes of one name defined by more than one class loader, in one HPROF snapshot: the mark of a
 * redeployed application whose old loaders stay alive. Classes whose copies share the same loaders
 * form one group (a plugin of 40 classes loaded 12 times is one group of 40 names, 12 loaders each).
 * V8 has no class loaders: always empty there.
 */
public final class DuplicateClasses {
    private DuplicateClasses() {
    }

    /**
     * Names defined by the same loaders.
     *
     * @param classNames the duplicated names, sorted
     * @param loaders the loader objects, in ascending object index (the first is usually the oldest)
     * @param classObjects the class objects of the first name, one per loader, in loader order
     */
    public record Group(List<String> classNames, int[] loaders, int[] classObjects) {
    }

    /** Performance: one pass over the classes and their class objects' outgoing references. */
    public static List<Group> of(Snapshot snapshot) {
        HeapGraph graph = snapshot.graph();
        if (graph.format() != HeapFormat.HPROF) {
            return List.of();
        }
        Map<String, List<int[]>> loaderAndClassByName = new LinkedHashMap<>();
        for (int c = 0; c < graph.classCount(); c++) {
            int classObject = graph.heapClass(c).classObject();
            if (classObject < 0 || !snapshot.dominatorTree().isReachable(classObject) || isGenerated(graph.className(c))) {
                continue;
            }
            int loader = ClassLoaders.definingLoader(graph, c);
            if (loader != ClassLoaders.BOOTSTRAP) {
                loaderAndClassByName.computeIfAbsent(graph.className(c), k -> new ArrayList<>())
                        .add(new int[] {loader, classObject});
            }
        }
        Map<String, List<String>> namesByLoaders = new LinkedHashMap<>();
        Map<String, int[][]> copiesByLoaders = new LinkedHashMap<>();
        for (Map.Entry<String, List<int[]>> entry : loaderAndClassByName.entrySet()) {
            List<int[]> copies = entry.getValue();
            copies.sort(Comparator.comparingInt(copy -> copy[0]));
            int[] loaders = copies.stream().mapToInt(copy -> copy[0]).distinct().toArray();
            if (loaders.length < 2) {
                continue;
            }
            String loaderSet = Arrays.toString(loaders);
            namesByLoaders.computeIfAbsent(loaderSet, k -> new ArrayList<>()).add(entry.getKey());
            copiesByLoaders.putIfAbsent(loaderSet, copies.toArray(new int[0][]));
        }
        List<Group> groups = new ArrayList<>();
        for (Map.Entry<String, List<String>> entry : namesByLoaders.entrySet()) {
            int[][] copies = copiesByLoaders.get(entry.getKey());
            List<String> names = new ArrayList<>(entry.getValue());
            names.sort(null);
            int[] loaders = Arrays.stream(copies).mapToInt(copy -> copy[0]).distinct().toArray();
            int[] classObjects = Arrays.stream(copies).mapToInt(copy -> copy[1]).toArray();
            groups.add(new Group(List.copyOf(names), loaders, classObjects));
        }
        groups.sort(Comparator.comparingInt((Group g) -> -g.loaders().length)
                .thenComparingInt(g -> -g.classNames().size()).thenComparing(g -> g.classNames().get(0)));
        return groups;
    }

    /** Lambda forms, proxies and reflection accessors are made per loader by design, not redeployed. */
    private static boolean isGenerated(String name) {
        return name.contains("$$Lambda") || name.contains("/0x") || name.startsWith("jdk.proxy")
                || name.startsWith("jdk.internal.reflect.Generated") || name.startsWith("com.sun.proxy.");
    }
}
