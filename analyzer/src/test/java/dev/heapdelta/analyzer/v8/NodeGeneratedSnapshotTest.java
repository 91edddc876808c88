package dev.heapdelta.analyzer.v8;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.dominators.DominatorTree;
import dev.heapdelta.analyzer.dominators.RetentionRule;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.query.ClassHistogram;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snapshots written by a real Node, checked against a brute-force retained-size computation. */
class NodeGeneratedSnapshotTest {
    private static final int MARKERS = 40;

    @TempDir
    Path dir;

    @Test
    void markerClassCountAndRetainedSizeMatchBruteForce() throws Exception {
        Path script = Files.writeString(dir.resolve("markers.js"), """
                class LeakMarker {
                  constructor(i) {
                    this.index = i;
                    this.payload = new Array(64).fill(i);
                    this.text = ('marker ' + i + ' ').padEnd(300, '-');
                    this.meta = { slot: i, tags: ['a' + i] };
                  }
                }
                globalThis.markers = [];
                for (let i = 0; i < %d; i++) globalThis.markers.push(new LeakMarker(i));
                global.gc();
                require('v8').writeHeapSnapshot(process.argv[2]);
                """.formatted(MARKERS));
        Path snapshot = dir.resolve("markers.heapsnapshot");
        runNode(script, snapshot);
        HeapGraph graph = ReferenceSnapshots.read(snapshot);
        RetentionRule rule = RetentionRule.devTools(graph);
        DominatorTree tree = DominatorTree.compute(graph, rule, graph.syntheticRoot(), CancelSignal.NEVER,
                ProgressListener.NONE);
        ClassHistogram histogram = ClassHistogram.of(tree);
        int markerClass = -1;
        List<Integer> markers = new ArrayList<>();
        for (int o = 0; o < graph.objectCount(); o++) {
            if (graph.classNameOf(o).equals("LeakMarker") && graph.shallowSizeOf(o) > 0) {
                markers.add(o);
                markerClass = graph.classOf(o);
            }
        }
        assertEquals(MARKERS, markers.size());
        assertEquals(MARKERS, histogram.count(markerClass));
        boolean[] reachable = reachableWithout(graph, rule, -1);
        long bruteForceTotal = 0;
        for (int marker : markers) {
            boolean[] without = reachableWithout(graph, rule, marker);
            long retained = 0;
            for (int o = 0; o < graph.objectCount(); o++) {
                if (reachable[o] && !without[o]) {
                    retained += graph.shallowSizeOf(o);
                }
            }
            assertEquals(retained, tree.retainedSizeOf(marker), "retained size of marker @" + graph.idOf(marker));
            bruteForceTotal += retained;
        }
        assertTrue(bruteForceTotal > MARKERS * 300L, "each marker retains at least its text");
        assertEquals(bruteForceTotal, histogram.retainedBytes(markerClass));
    }

    /** Objects reachable from the synthetic root over retaining edges when {@code removed} is taken out. */
    private static boolean[] reachableWithout(HeapGraph graph, RetentionRule rule, int removed) {
        boolean[] seen = new boolean[graph.objectCount()];
        int[] queue = new int[graph.objectCount()];
        int head = 0;
        int tail = 0;
        queue[tail++] = graph.syntheticRoot();
        seen[graph.syntheticRoot()] = true;
        while (head < tail) {
            int object = queue[head++];
            for (int e = graph.firstEdge(object); e < graph.endEdge(object); e++) {
                int target = graph.edgeTarget(e);
                if (!seen[target] && target != removed && rule.retains(graph, object, e)) {
                    seen[target] = true;
                    queue[tail++] = target;
                }
            }
        }
        return seen;
    }

    static void runNode(Path script, Path... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", "--expose-gc", script.toString()));
        for (Path argument : arguments) {
            command.add(argument.toString());
        }
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(script.resolveSibling("node-output.txt").toFile()).start();
        } catch (IOException e) {
            ReferenceSnapshots.requirePresent(false, "node on the PATH");
            return;
        }
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "node finished");
        assertEquals(0, process.exitValue(), Files.readString(script.resolveSibling("node-output.txt")));
    }
}
