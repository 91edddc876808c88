package dev.heapdelta.analyzer.inspections;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.graph.HeapFormat;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.query.ClassHistogram;
import dev.heapdelta.analyzer.query.ClassLoaders;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * MAT's class loader explorer and "duplicate classes": each class loader with the reachable classes it
 * defined, their instances and its own retained size; and the class names that more than one loader
 * defined. Classes of the boot loader are counted under {@link #BOOTSTRAP}. HPROF only.
 * Performance: fast, one look at every class object's edges.
 */
public final class ClassLoaderCensus {
    /** The label of the boot loader, which is no object of the dump. */
    public static final String BOOTSTRAP = "<bootstrap>";

    private ClassLoaderCensus() {
    }

    /**
     * @param object the loader object, or -1 for the boot loader
     * @param classes the reachable classes it defined
     * @param instances their reachable instances
     */
    public record Loader(int object, String className, String label, long classes, long instances,
            long retainedBytes) {
    }

    /** A class name that {@code copies} loaders defined, with the instances of all its copies. */
    public record DuplicateClass(String name, long copies, long instances) {
    }

    public record Result(List<Loader> loaders, List<DuplicateClass> duplicateClasses) {
    }

    public static Result of(Snapshot snapshot) {
        HeapGraph graph = snapshot.graph();
        if (graph.format() != HeapFormat.HPROF) {
            return new Result(List.of(), List.of());
        }
        ClassHistogram histogram = snapshot.histogram();
        Map<Integer, long[]> figuresByLoader = new LinkedHashMap<>();
        Map<String, Set<Integer>> loadersByName = new LinkedHashMap<>();
        Map<String, long[]> instancesByName = new LinkedHashMap<>();
        for (int c = 0; c < graph.classCount(); c++) {
            int classObject = graph.heapClass(c).classObject();
            if (classObject < 0 || !snapshot.dominatorTree().isReachable(classObject)) {
                continue;
            }
            int loader = ClassLoaders.definingLoader(graph, c);
            long[] figures = figuresByLoader.computeIfAbsent(loader, l -> new long[2]);
            figures[0]++;
            figures[1] += histogram.count(c);
            String name = graph.className(c);
            loadersByName.computeIfAbsent(name, n -> new HashSet<>()).add(loader);
            instancesByName.computeIfAbsent(name, n -> new long[1])[0] += histogram.count(c);
        }
        List<Loader> loaders = new ArrayList<>();
        figuresByLoader.forEach((loader, f) -> loaders.add(loader < 0
                ? new Loader(-1, "", BOOTSTRAP, f[0], f[1], 0)
                : new Loader(loader, snapshot.displayClassNameOf(loader), ClassLoaders.nameOf(graph, loader), f[0], f[1],
                        snapshot.dominatorTree().retainedSizeOf(loader))));
        loaders.sort(Comparator.comparingLong(Loader::retainedBytes).reversed()
                .thenComparing(Comparator.comparingLong(Loader::classes).reversed())
                .thenComparing(Loader::className));
        List<DuplicateClass> duplicates = new ArrayList<>();
        loadersByName.forEach((name, definers) -> {
            if (definers.size() > 1) {
                duplicates.add(new DuplicateClass(name, definers.size(), instancesByName.get(name)[0]));
            }
        });
        duplicates.sort(Comparator.comparingLong(DuplicateClass::copies).reversed()
                .thenComparing(DuplicateClass::name));
        return new Result(loaders, duplicates);
    }
}
