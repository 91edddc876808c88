package dev.heapdelta.analyzer.v8;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.dominators.DominatorTree;
import dev.heapdelta.analyzer.graph.FieldValue;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.graph.RootKind;
import dev.heapdelta.analyzer.query.ClassHistogram;
import dev.heapdelta.analyzer.testing.V8SnapshotBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class V8ObjectDetailsTest {
    @TempDir
    Path dir;

    private static int first(HeapGraph graph, String className) {
        for (int o = 0; o < graph.objectCount(); o++) {
            if (graph.classNameOf(o).equals(className) && graph.shallowSizeOf(o) > 0) {
                return o;
            }
        }
        throw new AssertionError("no " + className);
    }

    @Test
    void arrayLengthIsTheLengthOfTheFieldList() throws Exception {
        HeapGraph graph = ReferenceSnapshots.read(V8SnapshotBuilder.smallHeap().write(dir.resolve("s.heapsnapshot")));
        long total = 0;
        for (int o = 0; o < graph.objectCount(); o++) {
            long length = graph.details().arrayLength(o);
            assertEquals(graph.details().fields(o).size(), length, "node " + o);
            total += length;
        }
        assertEquals(graph.edgeCount(), total);
    }

    @Test
    void edgeNamesLabelsFieldsAndLocationsOfASmallHeap() throws Exception {
        HeapGraph graph = ReferenceSnapshots.read(V8SnapshotBuilder.smallHeap().write(dir.resolve("s.heapsnapshot")));
        V8ObjectDetails details = (V8ObjectDetails) graph.details();
        int global = first(graph, "global");
        List<FieldValue> fields = details.fields(global);
        assertEquals("userCache", fields.get(0).name());
        assertEquals("property", fields.get(0).type());
        assertEquals("Map", graph.classNameOf(fields.get(0).target()));
        int profile = first(graph, "UserProfile");
        assertEquals("7,11,2,UserProfile", graph.heapClass(graph.classOf(profile)).key());
        V8ObjectDetails.Location location = details.location(profile);
        assertEquals(7, location.scriptId());
        assertEquals("script#7:12:3", location.text());
        int bio = details.targetNamed(profile, "bio");
        assertEquals("a long biography", details.stringValue(bio, 100));
        assertEquals("a long", details.stringValue(bio, 6));
        assertNull(details.stringValue(profile, 100));
        assertEquals("object", details.typeName(profile));
        assertEquals(0, details.detachedness(profile));
        int table = graph.edgeTarget(graph.firstEdge(first(graph, "Map")));
        assertEquals("[0]", details.edgeName(graph.firstEdge(table)));
        assertEquals("onData()", details.label(first(graph, "Function")));
        assertEquals(1, count(graph, RootKind.V8_GC_ROOT));
        assertEquals(1, count(graph, RootKind.V8_SYNTHETIC_ROOT));
    }

    private static int count(HeapGraph graph, RootKind kind) {
        int n = 0;
        for (int r = 0; r < graph.rootRecordCount(); r++) {
            n += graph.rootKind(r) == kind ? 1 : 0;
        }
        return n;
    }

    @Test
    void locationsResolveToScriptNamesInARealNodeSnapshot() throws Exception {
        HeapGraph graph = ReferenceSnapshots.read(ReferenceSnapshots.reference("node/node-all-t2.heapsnapshot.gz"));
        V8ObjectDetails details = (V8ObjectDetails) graph.details();
        int profile = first(graph, "UserProfile");
        assertEquals("map-cache.js:13:14", details.location(profile).text());
        assertTrue(details.location(profile).scriptName().endsWith("/patterns/map-cache.js"));
        int plain = first(graph, "{id, login, plan, roles, avatarSvg}");
        assertTrue(details.label(plain).startsWith("{id, login"), details.label(plain));
        assertEquals("global", details.nodeName(first(graph, "global")));
        assertEquals(0, details.detachedness(profile));
    }

    /** The bundled example: each leak holds 300, 1,000 and 1,700 entries; the capped Map stays full. */
    @Test
    void bundledNodeExamplesHoldTheirDocumentedCounts() throws Exception {
        Path examples = Path.of(System.getProperty("user.dir")).resolveSibling("sample-dumps").resolve("node");
        int[] expected = {300, 1_000, 1_700};
        for (int t = 0; t < 3; t++) {
            Path file = examples.resolve("leaks-t" + t + ".heapsnapshot.gz");
            assertTrue(Files.exists(file), file.toString());
            HeapGraph graph = ReferenceSnapshots.read(file);
            ClassHistogram histogram = ClassHistogram.of(DominatorTree.computeDefault(graph));
            for (String name : List.of("UserProfile", "StreamContext", "IncomingRequest", "LargeObject", "JobPayload")) {
                assertEquals(expected[t], histogram.count(graph.classOf(first(graph, name))), name + " at t" + t);
            }
            // Plus the object literal's boilerplate, as in DevTools (6,001 for 6,000 entries in node-all-t2).
            assertEquals(expected[t] + 1, histogram.count(graph.classOf(first(graph, "{id, login, plan, roles, avatarSvg}"))));
            assertEquals(250, histogram.count(graph.classOf(first(graph, "SessionEntry"))), "capped at t" + t);
            assertNotNull(((V8ObjectDetails) graph.details()).location(first(graph, "LargeObject")));
        }
    }
}
