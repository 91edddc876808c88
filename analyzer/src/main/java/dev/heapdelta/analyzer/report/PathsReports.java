package dev.heapdelta.analyzer.report;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.format.ObjectIds;
import dev.heapdelta.analyzer.format.PathStepRow;
import dev.heapdelta.analyzer.format.PathStepRows;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.query.PathExclusions;
import dev.heapdelta.analyzer.query.PathStep;
import dev.heapdelta.analyzer.query.ShortestPaths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Paths to GC roots, as MAT's "Path to GC roots" (one object) and "Merge shortest paths" (a class):
 * the shortest strong path of every instance, merged when root, classes and edges all agree.
 */
public final class PathsReports {
    private PathsReports() {
    }

    /** @return null when no object has that id */
    public static PathsReport forObject(Snapshot snapshot, long id) {
        return forObject(snapshot, id, PathExclusions.defaults());
    }

    /** The shortest path that avoids {@code exclusions}; null when no object has that id. */
    public static PathsReport forObject(Snapshot snapshot, long id, PathExclusions exclusions) {
        int object = snapshot.graph().findObjectById(id);
        if (object < 0) {
            return null;
        }
        List<PathStep> path = snapshot.shortestPaths(exclusions).pathTo(object);
        PathsReport.MergedPath merged = new PathsReport.MergedPath(snapshot.pathKeys().keyOf(path), 1,
                PathStepRows.of(snapshot, path));
        return new PathsReport(ObjectIds.format(snapshot.graph(), object), path.isEmpty() ? List.of() : List.of(merged));
    }

    /**
     * @param className a class name (HPROF: fully qualified; V8: the DevTools name)
     * @param limit at most this many distinct paths, the most common first
     */
    public static PathsReport forClass(Snapshot snapshot, String className, int limit) {
        return forClass(snapshot, className, limit, PathExclusions.defaults());
    }

    /** The merged paths that avoid {@code exclusions}; null when no class has that name. */
    public static PathsReport forClass(Snapshot snapshot, String className, int limit, PathExclusions exclusions) {
        HeapGraph graph = snapshot.graph();
        boolean[] matches = new boolean[graph.classCount()];
        boolean any = false;
        for (int c = 0; c < matches.length; c++) {
            matches[c] = graph.className(c).equals(className);
            any |= matches[c];
        }
        if (!any) {
            return null;
        }
        // Paths are merged by the key the user reads: instances held at different indexes of the same
        // array or list print the same path, so they are counted together, with the first as example.
        ShortestPaths shortest = snapshot.shortestPaths(exclusions);
        Map<String, long[]> countByKey = new LinkedHashMap<>();
        Map<String, List<PathStep>> exampleByKey = new LinkedHashMap<>();
        for (int o = 0; o < graph.objectCount(); o++) {
            int c = graph.classOf(o);
            if (c < 0 || !matches[c] || !shortest.hasPath(o)) {
                continue;
            }
            List<PathStep> path = shortest.pathTo(o);
            String key = snapshot.pathKeys().keyOf(path);
            countByKey.computeIfAbsent(key, k -> new long[1])[0]++;
            exampleByKey.putIfAbsent(key, path);
        }
        List<PathsReport.MergedPath> paths = new ArrayList<>();
        for (Map.Entry<String, long[]> entry : countByKey.entrySet()) {
            paths.add(new PathsReport.MergedPath(entry.getKey(), entry.getValue()[0],
                    PathStepRows.of(snapshot, exampleByKey.get(entry.getKey()))));
        }
        paths.sort(Comparator.comparingLong(PathsReport.MergedPath::count).reversed()
                .thenComparing(PathsReport.MergedPath::pathKey));
        return new PathsReport(className, paths.size() > limit ? paths.subList(0, limit) : paths);
    }

    /**
     * The class names a short name may have meant: those ending with it after a package or an outer
     * class ({@code Session} → {@code dev.example.Session}, {@code Outer$Session}), sorted, at most {@code limit}.
     */
    public static List<String> classNamesEndingWith(Snapshot snapshot, String typed, int limit) {
        HeapGraph graph = snapshot.graph();
        TreeSet<String> names = new TreeSet<>();
        for (int c = 0; c < graph.classCount(); c++) {
            String name = graph.className(c);
            if (name.endsWith("." + typed) || name.endsWith("$" + typed) || name.equalsIgnoreCase(typed)) {
                names.add(name);
            }
        }
        return names.stream().limit(limit).toList();
    }
}
