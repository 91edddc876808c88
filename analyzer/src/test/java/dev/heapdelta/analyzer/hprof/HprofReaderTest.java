package dev.heapdelta.analyzer.hprof;

import static dev.heapdelta.analyzer.hprof.Graphs.classObject;
import static dev.heapdelta.analyzer.hprof.Graphs.dominators;
import static dev.heapdelta.analyzer.hprof.Graphs.edgeNames;
import static dev.heapdelta.analyzer.hprof.Graphs.object;
import static dev.heapdelta.analyzer.hprof.Graphs.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.dominators.DominatorTree;
import dev.heapdelta.analyzer.dominators.RetentionRule;
import dev.heapdelta.analyzer.graph.EdgeKind;
import dev.heapdelta.analyzer.graph.FieldValue;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.graph.ObjectKind;
import dev.heapdelta.analyzer.graph.RootKind;
import dev.heapdelta.analyzer.testing.HprofWriter;
import dev.heapdelta.analyzer.testing.HprofWriter.Type;
import dev.heapdelta.analyzer.testing.JavaClasses;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exact small graphs written with {@link HprofWriter}: sizes, references, roots and names as MAT has them. */
class HprofReaderTest {
    private static final long NODE = 0x1100;
    private static final long HOLDER = 0x1108;
    private static final long A = JavaClasses.FIRST_FREE;
    private static final long B = A + 0x20;
    private static final long C = A + 0x40;
    private static final long D = A + 0x60;
    private static final long E = A + 0x80;

    @TempDir
    Path dir;

    /** Holder.ROOT -> A; A -> B, C; B -> D; C -> D; D -> E. Nodes have two references: 32 bytes each. */
    private Path diamond() throws IOException {
        Path file = dir.resolve("diamond.hprof");
        try (HprofWriter w = HprofWriter.toFile(file, 8)) {
            JavaClasses.write(w);
            w.classDump(NODE, "Node", JavaClasses.OBJECT).field("left", Type.OBJECT).field("right", Type.OBJECT).write();
            w.classDump(HOLDER, "Holder", JavaClasses.OBJECT).staticField("ROOT", Type.OBJECT, A).write();
            w.root(HprofWriter.ROOT_STICKY_CLASS, NODE).root(HprofWriter.ROOT_STICKY_CLASS, HOLDER);
            w.instance(A, NODE, B, C).instance(B, NODE, D, 0).instance(C, NODE, D, 0).instance(D, NODE, E, 0)
                    .instance(E, NODE, 0, 0);
            w.endHeapDump();
        }
        return file;
    }

    @Test
    void diamondHasTheDominatorsAndRetainedSizesMatComputes() throws IOException {
        HeapGraph graph = read(diamond());
        DominatorTree tree = dominators(graph, RetentionRule.matDefault());
        int a = object(graph, A);
        assertEquals(a, tree.immediateDominatorOf(object(graph, B)));
        assertEquals(a, tree.immediateDominatorOf(object(graph, C)));
        assertEquals(a, tree.immediateDominatorOf(object(graph, D)));
        assertEquals(object(graph, D), tree.immediateDominatorOf(object(graph, E)));
        assertEquals(32, graph.shallowSizeOf(a));
        assertEquals(5 * 32, tree.retainedSizeOf(a));
        assertEquals(2 * 32, tree.retainedSizeOf(object(graph, D)));
        int holder = classObject(graph, "Holder");
        assertEquals(tree.virtualRoot(), tree.immediateDominatorOf(holder));
        assertEquals(a, tree.childrenOf(holder)[0]);
        assertEquals(8 + 5 * 32, tree.retainedSizeOf(holder), "the class object's one static plus what it holds");
    }

    @Test
    void objectIdsAscendAndEveryObjectIsFound() throws IOException {
        HeapGraph graph = read(diamond());
        for (int o = 1; o < graph.objectCount(); o++) {
            assertTrue(graph.idOf(o - 1) < graph.idOf(o));
            assertEquals(o, graph.findObjectById(graph.idOf(o)));
        }
        assertEquals(11 + 2 + 5, graph.objectCount(), "11 JDK classes, Node, Holder and five nodes");
    }

    @Test
    void edgesAreNamedAfterFieldsStaticsAndMatsPseudoReferences() throws IOException {
        HeapGraph graph = read(diamond());
        int a = object(graph, A);
        assertEquals(List.of("<class>", "left", "right"), edgeNames(graph, a));
        assertEquals(EdgeKind.CLASS, graph.edgeKind(graph.firstEdge(a)));
        assertEquals(classObject(graph, "Node"), graph.edgeTarget(graph.firstEdge(a)));
        assertEquals(List.of("<class>", "left"), edgeNames(graph, object(graph, B)), "null fields make no edge");
        int holder = classObject(graph, "Holder");
        assertEquals(List.of("<class>", "<super>", "ROOT"), edgeNames(graph, holder));
        assertEquals(EdgeKind.CLASS_INTERNAL, graph.edgeKind(graph.firstEdge(holder) + 1));
        assertEquals("class Holder", graph.details().label(holder));
        assertEquals(ObjectKind.CLASS, graph.kindOf(holder));
        assertEquals("java.lang.Class", graph.classNameOf(holder));
    }

    @Test
    void fieldsListEveryValueInLayoutOrder() throws IOException {
        HeapGraph graph = read(diamond());
        List<FieldValue> fields = graph.details().fields(object(graph, B));
        assertEquals(List.of("left", "right"), fields.stream().map(FieldValue::name).toList());
        assertEquals(object(graph, D), fields.get(0).target());
        assertEquals(-1, fields.get(1).target());
        List<FieldValue> statics = graph.details().fields(classObject(graph, "Holder"));
        assertEquals("ROOT", statics.get(0).name());
        assertEquals(object(graph, A), statics.get(0).target());
    }

    @Test
    void classObjectsAreSizedByTheirStaticsAsMatSizesThem() throws IOException {
        Path file = dir.resolve("statics.hprof");
        try (HprofWriter w = HprofWriter.toFile(file, 8)) {
            JavaClasses.write(w);
            w.classDump(0x1100, "WithStatics", JavaClasses.OBJECT).staticField("i", Type.INT, 1)
                    .staticField("l", Type.LONG, 2).staticField("o", Type.OBJECT, 0).write();
            w.classDump(0x1108, "WithoutStatics", JavaClasses.OBJECT).field("x", Type.INT).write();
            w.root(HprofWriter.ROOT_STICKY_CLASS, 0x1100).root(HprofWriter.ROOT_STICKY_CLASS, 0x1108);
            w.endHeapDump();
        }
        HeapGraph graph = read(file);
        assertEquals(24, graph.shallowSizeOf(classObject(graph, "WithStatics")), "4 + 8 + 8 = 20, aligned to 24");
        assertEquals(0, graph.shallowSizeOf(classObject(graph, "WithoutStatics")));
    }

    @Test
    void uncompressedLayoutHasSixteenByteHeadersAndEightByteReferences() throws IOException {
        Path file = dir.resolve("layout64.hprof");
        try (HprofWriter w = HprofWriter.toFile(file, 8)) {
            JavaClasses.write(w);
            w.classDump(0x1100, "Mixed", JavaClasses.OBJECT).field("b", Type.BYTE).field("o", Type.OBJECT).write();
            w.classDump(0x1108, "Sub", 0x1100).field("i", Type.INT).write();
            long at = JavaClasses.FIRST_FREE;
            w.instance(at, 0x1100, 1, 0).instance(at + 0x40, 0x1108, 7, 1, 0);
            w.objectArray(at + 0x80, JavaClasses.OBJECT_ARRAY, 0, 0, 0);
            w.byteArray(at + 0x100, new byte[5]);
            w.byteArray(at + 0x140, new byte[0]);
            w.root(HprofWriter.ROOT_UNKNOWN, at).root(HprofWriter.ROOT_UNKNOWN, at + 0x40)
                    .root(HprofWriter.ROOT_UNKNOWN, at + 0x80).root(HprofWriter.ROOT_UNKNOWN, at + 0x100)
                    .root(HprofWriter.ROOT_UNKNOWN, at + 0x140);
            w.endHeapDump();
        }
        HeapGraph graph = read(file);
        long at = JavaClasses.FIRST_FREE;
        assertEquals(32, graph.shallowSizeOf(object(graph, at)), "16 + 1 + 8 = 25, padded to 32");
        assertEquals(40, graph.shallowSizeOf(object(graph, at + 0x40)), "Mixed's 32 + 4 = 36, padded to 40");
        assertEquals(48, graph.shallowSizeOf(object(graph, at + 0x80)), "24-byte array header + 3 x 8");
        assertEquals(32, graph.shallowSizeOf(object(graph, at + 0x100)), "24 + 5 = 29, padded to 32");
        assertEquals(24, graph.shallowSizeOf(object(graph, at + 0x140)));
        assertEquals(32, graph.heapClass(graph.classOf(object(graph, at))).instanceSize());
    }

    @Test
    void compressedReferencesAreDetectedFromOverlappingArraysAsMatDoes() throws IOException {
        Path file = dir.resolve("compressed.hprof");
        long at = JavaClasses.FIRST_FREE;
        try (HprofWriter w = HprofWriter.toFile(file, 8)) {
            JavaClasses.write(w);
            w.classDump(0x1100, "Pair", JavaClasses.OBJECT).field("a", Type.OBJECT).field("b", Type.OBJECT).write();
            // Four 4-byte elements after a 16-byte header end at +32; with 8-byte ones they would end at +48.
            w.objectArray(at, JavaClasses.OBJECT_ARRAY, 0, 0, 0, 0).objectArray(at + 32, JavaClasses.OBJECT_ARRAY, 0, 0, 0);
            w.instance(at + 64, 0x1100, 0, 0);
            w.byteArray(at + 96, new byte[5]);
            w.root(HprofWriter.ROOT_UNKNOWN, at).root(HprofWriter.ROOT_UNKNOWN, at + 32)
                    .root(HprofWriter.ROOT_UNKNOWN, at + 64).root(HprofWriter.ROOT_UNKNOWN, at + 96);
            w.endHeapDump();
        }
        HeapGraph graph = read(file);
        assertEquals(32, graph.shallowSizeOf(object(graph, at)), "16-byte array header + 4 x 4");
        assertEquals(32, graph.shallowSizeOf(object(graph, at + 32)), "16 + 3 x 4 = 28, padded to 32");
        assertEquals(24, graph.shallowSizeOf(object(graph, at + 64)), "12-byte header + 2 x 4 = 20, padded to 24");
        assertEquals(24, graph.shallowSizeOf(object(graph, at + 96)), "16 + 5 = 21, padded to 24");
    }

    @Test
    void thirtyTwoBitDumpsHaveEightByteHeadersAndFourByteReferences() throws IOException {
        Path file = dir.resolve("layout32.hprof");
        long at = JavaClasses.FIRST_FREE;
        try (HprofWriter w = HprofWriter.toFile(file, "JAVA PROFILE 1.0.1", 4, false)) {
            JavaClasses.write(w);
            w.classDump(0x1100, "Pair", JavaClasses.OBJECT).field("a", Type.OBJECT).field("b", Type.OBJECT).write();
            w.instance(at, 0x1100, at + 0x20, 0);
            w.objectArray(at + 0x20, JavaClasses.OBJECT_ARRAY, at, 0, 0);
            w.byteArray(at + 0x40, new byte[5]);
            w.root(HprofWriter.ROOT_UNKNOWN, at).root(HprofWriter.ROOT_UNKNOWN, at + 0x40);
            w.endHeapDump();
        }
        HeapGraph graph = read(file);
        assertEquals(4, graph.info().idSize());
        assertEquals("JAVA PROFILE 1.0.1", graph.info().formatVersion());
        assertEquals(16, graph.shallowSizeOf(object(graph, at)), "8 + 2 x 4");
        assertEquals(24, graph.shallowSizeOf(object(graph, at + 0x20)), "12-byte array header + 3 x 4");
        assertEquals(24, graph.shallowSizeOf(object(graph, at + 0x40)), "12 + 5 = 17, padded to 24");
        assertEquals(List.of("<class>", "[0]"), edgeNames(graph, object(graph, at + 0x20)));
    }

    @Test
    void segmentsAndASingleHeapDumpRecordGiveTheSameGraph() throws IOException {
        Path segmented = dir.resolve("segmented.hprof");
        Path single = dir.resolve("single.hprof");
        for (Path file : List.of(segmented, single)) {
            boolean segments = file == segmented;
            try (HprofWriter w = HprofWriter.toFile(file, segments ? "JAVA PROFILE 1.0.2" : "JAVA PROFILE 1.0.1", 8,
                    segments)) {
                JavaClasses.write(w);
                w.classDump(NODE, "Node", JavaClasses.OBJECT).field("left", Type.OBJECT).write();
                if (segments) {
                    w.segment();
                }
                for (int i = 0; i < 100; i++) {
                    w.instance(A + 16L * i, NODE, i == 99 ? 0 : A + 16L * (i + 1));
                    if (segments && i % 10 == 9) {
                        w.segment();
                    }
                }
                w.rootJniGlobal(A, 0x77);
                w.endHeapDump();
            }
        }
        HeapGraph a = read(segmented);
        HeapGraph b = read(single);
        assertEquals(a.objectCount(), b.objectCount());
        assertEquals(a.edgeCount(), b.edgeCount());
        assertEquals(12, a.info().fileCounts().get("HEAP_DUMP_SEGMENT"), "classes, ten of nodes, the root");
        assertEquals(1, b.info().fileCounts().get("HEAP_DUMP"));
        DominatorTree tree = dominators(a, RetentionRule.matDefault());
        assertEquals(100 * 24, tree.retainedSizeOf(object(a, A)));
    }

    @Test
    void theWantedOfSeveralHeapDumpsIsRead() throws IOException {
        Path file = dir.resolve("two-dumps.hprof");
        try (HprofWriter w = HprofWriter.toFile(file, "JAVA PROFILE 1.0.1", 4, false)) {
            JavaClasses.write(w);
            w.byteArray(A, new byte[3]).root(HprofWriter.ROOT_UNKNOWN, A);
            w.endHeapDump();
            JavaClasses.write(w);
            w.byteArray(A, new byte[3]).byteArray(B, new byte[3]).root(HprofWriter.ROOT_UNKNOWN, A);
            w.endHeapDump();
        }
        HeapGraph first = read(file, 0);
        HeapGraph second = read(file, 1);
        assertEquals(2, first.info().dumpsInFile());
        assertEquals(1, second.info().dumpIndex());
        assertEquals(first.objectCount() + 1, second.objectCount());
        assertEquals(2, HprofReader.countDumps(file, dev.heapdelta.analyzer.source.ReadOptions.of(file),
                dev.heapdelta.analyzer.source.CancelSignal.NEVER));
        DumpFormatAssertions.assertUnreadable(file, 2, "file has 2 dumps; --dump takes 1..2 (got 3)");
    }

    @Test
    void segmentedDumpsAreCountedByTheirEndRecords() throws IOException {
        Path file = dir.resolve("two-segmented.hprof");
        try (HprofWriter w = HprofWriter.toFile(file, 8)) {
            for (int dump = 0; dump < 2; dump++) {
                JavaClasses.write(w);
                w.segment();
                w.byteArray(A, new byte[3]).root(HprofWriter.ROOT_UNKNOWN, A);
                w.endHeapDump();
            }
        }
        assertEquals(2, read(file, 1).info().dumpsInFile());
    }

    @Test
    void framesOfAKnownThreadBecomeReferencesFromTheThreadAndAreNotEntries() throws IOException {
        Path file = dir.resolve("threads.hprof");
        long thread = A;
        long name = A + 0x20;
        long local = A + 0x40;
        long orphanLocal = A + 0x60;
        long early = A + 0x80;
        try (HprofWriter w = HprofWriter.toFile(file, 8)) {
            JavaClasses.write(w);
            w.instance(thread, JavaClasses.THREAD, name);
            w.instance(name, JavaClasses.OBJECT).instance(local, JavaClasses.OBJECT)
                    .instance(orphanLocal, JavaClasses.OBJECT).instance(early, JavaClasses.OBJECT);
            w.rootJavaFrame(early, 5, 0);
            w.rootThreadObject(thread, 5, 1);
            w.rootJavaFrame(local, 5, 0).rootJniLocal(local, 5, 1);
            w.rootJavaFrame(orphanLocal, 99, 0);
            w.endHeapDump();
        }
        HeapGraph graph = read(file);
        int t = object(graph, thread);
        int l = object(graph, local);
        List<Integer> entries = Arrays.stream(graph.entryObjects()).boxed().toList();
        assertTrue(entries.contains(t));
        assertFalse(entries.contains(l), "a frame root of a known thread is the thread's reference");
        assertTrue(entries.contains(object(graph, orphanLocal)), "no thread with serial 99: a root");
        assertTrue(entries.contains(object(graph, early)), "seen before its thread's record: a root, as in MAT");
        assertEquals(List.of("<class>", "name", "<Java Local>"), edgeNames(graph, t));
        assertEquals(EdgeKind.THREAD_LOCAL, graph.edgeKind(graph.endEdge(t) - 1));
        long frameRecords = IntStream.range(0, graph.rootRecordCount())
                .filter(r -> graph.rootObject(r) == l && graph.rootThread(r) == t).count();
        assertEquals(2, frameRecords, "both root records kept, with their thread");
        DominatorTree tree = dominators(graph, RetentionRule.matDefault());
        assertEquals(t, tree.immediateDominatorOf(l));
    }

    @Test
    void softReferentIsRetainedByDefaultAndNotWhenReferentsAreIgnored() throws IOException {
        Path file = dir.resolve("soft.hprof");
        long soft = A;
        long payload = A + 0x40;
        try (HprofWriter w = HprofWriter.toFile(file, 8)) {
            JavaClasses.write(w);
            w.classDump(HOLDER, "Holder", JavaClasses.OBJECT).staticField("SOFT", Type.OBJECT, soft).write();
            w.root(HprofWriter.ROOT_STICKY_CLASS, HOLDER);
            w.instance(soft, JavaClasses.SOFT_REFERENCE, 0, payload, 0, 0, 0);
            w.byteArray(payload, new byte[1000]);
            w.endHeapDump();
        }
        HeapGraph graph = read(file);
        int s = object(graph, soft);
        assertEquals(56, graph.shallowSizeOf(s));
        assertEquals(List.of("<class>", "referent"), edgeNames(graph, s));
        assertEquals(EdgeKind.REFERENT, graph.edgeKind(graph.firstEdge(s) + 1));
        assertEquals(56 + 1024, dominators(graph, RetentionRule.matDefault()).retainedSizeOf(s));
        DominatorTree ignoring = dominators(graph, RetentionRule.ignoringReferents());
        assertEquals(56, ignoring.retainedSizeOf(s));
        assertFalse(ignoring.isReachable(object(graph, payload)));
    }

    @Test
    void anObjectHeldWeaklyAndStronglyIsRetainedByNeither() throws IOException {
        Path file = dir.resolve("weak.hprof");
        long weak = A;
        long holderArray = A + 0x40;
        long target = A + 0x80;
        try (HprofWriter w = HprofWriter.toFile(file, 8)) {
            JavaClasses.write(w);
            w.classDump(HOLDER, "Holder", JavaClasses.OBJECT).staticField("WEAK", Type.OBJECT, weak).write();
            w.classDump(NODE, "OtherHolder", JavaClasses.OBJECT).staticField("STRONG", Type.OBJECT, holderArray).write();
            w.root(HprofWriter.ROOT_STICKY_CLASS, HOLDER).root(HprofWriter.ROOT_STICKY_CLASS, NODE);
            w.instance(weak, JavaClasses.WEAK_REFERENCE, target, 0, 0, 0);
            w.objectArray(holderArray, JavaClasses.OBJECT_ARRAY, target);
            w.byteArray(target, new byte[100]);
            w.endHeapDump();
        }
        HeapGraph graph = read(file);
        DominatorTree tree = dominators(graph, RetentionRule.matDefault());
        assertEquals(48, tree.retainedSizeOf(object(graph, weak)));
        assertEquals(32, tree.retainedSizeOf(object(graph, holderArray)));
        assertEquals(tree.virtualRoot(), tree.immediateDominatorOf(object(graph, target)));
    }

    @Test
    void stringsAreDecodedFromCompactBytesUtf16AndCharArrays() throws IOException {
        Path file = dir.resolve("strings.hprof");
        long latin = A;
        long latinBytes = A + 0x20;
        long utf16 = A + 0x60;
        long utf16Bytes = A + 0x80;
        try (HprofWriter w = HprofWriter.toFile(file, 8)) {
            JavaClasses.write(w);
            w.instance(latin, JavaClasses.STRING, latinBytes, 0, 0).byteArray(latinBytes, "hello".getBytes());
            w.instance(utf16, JavaClasses.STRING, utf16Bytes, 1, 0)
                    .byteArray(utf16Bytes, new byte[] {(byte) 0xac, 0x20, 'x', 0});
            w.root(HprofWriter.ROOT_UNKNOWN, latin).root(HprofWriter.ROOT_UNKNOWN, utf16);
            w.endHeapDump();
        }
        HeapGraph graph = read(file);
        assertEquals("hello", graph.details().stringValue(object(graph, latin), 100));
        assertEquals("hel", graph.details().stringValue(object(graph, latin), 3));
        assertEquals("hello", graph.details().label(object(graph, latin)));
        assertEquals("\u20acx", graph.details().stringValue(object(graph, utf16), 100), "little-endian UTF-16");
        assertEquals(null, graph.details().stringValue(object(graph, latinBytes), 100));

        Path old = dir.resolve("old-strings.hprof");
        try (HprofWriter w = HprofWriter.toFile(old, "JAVA PROFILE 1.0.1", 4, false)) {
            w.classDump(JavaClasses.OBJECT, "java/lang/Object", 0).write();
            w.classDump(JavaClasses.STRING, "java/lang/String", JavaClasses.OBJECT).field("value", Type.OBJECT)
                    .field("offset", Type.INT).field("count", Type.INT).field("hash", Type.INT).write();
            w.classDump(JavaClasses.CHAR_ARRAY, "[C", JavaClasses.OBJECT).write();
            w.instance(latin, JavaClasses.STRING, latinBytes, 2, 3, 0).charArray(latinBytes, "a sub-string");
            w.root(HprofWriter.ROOT_UNKNOWN, latin);
            w.endHeapDump();
        }
        HeapGraph oldGraph = read(old);
        assertEquals("sub", oldGraph.details().stringValue(object(oldGraph, latin), 100), "offset 2, count 3");
    }

    @Test
    void androidHeapsRootsAndArraysWithoutDataAreRead() throws IOException {
        Path file = dir.resolve("android.hprof");
        try (HprofWriter w = HprofWriter.toFile(file, "JAVA PROFILE 1.0.3", 4, true)) {
            w.heapDumpInfo(90, "zygote");
            JavaClasses.write(w);
            w.byteArray(A, new byte[10]).root(HprofWriter.ROOT_INTERNED_STRING, A);
            w.heapDumpInfo(65, "app");
            w.byteArray(B, new byte[3]).byteArray(C, new byte[4]);
            w.primitiveArrayNoData(D, Type.INT, 100);
            w.root(HprofWriter.ROOT_FINALIZING, B).root(HprofWriter.ROOT_VM_INTERNAL, C)
                    .rootJniMonitor(D, 1, 0).root(HprofWriter.ROOT_DEBUGGER, D).root(HprofWriter.ROOT_REFERENCE_CLEANUP, D);
            w.endHeapDump();
        }
        HeapGraph graph = read(file);
        assertEquals("JAVA PROFILE 1.0.3", graph.info().formatVersion());
        assertEquals(2, graph.info().heaps().size());
        var zygote = graph.info().heaps().get(0);
        var app = graph.info().heaps().get(1);
        assertEquals("zygote", zygote.name());
        assertEquals(90, zygote.id());
        assertEquals(11, zygote.classes());
        assertEquals(1, zygote.instances());
        assertEquals("app", app.name());
        assertEquals(0, app.classes());
        assertEquals(3, app.instances());
        assertEquals(416, graph.shallowSizeOf(object(graph, D)), "an int[100] without data: 12 + 400, padded to 416");
        assertEquals(app.shallowBytes(), graph.shallowSizeOf(object(graph, B)) + graph.shallowSizeOf(object(graph, C))
                + graph.shallowSizeOf(object(graph, D)));
        List<RootKind> kinds = IntStream.range(0, graph.rootRecordCount()).mapToObj(graph::rootKind).toList();
        assertTrue(kinds.containsAll(List.of(RootKind.INTERNED_STRING, RootKind.FINALIZING, RootKind.VM_INTERNAL,
                RootKind.JNI_MONITOR, RootKind.DEBUGGER, RootKind.REFERENCE_CLEANUP)));
        assertEquals(1, graph.info().fileCounts().get("PRIM_ARRAY_NODATA_DUMP"));
    }

    @Test
    void unknownTopLevelRecordsAreSkippedByTheirLengthAndCounted() throws IOException {
        Path file = dir.resolve("unknown-record.hprof");
        try (HprofWriter w = HprofWriter.toFile(file, 8)) {
            w.record(0x42, new byte[] {1, 2, 3, 4, 5});
            w.record(0x0d, new byte[12]);
            JavaClasses.write(w);
            w.endHeapDump();
            w.record(0x42, new byte[3]);
        }
        HeapGraph graph = read(file);
        assertFalse(graph.info().partial());
        assertTrue(Graphs.hasWarning(graph, "unknown top-level record skipped by its length: 2"));
        assertEquals(11, graph.objectCount());
        assertEquals(1, graph.info().fileCounts().get("CPU_SAMPLES"));
    }

    @Test
    void aClassTheDumpLacksGetsMatsStandInClass() throws IOException {
        Path file = dir.resolve("missing-class.hprof");
        long missingClass = 0x5000;
        try (HprofWriter w = HprofWriter.toFile(file, 8)) {
            JavaClasses.write(w);
            w.instanceWithPayload(A, missingClass, new byte[12]);
            w.root(HprofWriter.ROOT_UNKNOWN, A);
            w.endHeapDump();
        }
        HeapGraph graph = read(file);
        int a = object(graph, A);
        assertEquals("unknown-class-0", graph.classNameOf(a));
        assertEquals(32, graph.shallowSizeOf(a), "16 + 12 bytes of unknown fields, padded to 32");
        int standIn = object(graph, missingClass);
        assertEquals(ObjectKind.CLASS, graph.kindOf(standIn));
        assertEquals(standIn, graph.edgeTarget(graph.firstEdge(a)));
        assertTrue(Graphs.hasWarning(graph, "class missing from the dump"));
    }
}
