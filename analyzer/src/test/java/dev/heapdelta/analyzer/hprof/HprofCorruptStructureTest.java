package dev.heapdelta.analyzer.hprof;

import static dev.heapdelta.analyzer.hprof.Graphs.hasWarning;
import static dev.heapdelta.analyzer.hprof.Graphs.object;
import static dev.heapdelta.analyzer.hprof.Graphs.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.dominators.DominatorTree;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.testing.HprofWriter;
import dev.heapdelta.analyzer.testing.HprofWriter.Type;
import dev.heapdelta.analyzer.testing.JavaClasses;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The corrupt structures of issue 8 that {@link HprofDamagedInputTest} does not already cover:
 * each reads as a graph with a counted warning, never an exception.
 */
class HprofCorruptStructureTest {
    private static final long NODE = 0x1100;
    private static final long MISSING_CLASS = 0x9900;
    private static final long FIRST = JavaClasses.FIRST_FREE;

    @TempDir
    Path dir;

    @Test
    void instancesAndArraysOfAClassWithoutAClassDumpGetAStandInClassAndAWarning() throws IOException {
        Path file = dir.resolve("missing-class.hprof");
        try (HprofWriter w = HprofWriter.toFile(file, 8)) {
            JavaClasses.write(w);
            w.instanceWithPayload(FIRST, MISSING_CLASS, new byte[16]);
            w.objectArray(FIRST + 64, MISSING_CLASS + 8, FIRST);
            w.root(HprofWriter.ROOT_UNKNOWN, FIRST + 64);
            w.endHeapDump();
        }
        HeapGraph graph = read(file);
        assertFalse(graph.info().partial(), "a missing class loses nothing that was in the file");
        assertTrue(hasWarning(graph, "class missing from the dump, a stand-in made as MAT does"),
                graph.info().warnings().toString());
        int instance = object(graph, FIRST);
        assertTrue(graph.shallowSizeOf(instance) >= 16, "the payload still counts: " + graph.shallowSizeOf(instance));
        assertTrue(Graphs.targets(graph, object(graph, FIRST + 64)).contains(instance), "the array element is kept");
        DominatorTree.computeDefault(graph);
    }

    @Test
    void classAndFieldNamesWhoseStringIdsDoNotExistReadAsUnresolvedNamesWithAWarning() throws IOException {
        Path file = dir.resolve("missing-strings.hprof");
        try (HprofWriter w = HprofWriter.toFile(file, 8)) {
            JavaClasses.write(w);
            w.classDump(NODE, "NodeNameGone", JavaClasses.OBJECT).field("fieldNameGone", Type.OBJECT).write();
            w.instance(FIRST, NODE, FIRST + 32).instance(FIRST + 32, NODE, 0);
            w.root(HprofWriter.ROOT_UNKNOWN, FIRST);
            w.endHeapDump();
        }
        byte[] bytes = Files.readAllBytes(file);
        renumberString(bytes, "NodeNameGone", 0x5eed_0001L);
        renumberString(bytes, "fieldNameGone", 0x5eed_0002L);
        Files.write(file, bytes);

        HeapGraph graph = read(file);
        assertTrue(hasWarning(graph, "name string missing from the file: 2"), graph.info().warnings().toString());
        int first = object(graph, FIRST);
        assertTrue(graph.classNameOf(first).startsWith("unresolved-name@0x"), graph.classNameOf(first));
        assertTrue(Graphs.targets(graph, first).contains(object(graph, FIRST + 32)), "the reference is still followed");
        assertTrue(Graphs.edgeNames(graph, first).stream().anyMatch(name -> name.startsWith("unresolved-name@0x")),
                Graphs.edgeNames(graph, first).toString());
        DominatorTree.computeDefault(graph);
    }

    @Test
    void aGcRootAndAStaticFieldNamingMissingObjectsAreCountedAndDropped() throws IOException {
        Path file = dir.resolve("missing-static-target.hprof");
        try (HprofWriter w = HprofWriter.toFile(file, 8)) {
            JavaClasses.write(w);
            w.classDump(NODE, "Holder", JavaClasses.OBJECT).staticField("GONE", Type.OBJECT, 0xdead_0000L).write();
            w.root(HprofWriter.ROOT_STICKY_CLASS, NODE).root(HprofWriter.ROOT_UNKNOWN, 0xbeef_0000L);
            w.endHeapDump();
        }
        HeapGraph graph = read(file);
        assertTrue(hasWarning(graph, "reference to an object not in the dump, dropped: 1"),
                graph.info().warnings().toString());
        assertTrue(hasWarning(graph, "GC root names an object not in the dump: 1"), graph.info().warnings().toString());
        DominatorTree.computeDefault(graph);
    }

    /** Gives the STRING_IN_UTF8 record holding {@code text} a new id, so that nothing names it any more. */
    private static void renumberString(byte[] bytes, String text, long newId) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        byte[] wanted = text.getBytes(StandardCharsets.UTF_8);
        int p = 0;
        while (bytes[p] != 0) {
            p++;
        }
        p += 1 + 4 + 8;
        while (p + 9 <= bytes.length) {
            int tag = bytes[p] & 0xff;
            int length = buffer.getInt(p + 5);
            if (tag == HprofWriter.TAG_STRING && length == 8 + wanted.length
                    && java.util.Arrays.equals(bytes, p + 17, p + 17 + wanted.length, wanted, 0, wanted.length)) {
                buffer.putLong(p + 9, newId);
                return;
            }
            p += 9 + length;
        }
        throw new AssertionError("no string record " + text);
    }
}
