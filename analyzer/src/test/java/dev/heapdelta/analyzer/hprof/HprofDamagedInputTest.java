package dev.heapdelta.analyzer.hprof;

import static dev.heapdelta.analyzer.hprof.DumpFormatAssertions.assertUnreadable;
import static dev.heapdelta.analyzer.hprof.Graphs.hasWarning;
import static dev.heapdelta.analyzer.hprof.Graphs.object;
import static dev.heapdelta.analyzer.hprof.Graphs.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.dominators.DominatorTree;
import dev.heapdelta.analyzer.dominators.RetentionRule;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.source.DumpFormatException;
import dev.heapdelta.analyzer.testing.HprofWriter;
import dev.heapdelta.analyzer.testing.HprofWriter.Type;
import dev.heapdelta.analyzer.testing.JavaClasses;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every byte sequence gives a graph (partial when damaged) or a typed error naming file and offset. */
class HprofDamagedInputTest {
    private static final long NODE = 0x1100;
    private static final long FIRST = JavaClasses.FIRST_FREE;
    /** tag + id + serial + class id + length + one 8-byte reference */
    private static final int NODE_RECORD = 1 + 8 + 4 + 8 + 4 + 8;

    @TempDir
    Path dir;

    /** JDK classes in a first segment, then a chain of {@code nodes} instances in a second. */
    private Path chainDump(String name, int nodes) throws IOException {
        Path file = dir.resolve(name);
        try (HprofWriter w = HprofWriter.toFile(file, 8)) {
            JavaClasses.write(w);
            w.classDump(NODE, "Node", JavaClasses.OBJECT).field("next", Type.OBJECT).write();
            w.rootJniGlobal(FIRST, 1);
            w.segment();
            for (int i = 0; i < nodes; i++) {
                w.instance(FIRST + 16L * i, NODE, i + 1 < nodes ? FIRST + 16L * (i + 1) : 0);
            }
            w.endHeapDump();
        }
        return file;
    }

    /** The file offsets of the top-level records with this tag. */
    private static long[] recordOffsets(byte[] bytes, int wantedTag) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int p = 0;
        while (bytes[p] != 0) {
            p++;
        }
        p += 1 + 4 + 8;
        long[] found = new long[0];
        while (p + 9 <= bytes.length) {
            int tag = bytes[p] & 0xff;
            long length = buffer.getInt(p + 5) & 0xffffffffL;
            if (tag == wantedTag) {
                found = Arrays.copyOf(found, found.length + 1);
                found[found.length - 1] = p;
            }
            p += 9 + length;
        }
        return found;
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    @Test
    void anEmptyFileIsRefusedWithATypedError() throws IOException {
        DumpFormatException e = assertUnreadable(write("empty.hprof", new byte[0]), 0, "empty file");
        assertEquals(0, e.offset());
    }

    @Test
    void aFileThatIsNotHprofIsRefused() throws IOException {
        assertUnreadable(write("text.hprof", "hello, this is not a heap dump at all".getBytes()), 0, "not an HPROF file");
        assertUnreadable(write("zeros.hprof", new byte[100]), 0, "not an HPROF file");
    }

    @Test
    void aFileCutInsideItsHeaderIsRefused() throws IOException {
        assertUnreadable(write("cut1.hprof", "JAVA PROF".getBytes()), 0, "truncated in the header");
        byte[] version = "JAVA PROFILE 1.0.2\0\0\0".getBytes();
        assertUnreadable(write("cut2.hprof", version), 0, "truncated in the header");
    }

    @Test
    void anUnsupportedIdentifierSizeIsRefused() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("JAVA PROFILE 1.0.2\0".getBytes());
        bytes.writeBytes(new byte[] {0, 0, 0, 16});
        bytes.writeBytes(new byte[8]);
        assertUnreadable(write("id16.hprof", bytes.toByteArray()), 0, "identifier size 16");
    }

    @Test
    void aFileWithoutAHeapDumpIsRefused() throws IOException {
        Path file = dir.resolve("no-dump.hprof");
        try (HprofWriter w = HprofWriter.toFile(file, 8)) {
            w.string("only strings here");
        }
        assertUnreadable(file, 0, "no heap dump in the file");
    }

    @Test
    void aDumpCutInsideASegmentKeepsWhatWasReadAndSaysWhere() throws IOException {
        byte[] whole = Files.readAllBytes(chainDump("whole.hprof", 100));
        long segment = recordOffsets(whole, HprofWriter.TAG_HEAP_DUMP_SEGMENT)[1];
        int complete = 37;
        int cut = (int) (segment + 9 + NODE_RECORD * complete + 10);
        Path file = write("cut.hprof", Arrays.copyOf(whole, cut));
        HeapGraph graph = read(file);
        assertTrue(graph.info().partial());
        assertEquals(1, graph.info().lostRecords());
        assertEquals((long) NODE_RECORD * (100 - complete), graph.info().lostBytes());
        assertTrue(hasWarning(graph, "truncated at offset " + cut + " in HEAP_DUMP_SEGMENT (record started at "
                + segment + ")"), graph.info().warnings().toString());
        assertEquals(12 + complete, graph.objectCount(), "11 JDK classes, Node, and the complete instances");
        DominatorTree tree = Graphs.dominators(graph, RetentionRule.matDefault());
        assertEquals(complete * 24L, tree.retainedSizeOf(object(graph, FIRST)), "16-byte header + one reference");
    }

    @Test
    void everyPrefixOfADumpReadsOrIsRefusedWithATypedError() throws Exception {
        byte[] whole = Files.readAllBytes(chainDump("whole.hprof", 5));
        int partialGraphs = 0;
        for (int length = 0; length < whole.length; length++) {
            Path file = write("prefix.hprof", Arrays.copyOf(whole, length));
            try (HeapGraph graph = read(file)) {
                assertTrue(graph.info().partial(), "a strict prefix is partial at length " + length);
                Graphs.dominators(graph, RetentionRule.matDefault());
                partialGraphs++;
            } catch (DumpFormatException expected) {
                assertTrue(expected.getMessage().contains(file.toString()));
            }
        }
        assertTrue(partialGraphs > whole.length / 4, "most prefixes hold a heap dump segment: " + partialGraphs);
    }

    @Test
    void anAbsurdInstanceLengthLosesOnlyTheRestOfItsSegment() throws IOException {
        Path file = dir.resolve("absurd-instance.hprof");
        try (HprofWriter w = HprofWriter.toFile(file, 8)) {
            JavaClasses.write(w);
            w.byteArray(FIRST, new byte[8]).root(HprofWriter.ROOT_UNKNOWN, FIRST);
            ByteBuffer instance = ByteBuffer.allocate(25);
            instance.put((byte) 0x21).putLong(FIRST + 64).putInt(1).putLong(JavaClasses.OBJECT).putInt(0xfffffff0);
            w.rawSubRecord(instance.array());
            w.byteArray(FIRST + 128, new byte[8]);
            w.endHeapDump();
        }
        HeapGraph graph = read(file);
        assertTrue(graph.info().partial());
        assertTrue(hasWarning(graph, "INSTANCE_DUMP at offset"), graph.info().warnings().toString());
        assertTrue(hasWarning(graph, "runs past the end of its HEAP_DUMP_SEGMENT"));
        assertEquals(12, graph.objectCount(), "the classes and the first array");
        assertEquals(-1, graph.findObjectById(FIRST + 64));
    }

    @Test
    void absurdArrayLengthsAndRecordLengthsNeverCauseAllocation() throws IOException {
        Path file = dir.resolve("absurd-array.hprof");
        try (HprofWriter w = HprofWriter.toFile(file, 8)) {
            JavaClasses.write(w);
            w.segment();
            ByteBuffer array = ByteBuffer.allocate(25);
            array.put((byte) 0x22).putLong(FIRST).putInt(1).putInt(0x7fffffff).putLong(JavaClasses.OBJECT_ARRAY);
            w.rawSubRecord(array.array());
            w.endHeapDumpDeclaring(0xfffffff0L);
        }
        HeapGraph graph = read(file);
        assertTrue(graph.info().partial());
        assertEquals(11, graph.objectCount());

        Path strings = dir.resolve("absurd-string.hprof");
        try (HprofWriter w = HprofWriter.toFile(strings, 8)) {
            JavaClasses.write(w);
            w.endHeapDump();
            w.recordWithLength(HprofWriter.TAG_STRING, new byte[] {0, 0, 0, 0, 0, 0, 0, 1, 'x'}, 0xffffffffL);
        }
        HeapGraph afterString = read(strings);
        assertTrue(afterString.info().partial());
        assertTrue(hasWarning(afterString, "in STRING_IN_UTF8"), afterString.info().warnings().toString());
        assertEquals(11, afterString.objectCount());
    }

    @Test
    void anUnknownSubRecordLosesTheRestOfItsSegmentOnly() throws IOException {
        Path file = dir.resolve("unknown-sub.hprof");
        try (HprofWriter w = HprofWriter.toFile(file, 8)) {
            JavaClasses.write(w);
            w.segment();
            w.byteArray(FIRST, new byte[1]).rawSubRecord(new byte[] {0x55, 1, 2, 3}).byteArray(FIRST + 64, new byte[1]);
            w.segment();
            w.byteArray(FIRST + 128, new byte[1]).root(HprofWriter.ROOT_UNKNOWN, FIRST + 128);
            w.endHeapDump();
        }
        HeapGraph graph = read(file);
        assertTrue(graph.info().partial());
        assertTrue(hasWarning(graph, "unknown sub-record 0x55"));
        assertTrue(graph.findObjectById(FIRST) >= 0);
        assertEquals(-1, graph.findObjectById(FIRST + 64));
        assertTrue(graph.findObjectById(FIRST + 128) >= 0, "the next segment is read again");
    }

    @Test
    void duplicateObjectIdsKeepTheFirstRecord() throws IOException {
        Path file = dir.resolve("duplicates.hprof");
        try (HprofWriter w = HprofWriter.toFile(file, 8)) {
            JavaClasses.write(w);
            w.byteArray(FIRST, new byte[40]).instance(FIRST, JavaClasses.OBJECT).root(HprofWriter.ROOT_UNKNOWN, FIRST);
            w.endHeapDump();
        }
        HeapGraph graph = read(file);
        assertEquals(12, graph.objectCount());
        assertEquals("byte[]", graph.classNameOf(object(graph, FIRST)));
        assertEquals(64, graph.shallowSizeOf(object(graph, FIRST)));
        assertTrue(hasWarning(graph, "duplicate object id, the first record kept: 1"));
    }

    @Test
    void referencesToMissingObjectsAreCountedAndNotFollowed() throws IOException {
        Path file = dir.resolve("dangling.hprof");
        try (HprofWriter w = HprofWriter.toFile(file, 8)) {
            JavaClasses.write(w);
            w.classDump(NODE, "Node", JavaClasses.OBJECT).field("next", Type.OBJECT).write();
            w.instance(FIRST, NODE, 0xdead00).objectArray(FIRST + 64, JavaClasses.OBJECT_ARRAY, FIRST, 0xbeef00);
            w.root(HprofWriter.ROOT_UNKNOWN, FIRST + 64).root(HprofWriter.ROOT_UNKNOWN, 0xabc000);
            w.endHeapDump();
        }
        HeapGraph graph = read(file);
        assertFalse(graph.info().partial());
        assertEquals(1, graph.endEdge(object(graph, FIRST)) - graph.firstEdge(object(graph, FIRST)), "only <class>");
        assertTrue(hasWarning(graph, "reference to an object not in the dump, dropped: 2"));
        assertTrue(hasWarning(graph, "GC root names an object not in the dump: 1"));
        assertEquals("?", Graphs.edgeNames(graph, object(graph, FIRST + 64)).stream()
                .filter(n -> n.equals("?")).findAny().orElse("?"));
        assertEquals(java.util.List.of("<class>", "[0]"), Graphs.edgeNames(graph, object(graph, FIRST + 64)));
    }

    @Test
    void aClassHierarchyCycleIsBrokenWithAWarning() throws IOException {
        Path file = dir.resolve("cycle.hprof");
        try (HprofWriter w = HprofWriter.toFile(file, 8)) {
            JavaClasses.write(w);
            w.classDump(0x1100, "Left", 0x1108).field("a", Type.OBJECT).write();
            w.classDump(0x1108, "Right", 0x1100).field("b", Type.INT).write();
            w.instanceWithPayload(FIRST, 0x1100, new byte[12]).root(HprofWriter.ROOT_UNKNOWN, FIRST);
            w.endHeapDump();
        }
        HeapGraph graph = read(file);
        assertTrue(hasWarning(graph, "class hierarchy cycle, broken"));
        assertTrue(graph.shallowSizeOf(object(graph, FIRST)) > 0);
    }

    private static final int[] ORDER = new Random(7).ints(0, 1000).distinct().limit(50).toArray();

    @Test
    void addressesInAnyFileOrderGetAscendingIdsAndTheRightEdges() throws IOException {
        Path file = dir.resolve("moved.hprof");
        int nodes = ORDER.length;
        int[] order = ORDER;
        try (HprofWriter w = HprofWriter.toFile(file, 8)) {
            JavaClasses.write(w);
            w.classDump(NODE, "Node", JavaClasses.OBJECT).field("next", Type.OBJECT).write();
            for (int i = 0; i < nodes; i++) {
                long address = FIRST + 16L * order[i];
                long next = i + 1 < nodes ? FIRST + 16L * order[i + 1] : 0;
                w.instance(address, NODE, next);
            }
            w.root(HprofWriter.ROOT_UNKNOWN, FIRST + 16L * order[0]);
            w.endHeapDump();
        }
        {
            HeapGraph graph = read(file);
            for (int o = 1; o < graph.objectCount(); o++) {
                assertTrue(graph.idOf(o - 1) < graph.idOf(o));
            }
            for (int i = 0; i + 1 < nodes; i++) {
                int from = object(graph, FIRST + 16L * order[i]);
                assertEquals(FIRST + 16L * order[i + 1], graph.idOf(graph.edgeTarget(graph.firstEdge(from) + 1)));
            }
            DominatorTree tree = Graphs.dominators(graph, RetentionRule.matDefault());
            assertEquals(nodes * 24L, tree.retainedSizeOf(object(graph, FIRST + 16L * order[0])));
        }
    }

    @Test
    void randomlyDamagedDumpsReadOrAreRefusedWithTheTypedError() throws Exception {
        byte[] whole = Files.readAllBytes(chainDump("whole.hprof", 20));
        Random random = new Random(42);
        for (int round = 0; round < 300; round++) {
            byte[] damaged = whole.clone();
            int flips = 1 + random.nextInt(6);
            for (int i = 0; i < flips; i++) {
                damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
            }
            if (random.nextBoolean()) {
                damaged = Arrays.copyOf(damaged, random.nextInt(damaged.length));
            }
            Path file = write("damaged-" + round + ".hprof", damaged);
            try (HeapGraph graph = read(file)) {
                Graphs.dominators(graph, RetentionRule.matDefault());
                for (int o = 0; o < graph.objectCount(); o++) {
                    graph.details().fields(o);
                    graph.details().label(o);
                }
                for (int e = 0; e < graph.edgeCount(); e++) {
                    graph.details().edgeName(e);
                }
            } catch (DumpFormatException expected) {
                assertTrue(expected.getMessage().startsWith("file " + file));
            }
        }
    }

    @Test
    void aGzippedDumpReadsLikeThePlainOneAndIsInflatedOnce() throws IOException {
        Path plain = chainDump("plain.hprof", 100);
        byte[] bytes = Files.readAllBytes(plain);
        Path gz = dir.resolve("multi.hprof.gz");
        try (OutputStream out = Files.newOutputStream(gz)) {
            // Two gzip members back to back, as jcmd GC.heap_dump -gz writes them.
            int half = bytes.length / 2;
            for (byte[] part : new byte[][] {Arrays.copyOfRange(bytes, 0, half), Arrays.copyOfRange(bytes, half, bytes.length)}) {
                ByteArrayOutputStream member = new ByteArrayOutputStream();
                try (GZIPOutputStream gzip = new GZIPOutputStream(member)) {
                    gzip.write(part);
                }
                out.write(member.toByteArray());
            }
        }
        HeapGraph fromGzip = read(gz);
        HeapGraph fromPlain = read(plain);
        assertEquals(fromPlain.objectCount(), fromGzip.objectCount());
        assertEquals(fromPlain.edgeCount(), fromGzip.edgeCount());
        assertFalse(fromGzip.info().partial());
        assertEquals(Files.size(gz), fromGzip.info().fileBytes());
        Path cache = gz.resolveSibling("cache");
        try (var listing = Files.list(cache)) {
            Path inflated = listing.filter(p -> p.toString().endsWith(".hprof")).findFirst().orElseThrow();
            long modified = Files.getLastModifiedTime(inflated).toMillis();
            assertEquals(fromGzip.objectCount(), read(gz).objectCount());
            assertEquals(modified, Files.getLastModifiedTime(inflated).toMillis(), "the cached copy is reused");
        }
        assertEquals("JAVA PROFILE 1.0.2", fromGzip.info().formatVersion());
        assertEquals(fromPlain.details().fields(object(fromPlain, FIRST)).size(),
                fromGzip.details().fields(object(fromGzip, FIRST)).size());
    }

    @Test
    void aCutGzipStreamGivesAPartialGraphWithAWarning() throws IOException {
        byte[] bytes = Files.readAllBytes(chainDump("plain.hprof", 2000));
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(bytes);
        }
        byte[] gz = compressed.toByteArray();
        Path file = write("cut.hprof.gz", Arrays.copyOf(gz, gz.length * 3 / 4));
        HeapGraph graph = read(file);
        assertTrue(graph.info().partial());
        assertTrue(hasWarning(graph, "compressed stream ended early"), graph.info().warnings().toString());
        assertTrue(graph.objectCount() > 12);
    }
}
