package dev.heapdelta.analyzer.v8;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.heapdelta.analyzer.dominators.DominatorTree;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.testing.V8SnapshotBuilder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DevTools' edge rules and its handling of what the root does not reach, on tiny snapshots. */
class DevToolsDominatorRulesTest {
    @TempDir
    Path dir;

    @Test
    void orphansHangFromTheRootWithTheirSubtreesAndUnreachableCyclesHangOneByOne() throws Exception {
        V8SnapshotBuilder b = new V8SnapshotBuilder();
        int root = b.node("synthetic", "(root)", 0);
        int global = b.node("object", "global", 10);
        int a = b.node("object", "A", 10);
        int orphan = b.node("object", "Orphan", 10);
        int child = b.node("object", "Child", 10);
        int cycle1 = b.node("object", "Cycle", 10);
        int cycle2 = b.node("object", "Cycle", 10);
        int held = b.node("object", "HeldByCycle", 10);
        b.edge(root, "shortcut", "global", global).edge(global, "property", "a", a);
        b.edge(a, "weak", "w", orphan).edge(orphan, "property", "child", child).edge(orphan, "property", "self", orphan);
        b.edge(cycle1, "property", "next", cycle2).edge(cycle2, "property", "next", cycle1);
        b.edge(cycle1, "property", "held", held);
        HeapGraph graph = ReferenceSnapshots.read(b.write(dir.resolve("orphans.heapsnapshot")));
        DominatorTree tree = DominatorTree.computeDefault(graph);
        assertEquals(root, tree.immediateDominatorOf(orphan));
        assertEquals(orphan, tree.immediateDominatorOf(child));
        assertEquals(20, tree.retainedSizeOf(orphan));
        assertEquals(root, tree.immediateDominatorOf(cycle1));
        assertEquals(root, tree.immediateDominatorOf(cycle2));
        assertEquals(root, tree.immediateDominatorOf(held));
        assertEquals(10, tree.retainedSizeOf(cycle1));
        assertEquals(5, tree.unreachableCount());
        assertEquals(70, tree.retainedSizeOf(root));
    }

    @Test
    void weakMapTableEdgesAndDebuggerEdgesIntoThePageDoNotRetain() throws Exception {
        V8SnapshotBuilder b = new V8SnapshotBuilder();
        int root = b.node("synthetic", "(root)", 0);
        int gcRoots = b.node("synthetic", "(GC roots)", 0);
        int global = b.node("object", "global", 10);
        int key = b.node("object", "Key", 10);
        int table = b.nodeWithId("array", "(WeakMap table)", 10, 1001);
        int value = b.node("object", "Value", 10);
        int pageObject = b.node("object", "PageObject", 10);
        int debuggerHolder = b.node("object", "DebuggerHolder", 10);
        b.edge(root, "shortcut", "global", global).edge(root, "element", 1, gcRoots);
        b.edge(global, "property", "key", key).edge(global, "property", "table", table);
        String pair = " / part of key (Key @5) -> value (Value @11) pair in WeakMap (table @1001)";
        b.edge(table, "internal", "1" + pair, value).edge(key, "internal", "2" + pair, value);
        b.edge(global, "property", "page", pageObject);
        b.edge(gcRoots, "element", 1, debuggerHolder).edge(debuggerHolder, "property", "p", pageObject);
        HeapGraph graph = ReferenceSnapshots.read(b.write(dir.resolve("weakmap.heapsnapshot")));
        DominatorTree tree = DominatorTree.computeDefault(graph);
        assertEquals(key, tree.immediateDominatorOf(value), "the key's edge retains the value, not the table's");
        assertEquals(global, tree.immediateDominatorOf(pageObject), "the debugger's holder does not share it");
    }
}
