package dev.heapdelta.analyzer.hprof;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.heapdelta.analyzer.dominators.DominatorTree;
import dev.heapdelta.analyzer.dominators.RetentionRule;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.testing.HprofWriter;
import dev.heapdelta.analyzer.testing.HprofWriter.Type;
import dev.heapdelta.analyzer.testing.JavaClasses;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A ten-million-long singly linked list, the normal shape of a leak, read and dominated without recursion. */
class LongChainTest {
    private static final int LENGTH = 10_000_000;
    private static final long NODE = 0x1100;
    private static final long FIRST = JavaClasses.FIRST_FREE;

    @TempDir
    Path dir;

    @Test
    void tenMillionLongChainIsReadAndEachNodeDominatesTheRest() throws IOException {
        Path file = dir.resolve("chain.hprof");
        try (HprofWriter w = HprofWriter.toFile(file, 4)) {
            JavaClasses.write(w);
            w.classDump(NODE, "Node", JavaClasses.OBJECT).field("next", Type.OBJECT).write();
            w.root(HprofWriter.ROOT_STICKY_CLASS, NODE).rootJniGlobal(FIRST, 1);
            for (int i = 0; i < LENGTH; i++) {
                w.instance(FIRST + 16L * i, NODE, i + 1 < LENGTH ? FIRST + 16L * (i + 1) : 0);
            }
            w.endHeapDump();
        }
        HeapGraph graph = Graphs.read(file);
        assertEquals(LENGTH + 12, graph.objectCount());
        DominatorTree tree = Graphs.dominators(graph, RetentionRule.matDefault());
        int first = Graphs.object(graph, FIRST);
        int middle = Graphs.object(graph, FIRST + 16L * (LENGTH / 2));
        int last = Graphs.object(graph, FIRST + 16L * (LENGTH - 1));
        assertEquals(16, graph.shallowSizeOf(first), "8-byte header + 4-byte reference, padded");
        assertEquals(16L * LENGTH, tree.retainedSizeOf(first));
        assertEquals(16L * (LENGTH - LENGTH / 2), tree.retainedSizeOf(middle));
        assertEquals(last - 1, tree.immediateDominatorOf(last));
        assertEquals(tree.virtualRoot(), tree.immediateDominatorOf(first));
    }
}
