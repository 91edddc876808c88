package dev.heapdelta.analyzer.inspections;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.dominators.DominatorTree;
import dev.heapdelta.analyzer.dominators.TreeWalkStack;
import dev.heapdelta.analyzer.graph.HeapFormat;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.query.ClassLoaders;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;
import java.util.function.UnaryOperator;

/**
 * The class histogram grouped by package, as MAT's "group by package", over all loaders and per class
 * loader. A class belongs to its own package (an array to its element class's; primitive arrays to none);
 * a parent package rolls up its sub-packages, so {@code com.acme} counts {@code com.acme.store}'s
 * instances too. A package's retained size is that of its instances no other instance of the package (or
 * of its sub-packages) dominates, computed for every package in one walk of the dominator tree, as the
 * class histogram does per class. V8, where code comes in npm packages rather than Java packages, groups
 * the objects whose script the snapshot names ({@link NpmPackages}): closures by their function's script,
 * objects by their constructor's; {@code @scope} rolls up its packages; there are no loaders.
 */
public final class PackageHistogram {
    private PackageHistogram() {
    }

    /**
     * @param count instances of classes in the package and its sub-packages
     * @param directCount instances of classes directly in the package
     */
    public record Row(String name, long count, long shallowBytes, long retainedBytes, long directCount,
            long directShallowBytes) {
    }

    /** The packages of the classes one loader defined ({@code loader} -1: the boot loader). */
    public record LoaderPackages(int loader, String className, String label, List<Row> packages) {
    }

    public record Result(List<Row> packages, List<LoaderPackages> byLoader) {
    }

    public static Result of(Snapshot snapshot) {
        HeapGraph graph = snapshot.graph();
        if (graph.format() != HeapFormat.HPROF) {
            NpmPackages npm = NpmPackages.of(graph);
            return new Result(rows(snapshot, npm.groupCount(), npm::groupOf, npm::packageOf, g -> "",
                    NpmPackages::parentOf), List.of());
        }
        int[] loaderByClass = new int[graph.classCount()];
        for (int c = 0; c < loaderByClass.length; c++) {
            loaderByClass[c] = ClassLoaders.definingLoader(graph, c);
        }
        List<Row> all = classRows(snapshot, c -> "");
        Map<Integer, List<Row>> perLoader = new LinkedHashMap<>();
        Map<String, List<Row>> byLoaderKey = groupRows(classRows(snapshot, c -> loaderByClass[c] + "\u0000"));
        byLoaderKey.forEach((loader, rows) -> perLoader.put(Integer.parseInt(loader), rows));
        List<LoaderPackages> byLoader = new ArrayList<>();
        perLoader.forEach((loader, rows) -> byLoader.add(loader < 0
                ? new LoaderPackages(-1, "", ClassLoaderCensus.BOOTSTRAP, rows)
                : new LoaderPackages(loader, snapshot.displayClassNameOf(loader),
                        ClassLoaders.nameOf(snapshot.graph(), loader), rows)));
        byLoader.sort(Comparator.comparingLong((LoaderPackages l) -> l.packages().stream()
                .mapToLong(Row::directShallowBytes).sum()).reversed());
        return new Result(all, byLoader);
    }

    /** Rows whose names carry a group prefix ending in NUL, split by that prefix with the prefix removed. */
    private static Map<String, List<Row>> groupRows(List<Row> rows) {
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        for (Row row : rows) {
            int cut = row.name().indexOf('\u0000');
            groups.computeIfAbsent(row.name().substring(0, cut), k -> new ArrayList<>())
                    .add(new Row(row.name().substring(cut + 1), row.count(), row.shallowBytes(), row.retainedBytes(),
                            row.directCount(), row.directShallowBytes()));
        }
        return groups;
    }

    /** One row per Java package (and prefix), with its ancestors; {@code prefix} splits them into groups. */
    private static List<Row> classRows(Snapshot snapshot, IntFunction<String> prefix) {
        HeapGraph graph = snapshot.graph();
        return rows(snapshot, graph.classCount(), graph::classOf, c -> packageOf(graph.className(c)), prefix,
                PackageHistogram::parentOf);
    }

    /**
     * One row per package (and prefix), with its ancestors. Each object belongs to a group (a class, a script's
     * package), -1 for none; each group to a package, empty for none.
     */
    private static List<Row> rows(Snapshot snapshot, int groupCount, IntUnaryOperator groupOfObject,
            IntFunction<String> packageOfGroup, IntFunction<String> prefix, UnaryOperator<String> parentOf) {
        HeapGraph graph = snapshot.graph();
        Map<String, Integer> idByName = new LinkedHashMap<>();
        int[][] packagesByClass = new int[groupCount][];
        int[] directByClass = new int[groupCount];
        for (int c = 0; c < packagesByClass.length; c++) {
            String own = packageOfGroup.apply(c);
            if (own.isEmpty()) {
                packagesByClass[c] = new int[0];
                directByClass[c] = -1;
                continue;
            }
            String group = prefix.apply(c);
            List<Integer> chain = new ArrayList<>();
            for (String name = own; !name.isEmpty(); name = parentOf.apply(name)) {
                chain.add(idByName.computeIfAbsent(group + name, n -> idByName.size()));
            }
            packagesByClass[c] = chain.stream().mapToInt(Integer::intValue).toArray();
            directByClass[c] = packagesByClass[c][0];
        }
        int packages = idByName.size();
        long[] count = new long[packages];
        long[] shallow = new long[packages];
        long[] retained = new long[packages];
        long[] directCount = new long[packages];
        long[] directShallow = new long[packages];
        int[] onPath = new int[packages];
        DominatorTree tree = snapshot.dominatorTree();
        TreeWalkStack stack = new TreeWalkStack(tree);
        int root = tree.virtualRoot();
        stack.push(root);
        while (!stack.isEmpty()) {
            int object = stack.nextChildOfTop();
            if (object < 0) {
                int parent = stack.topObject();
                if (parent != root) {
                    int c = groupOfObject.applyAsInt(parent);
                    for (int p : c < 0 ? new int[0] : packagesByClass[c]) {
                        onPath[p]--;
                    }
                }
                stack.pop();
                continue;
            }
            int c = groupOfObject.applyAsInt(object);
            if (c >= 0) {
                long size = graph.shallowSizeOf(object);
                for (int p : packagesByClass[c]) {
                    count[p]++;
                    shallow[p] += size;
                    if (onPath[p]++ == 0) {
                        retained[p] += tree.retainedSizeOf(object);
                    }
                }
                if (directByClass[c] >= 0) {
                    directCount[directByClass[c]]++;
                    directShallow[directByClass[c]] += size;
                }
            }
            stack.push(object);
        }
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, Integer> entry : idByName.entrySet()) {
            int p = entry.getValue();
            if (count[p] > 0) {
                rows.add(new Row(entry.getKey(), count[p], shallow[p], retained[p], directCount[p], directShallow[p]));
            }
        }
        rows.sort(Comparator.comparingLong(Row::retainedBytes).reversed().thenComparing(Row::name));
        return rows;
    }

    /** {@code com.acme} for {@code com.acme.Store$Item} and {@code com.acme.Store[][]}; empty for none. */
    static String packageOf(String className) {
        String element = className;
        while (element.endsWith("[]")) {
            element = element.substring(0, element.length() - 2);
        }
        int dot = element.lastIndexOf('.');
        return dot < 0 ? "" : element.substring(0, dot);
    }

    private static String parentOf(String packageName) {
        int dot = packageName.lastIndexOf('.');
        return dot < 0 ? "" : packageName.substring(0, dot);
    }
}
