package dev.heapdelta.app.gui.classes;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.dominators.DominatorTree;
import dev.heapdelta.analyzer.graph.HeapGraph;
import java.util.Arrays;
import java.util.BitSet;

/** The reachable instances of a set of classes in one snapshot. Performance: one pass over the objects. */
final class ClassInstances {
    private ClassInstances() {
    }

    static int[] of(Snapshot opened, BitSet classes) {
        HeapGraph graph = opened.graph();
        DominatorTree tree = opened.dominatorTree();
        int[] found = new int[64];
        int count = 0;
        for (int o = 0; o < graph.objectCount(); o++) {
            int c = graph.classOf(o);
            if (c >= 0 && classes.get(c) && tree.isReachable(o)) {
                if (count == found.length) {
                    found = Arrays.copyOf(found, count * 2);
                }
                found[count++] = o;
            }
        }
        return Arrays.copyOf(found, count);
    }
}
