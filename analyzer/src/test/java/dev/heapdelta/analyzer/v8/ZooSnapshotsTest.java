package dev.heapdelta.analyzer.v8;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.dominators.DominatorTree;
import dev.heapdelta.analyzer.graph.EdgeKind;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.graph.ObjectKind;
import dev.heapdelta.analyzer.testing.SnapshotLayout;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The facts the reference README lists for the V8 files of the zoo. */
class ZooSnapshotsTest {

    private static HeapGraph zoo(String name) throws Exception {
        return ReferenceSnapshots.read(ReferenceSnapshots.reference("zoo/" + name));
    }

    private static long selfSizeSum(HeapGraph graph) {
        long sum = 0;
        for (int o = 0; o < graph.objectCount(); o++) {
            sum += graph.shallowSizeOf(o);
        }
        return sum;
    }

    private static List<Integer> objectsOfClass(HeapGraph graph, String className) {
        List<Integer> result = new ArrayList<>();
        for (int o = 0; o < graph.objectCount(); o++) {
            if (graph.classNameOf(o).equals(className) && graph.shallowSizeOf(o) > 0) {
                result.add(o);
            }
        }
        return result;
    }

    @Test
    void d8HeapOneHasTheStatisticsD8Reports() throws Exception {
        HeapGraph graph = zoo("d8_heap-1.heapsnapshot");
        assertEquals(14_116, graph.objectCount());
        assertEquals(48_922, graph.edgeCount());
        assertEquals(128_252, selfSizeSum(graph));
        assertEquals(128_252, graph.info().statistics().get("total"));
        assertEquals(20_680, graph.info().statistics().get("native"));
        assertEquals(8_492, graph.info().statistics().get("code"));
        assertEquals(5_820, graph.info().statistics().get("strings"));
        assertEquals(3, objectsOfClass(graph, "InitialObject").size());
    }

    @Test
    void d8HeapTwoHasOneInitialObjectAndTwoNewObjects() throws Exception {
        HeapGraph graph = zoo("d8_heap-2.heapsnapshot");
        assertEquals(1, objectsOfClass(graph, "InitialObject").size());
        assertEquals(2, objectsOfClass(graph, "NewObject").size());
    }

    @Test
    void weakTargetIsHeldStronglyByGlobalAndWeaklyByWeakRefAndRegistry() throws Exception {
        HeapGraph graph = zoo("d8_weakrefs.heapsnapshot");
        assertEquals(1, objectsOfClass(graph, "StrongTarget").size());
        List<Integer> weakTargets = objectsOfClass(graph, "WeakTarget");
        assertEquals(1, weakTargets.size());
        int target = weakTargets.get(0);
        V8ObjectDetails details = (V8ObjectDetails) graph.details();
        Set<String> retainers = new HashSet<>();
        boolean heldByWeakObj = false;
        var incoming = graph.incoming();
        for (int i = incoming.firstIncoming(target); i < incoming.endIncoming(target); i++) {
            int edge = incoming.edge(i);
            String source = graph.classNameOf(incoming.source(i));
            retainers.add(source + " " + graph.edgeKind(edge));
            heldByWeakObj |= details.edgeName(edge).equals("weakObj") && graph.edgeKind(edge) == EdgeKind.V8_PROPERTY;
        }
        assertTrue(heldByWeakObj, "globalThis.weakObj holds it: " + retainers);
        assertTrue(retainers.stream().anyMatch(r -> r.startsWith("WeakRef ")), "a WeakRef refers to it: " + retainers);
        DominatorTree tree = DominatorTree.computeDefault(graph);
        assertTrue(tree.isReachable(target));
    }

    @Test
    void devtoolsKitSnapshotTotalsIncludeExtraNativeBytes() throws Exception {
        HeapGraph first = zoo("devtoolskit_snapshot1.heapsnapshot.gz");
        assertEquals(352_312, selfSizeSum(first));
        assertEquals(352_312, first.info().statistics().get("total"));
        assertEquals(8_632, first.shallowSizeOf(first.syntheticRoot()));
        assertEquals(11_568, first.info().statistics().get("native"));
        assertEquals(5_156, first.info().statistics().get("strings"));
        HeapGraph second = zoo("devtoolskit_snapshot2.heapsnapshot.gz");
        assertEquals(353_421, second.info().statistics().get("total"));
        Set<Long> firstFooIds = new HashSet<>();
        for (int o : objectsOfClass(first, "Foo")) {
            firstFooIds.add(first.idOf(o));
        }
        List<Integer> added = new ArrayList<>();
        for (int o : objectsOfClass(second, "Foo")) {
            if (!firstFooIds.contains(second.idOf(o))) {
                added.add(o);
            }
        }
        assertEquals(1, added.size());
        assertEquals(52, second.shallowSizeOf(added.get(0)));
    }

    @Test
    void alinodeSnapshotWithUnlistedTypesAndHugeIdsReads() throws Exception {
        HeapGraph graph = zoo("devtoolx_test.heapsnapshot");
        int unknown = 0;
        long maxId = 0;
        for (int o = 0; o < graph.objectCount(); o++) {
            if (graph.kindOf(o) == ObjectKind.V8_UNKNOWN) {
                unknown++;
            }
            maxId = Math.max(maxId, graph.idOf(o));
        }
        assertEquals(42, unknown);
        assertEquals(3_970_210_020L, maxId);
        V8ObjectDetails details = (V8ObjectDetails) graph.details();
        int bigElements = 0;
        long rawSelfSum = 0;
        for (int o = 0; o < graph.objectCount(); o++) {
            rawSelfSum += graph.shallowSizeOf(o);
            if (details.nodeName(o).equals("(object elements)") && details.typeName(o).equals("array")
                    && rawSize(graph, o) == 80_000_016L) {
                bigElements++;
            }
        }
        assertEquals(1_284_644_636L, rawSelfSum);
        assertEquals(16, bigElements, "16 (object elements) arrays of 80,000,016 B, before or after moving to owners");
        DominatorTree tree = DominatorTree.computeDefault(graph);
        assertEquals(1_284_644_636L, tree.retainedSizeOf(tree.virtualRoot()));
    }

    /** The size an array had in the file: its own, or what its single owner gained from it. */
    private static long rawSize(HeapGraph graph, int array) {
        return graph.shallowSizeOf(array) != 0 ? graph.shallowSizeOf(array) : 80_000_016L * ownedBy(graph, array);
    }

    private static int ownedBy(HeapGraph graph, int array) {
        var incoming = graph.incoming();
        for (int i = incoming.firstIncoming(array); i < incoming.endIncoming(array); i++) {
            if (graph.shallowSizeOf(incoming.source(i)) >= 80_000_016L) {
                return 1;
            }
        }
        return 0;
    }

    /** A file cut inside its edges and then closed by hand: its nodes and the edges left are analysed. */
    @Test
    void truncatedSnapshotClaimingMillionsOfNodesIsAPartialGraphOfWhatItHolds() throws Exception {
        var file = ReferenceSnapshots.reference("zoo/v8_nodesource_truncated_small.heapsnapshot");
        var layout = SnapshotLayout.of(java.nio.file.Files.readAllBytes(file));
        HeapGraph graph = ReferenceSnapshots.read(file);
        var info = graph.info();
        assertTrue(info.partial(), info.toString());
        assertEquals(layout.nodeCount(), graph.objectCount());
        int pointingAtNodes = 0;
        for (int edge = 0; edge < layout.edgeCount(); edge++) {
            long toNode = layout.edgeField(edge, "to_node");
            pointingAtNodes += toNode % layout.nodeFieldCount() == 0 && toNode / layout.nodeFieldCount() < layout.nodeCount()
                    ? 1 : 0;
        }
        assertEquals(pointingAtNodes, graph.edgeCount(), "edges to nodes past the file are dropped");
        assertTrue(info.lostRecords() >= layout.declared("node_count") - layout.nodeCount()
                + layout.declared("edge_count") - layout.edgeCount(), info.toString());
        assertTrue(info.warnings().stream().anyMatch(line -> line.contains("26,688,716 nodes snapshot.node_count declares")),
                info.warnings().toString());
        DominatorTree.computeDefault(graph);
    }
}
