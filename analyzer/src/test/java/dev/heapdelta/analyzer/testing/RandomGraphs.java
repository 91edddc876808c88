package dev.heapdelta.analyzer.testing;

import dev.heapdelta.analyzer.graph.DumpInfo;
import dev.heapdelta.analyzer.graph.EdgeKind;
import dev.heapdelta.analyzer.graph.HeapClass;
import dev.heapdelta.analyzer.graph.HeapFormat;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.graph.HeapGraphBuilder;
import dev.heapdelta.analyzer.graph.ObjectKind;
import dev.heapdelta.analyzer.graph.RootKind;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Seeded random heap graphs for oracle tests, built straight through {@link HeapGraphBuilder}. */
public final class RandomGraphs {
    private RandomGraphs() {
    }

    public static DumpInfo info(HeapFormat format) {
        return new DumpInfo(format, "test", 8, 1, 0, 0, 0, false, 0, 0, List.of(), Map.of(), Map.of(), List.of());
    }

    /**
     * A graph of {@code n} objects in {@code classes} classes, with about {@code edgesPerObject} edges
     * each (some {@link EdgeKind#REFERENT}), and {@code entries} entry objects. Edges are added in a
     * shuffled source order, so the builder's permutation is exercised too.
     */
    public static HeapGraph random(long seed, int n, int classes, double edgesPerObject, int entries) {
        Random random = new Random(seed);
        HeapGraphBuilder builder = new HeapGraphBuilder(HeapFormat.HPROF, n, false, false, true);
        EdgeLists edges = new EdgeLists();
        for (int c = 0; c < classes; c++) {
            builder.addClass(new HeapClass("C" + c, "C" + c, -1, -1, 16));
        }
        for (int o = 0; o < n; o++) {
            builder.setObject(o, 1000 + 8L * o, random.nextInt(classes), 8 + 8 * random.nextInt(20),
                    ObjectKind.INSTANCE);
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        int label = 0;
        for (int source : order) {
            int degree = (int) Math.round(random.nextDouble() * 2 * edgesPerObject);
            for (int k = 0; k < degree; k++) {
                int target = random.nextDouble() < 0.3
                        ? Math.max(0, Math.min(n - 1, source + 1 + random.nextInt(3)))
                        : random.nextInt(n);
                EdgeKind kind = random.nextDouble() < 0.1 ? EdgeKind.REFERENT : EdgeKind.FIELD;
                edges.add(source, target, kind, label++);
            }
        }
        for (int i = 0; i < entries; i++) {
            int root = random.nextInt(n);
            builder.addRoot(root, RootKind.STICKY_CLASS, -1);
            builder.addEntry(root);
        }
        edges.adoptInto(builder);
        return builder.build(PlainDetails::new, info(HeapFormat.HPROF));
    }
}
