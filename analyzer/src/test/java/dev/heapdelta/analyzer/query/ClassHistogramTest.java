package dev.heapdelta.analyzer.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.heapdelta.analyzer.dominators.DominatorTree;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.testing.RandomGraphs;
import org.junit.jupiter.api.Test;

class ClassHistogramTest {

    @Test
    void classRetainedSizeCountsOnlyInstancesWithoutSameClassDominator() {
        for (long seed = 0; seed < 500; seed++) {
            HeapGraph graph = RandomGraphs.random(seed, 5 + (int) (seed % 60), 1 + (int) (seed % 4), 1.5, 2);
            DominatorTree tree = DominatorTree.computeDefault(graph);
            ClassHistogram histogram = ClassHistogram.of(tree);
            for (int c = 0; c < graph.classCount(); c++) {
                long count = 0;
                long shallow = 0;
                long retained = 0;
                for (int o = 0; o < graph.objectCount(); o++) {
                    if (graph.classOf(o) != c || !tree.isReachable(o)) {
                        continue;
                    }
                    count++;
                    shallow += graph.shallowSizeOf(o);
                    if (!hasDominatorOfSameClass(graph, tree, o)) {
                        retained += tree.retainedSizeOf(o);
                    }
                }
                assertEquals(count, histogram.count(c), "seed " + seed + " class " + c + " count");
                assertEquals(shallow, histogram.shallowBytes(c), "seed " + seed + " class " + c + " shallow");
                assertEquals(retained, histogram.retainedBytes(c), "seed " + seed + " class " + c + " retained");
            }
        }
    }

    private static boolean hasDominatorOfSameClass(HeapGraph graph, DominatorTree tree, int object) {
        for (int d = tree.immediateDominatorOf(object); d != tree.virtualRoot(); d = tree.immediateDominatorOf(d)) {
            if (graph.classOf(d) == graph.classOf(object)) {
                return true;
            }
        }
        return false;
    }
}
