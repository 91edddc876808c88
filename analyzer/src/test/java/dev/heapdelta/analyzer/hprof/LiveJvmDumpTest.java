package dev.heapdelta.analyzer.hprof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.heapdelta.analyzer.dominators.DominatorTree;
import dev.heapdelta.analyzer.dominators.RetentionRule;
import dev.heapdelta.analyzer.graph.FieldValue;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.graph.ObjectKind;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.ref.SoftReference;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dumps of this very JVM, made with {@code HotSpotDiagnosticMXBean.dumpHeap(file, live=true)}. */
class LiveJvmDumpTest {
    private static final int ENTRIES = 2_000;
    private static final int ENTRY_BYTES = 1_024;
    private static final int SOFT_BYTES = 300_000;

    /** What the dump must show: a map of arrays the holder class retains, and a softly held array. */
    static final class LeakHolder {
        static final Map<String, byte[]> CACHE = new HashMap<>();
        static SoftReference<byte[]> soft;
    }

    @TempDir
    static Path dir;
    private static HeapGraph graph;

    @BeforeAll
    static void dumpThisJvm() throws IOException {
        for (int i = 0; i < ENTRIES; i++) {
            LeakHolder.CACHE.put("key-" + i, new byte[ENTRY_BYTES]);
        }
        LeakHolder.soft = new SoftReference<>(new byte[SOFT_BYTES]);
        Path file = dir.resolve("live.hprof");
        ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(file.toString(), true);
        graph = Graphs.read(file);
    }

    @AfterAll
    static void release() throws Exception {
        graph.close();
        LeakHolder.CACHE.clear();
    }

    @Test
    void arrayLengthFromTheRecordHeaderIsTheLengthOfTheFieldList() {
        int arrays = 0;
        long elements = 0;
        for (int o = 0; o < graph.objectCount(); o++) {
            ObjectKind kind = graph.kindOf(o);
            if (kind == ObjectKind.OBJECT_ARRAY || kind == ObjectKind.PRIMITIVE_ARRAY) {
                long length = graph.details().arrayLength(o);
                assertEquals(graph.details().fields(o).size(), length, "array " + o);
                arrays++;
                elements += length;
            }
        }
        assertTrue(arrays > ENTRIES && elements > (long) ENTRIES * ENTRY_BYTES, arrays + " arrays");
    }

    private static int staticValue(String field) {
        int holder = Graphs.classObject(graph, LeakHolder.class.getName());
        for (FieldValue value : graph.details().fields(holder)) {
            if (value.name().equals(field)) {
                return value.target();
            }
        }
        throw new AssertionError("no static " + field);
    }

    @Test
    void theDumpReadsWholeWithTheJvmsLayout() {
        assertFalse(graph.info().partial(), graph.info().warnings().toString());
        assertEquals("JAVA PROFILE 1.0.2", graph.info().formatVersion());
        assertTrue(graph.entryCount() > 100);
    }

    @Test
    void theStaticMapOfArraysHangsUnderATopDominatorRetainingThemAll() {
        DominatorTree tree = Graphs.dominators(graph, RetentionRule.matDefault());
        int holder = Graphs.classObject(graph, LeakHolder.class.getName());
        int map = staticValue("CACHE");
        assertEquals("java.util.HashMap", graph.classNameOf(map));
        assertEquals(holder, tree.immediateDominatorOf(map), "only the holder's static holds the map");
        assertTrue(tree.retainedSizeOf(map) >= (long) ENTRIES * ENTRY_BYTES, "map retains " + tree.retainedSizeOf(map));
        long size = graph.details().fields(map).stream().filter(f -> f.name().equals("size")).findFirst()
                .orElseThrow().asLong();
        assertEquals(ENTRIES, size);
        int top = holder;
        while (tree.immediateDominatorOf(top) != tree.virtualRoot()) {
            top = tree.immediateDominatorOf(top);
        }
        assertTrue(tree.retainedSizeOf(top) >= (long) ENTRIES * ENTRY_BYTES);
        int[] children = tree.childrenByRetainedSize(tree.virtualRoot());
        boolean amongTheTop = false;
        for (int i = 0; i < Math.min(10, children.length); i++) {
            amongTheTop |= children[i] == top;
        }
        assertTrue(amongTheTop, "the holder's top dominator " + graph.classNameOf(top) + " " + graph.details().label(top)
                + " is among the ten biggest children of the dominator root");
    }

    @Test
    void aSoftReferencesSoleReferentIsRetainedByItUnlessReferentsAreIgnored() {
        int soft = staticValue("soft");
        assertEquals("java.lang.ref.SoftReference", graph.classNameOf(soft));
        long withReferents = Graphs.dominators(graph, RetentionRule.matDefault()).retainedSizeOf(soft);
        long withoutReferents = Graphs.dominators(graph, RetentionRule.ignoringReferents()).retainedSizeOf(soft);
        assertTrue(withReferents >= SOFT_BYTES, "retained with referents: " + withReferents);
        assertTrue(withoutReferents < 100, "retained without referents: " + withoutReferents);
        assertEquals(graph.shallowSizeOf(soft), withoutReferents);
    }
}
