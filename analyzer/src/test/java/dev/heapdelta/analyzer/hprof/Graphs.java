package dev.heapdelta.analyzer.hprof;

import dev.heapdelta.analyzer.dominators.DominatorTree;
import dev.heapdelta.analyzer.dominators.RetentionRule;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.ProgressListener;
import dev.heapdelta.analyzer.source.ReadOptions;
import dev.heapdelta.analyzer.store.StoragePolicy;
import dev.heapdelta.analyzer.testing.TestEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Small conveniences for asserting on read HPROF graphs. */
final class Graphs {
    private Graphs() {
    }

    static HeapGraph read(Path file) throws IOException {
        return read(file, 0);
    }

    static HeapGraph read(Path file, int dumpIndex) throws IOException {
        return read(file, dumpIndex, file.resolveSibling("cache"));
    }

    static HeapGraph read(Path file, int dumpIndex, Path cacheDirectory) throws IOException {
        return HprofReader.read(file, new ReadOptions(file.toString(), dumpIndex, cacheDirectory, StoragePolicy.AUTO),
                CancelSignal.NEVER, ProgressListener.NONE);
    }

    /** A dump of the shared reference set, read with its inflated copy cached in {@code cacheDirectory}. */
    static HeapGraph readReference(String relative, int dumpIndex, Path cacheDirectory) throws IOException {
        Path file = TestEnvironment.sharedReference(relative);
        return HprofReader.read(file, new ReadOptions(file.getFileName().toString(), dumpIndex, cacheDirectory, StoragePolicy.AUTO),
                CancelSignal.NEVER, ProgressListener.NONE);
    }

    static DominatorTree dominators(HeapGraph graph, RetentionRule rule) {
        return DominatorTree.compute(graph, rule, -1, CancelSignal.NEVER, ProgressListener.NONE);
    }

    /** The object with this address; fails when there is none. */
    static int object(HeapGraph graph, long address) {
        int object = graph.findObjectById(address);
        if (object < 0) {
            throw new AssertionError("no object at 0x" + Long.toHexString(address));
        }
        return object;
    }

    static int classObject(HeapGraph graph, String className) {
        for (int c = 0; c < graph.classCount(); c++) {
            if (graph.className(c).equals(className)) {
                return graph.heapClass(c).classObject();
            }
        }
        throw new AssertionError("no class " + className);
    }

    /** The names of an object's outgoing edges, in edge order. */
    static List<String> edgeNames(HeapGraph graph, int object) {
        List<String> names = new ArrayList<>();
        for (int e = graph.firstEdge(object); e < graph.endEdge(object); e++) {
            names.add(graph.details().edgeName(e));
        }
        return names;
    }

    static List<Integer> targets(HeapGraph graph, int object) {
        List<Integer> targets = new ArrayList<>();
        for (int e = graph.firstEdge(object); e < graph.endEdge(object); e++) {
            targets.add(graph.edgeTarget(e));
        }
        return targets;
    }

    static boolean hasWarning(HeapGraph graph, String fragment) {
        return graph.info().warnings().stream().anyMatch(w -> w.contains(fragment));
    }
}
