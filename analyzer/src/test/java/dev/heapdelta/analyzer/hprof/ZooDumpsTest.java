package dev.heapdelta.analyzer.hprof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.dominators.DominatorTree;
import dev.heapdelta.analyzer.dominators.RetentionRule;
import dev.heapdelta.analyzer.graph.DumpInfo;
import dev.heapdelta.analyzer.graph.FieldValue;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.graph.ObjectKind;
import dev.heapdelta.analyzer.graph.RootKind;
import dev.heapdelta.analyzer.source.DumpKind;
import dev.heapdelta.analyzer.source.FormatDetector;
import dev.heapdelta.analyzer.testing.TestEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facts other tools' own tests assert on the zoo of HPROF files (reference/README.md). */
class ZooDumpsTest {
    @TempDir
    Path cache;

    private HeapGraph read(String name) throws IOException {
        return read(name, 0);
    }

    private HeapGraph read(String name, int dumpIndex) throws IOException {
        return Graphs.readReference("zoo/" + name, dumpIndex, cache);
    }

    @Test
    void everyHprofOfTheZooReadsWhole() throws IOException {
        Path zoo = TestEnvironment.sharedReference("zoo");
        List<Path> files;
        try (Stream<Path> listing = Files.list(zoo)) {
            files = listing.sorted().toList();
        }
        int read = 0;
        for (Path file : files) {
            if (FormatDetector.detect(file).kind() != DumpKind.HPROF) {
                continue;
            }
            HeapGraph graph = Graphs.read(file, 0, cache);
            assertFalse(graph.info().partial(), file + ": " + graph.info().warnings());
            assertTrue(graph.objectCount() > 1000, file.toString());
            Graphs.dominators(graph, RetentionRule.matDefault());
            read++;
        }
        assertTrue(read >= 8, "HPROF files in the zoo: " + read);
    }

    /** The letter of each DominatorTestData object (R, A..L) by object index. */
    private static Map<Integer, String> dominatorTestData(HeapGraph graph) {
        Map<Integer, String> letters = new HashMap<>();
        for (int o = 0; o < graph.objectCount(); o++) {
            String name = graph.classNameOf(o);
            if (graph.kindOf(o) == ObjectKind.INSTANCE && name.contains("DominatorTestData$")) {
                letters.put(o, name.substring(name.lastIndexOf('$') + 1));
            }
        }
        return letters;
    }

    private static Set<String> childLetters(DominatorTree tree, Map<Integer, String> letters, String parent) {
        int object = letters.entrySet().stream().filter(e -> e.getValue().equals(parent)).findFirst().orElseThrow()
                .getKey();
        return java.util.Arrays.stream(tree.childrenOf(object)).mapToObj(c -> letters.getOrDefault(c, "?"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static long[] retainedSetOf(DominatorTree tree, HeapGraph graph, int object) {
        long count = 0;
        long bytes = 0;
        Deque<Integer> stack = new ArrayDeque<>(List.of(object));
        while (!stack.isEmpty()) {
            int o = stack.pop();
            count++;
            bytes += graph.shallowSizeOf(o);
            for (int child : tree.childrenOf(o)) {
                stack.push(child);
            }
        }
        return new long[] {count, bytes};
    }

    private void assertDominatorTestData(String file, long retainedBytes) throws IOException {
        HeapGraph graph = read(file);
        DominatorTree tree = Graphs.dominators(graph, RetentionRule.matDefault());
        Map<Integer, String> letters = dominatorTestData(graph);
        assertEquals(13, letters.size());
        assertEquals(Set.of("A", "B", "C", "D", "E", "H", "I", "K"), childLetters(tree, letters, "R"));
        assertEquals(Set.of("F", "G"), childLetters(tree, letters, "C"));
        assertEquals(Set.of("L"), childLetters(tree, letters, "D"));
        assertEquals(Set.of("J"), childLetters(tree, letters, "G"));
        int r = letters.entrySet().stream().filter(e -> e.getValue().equals("R")).findFirst().orElseThrow().getKey();
        long[] retained = retainedSetOf(tree, graph, r);
        assertEquals(13, retained[0]);
        assertEquals(retainedBytes, retained[1]);
        assertEquals(retainedBytes, tree.retainedSizeOf(r));
    }

    @Test
    void matsDominatorTestDataIn32BitDumpRetains224Bytes() throws IOException {
        assertDominatorTestData("mat_sun_jdk6_32bit.hprof", 224);
    }

    @Test
    void matsDominatorTestDataIn64BitDumpRetains376Bytes() throws IOException {
        assertDominatorTestData("mat_sun_jdk5_64bit.hprof", 376);
    }

    @Test
    void jdk5DumpHas492ReachableStringsOf602And21References() throws IOException {
        HeapGraph graph = read("mat_sun_jdk5_64bit.hprof");
        DominatorTree tree = Graphs.dominators(graph, RetentionRule.matDefault());
        int strings = 0;
        int reachableStrings = 0;
        int references = 0;
        for (int o = 0; o < graph.objectCount(); o++) {
            if (graph.classNameOf(o).equals("java.lang.String")) {
                strings++;
                reachableStrings += tree.isReachable(o) ? 1 : 0;
            }
            if (graph.kindOf(o) == ObjectKind.INSTANCE && tree.isReachable(o) && isReference(graph, graph.classOf(o))) {
                references++;
            }
        }
        assertEquals(602, strings);
        assertEquals(492, reachableStrings);
        assertEquals(21, references);
    }

    private static boolean isReference(HeapGraph graph, int classIndex) {
        for (int c = classIndex; c >= 0; c = graph.heapClass(c).superClass()) {
            if (graph.className(c).equals("java.lang.ref.Reference")) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Long> instanceSizes(HeapGraph graph) {
        Map<String, Long> sizes = new HashMap<>();
        for (int c = 0; c < graph.classCount(); c++) {
            sizes.put(graph.className(c), graph.heapClass(c).instanceSize());
        }
        return sizes;
    }

    @Test
    void compressedOopsDumpHasTheRealCompressedInstanceSizes() throws IOException {
        Map<String, Long> sizes = instanceSizes(read("mat_sun_jdk6_30_x64_compressedOops.hprof"));
        assertEquals(32, sizes.get("java.lang.String"));
        assertEquals(24, sizes.get("org.eclipse.mat.tests.CreateSampleDump$DominatorTestData$R"));
        assertEquals(48, sizes.get("java.util.HashMap"));
        assertEquals(16, sizes.get("java.lang.Object"));
    }

    @Test
    void uncompressedOopsDumpHasTheRealUncompressedInstanceSizes() throws IOException {
        Map<String, Long> sizes = instanceSizes(read("mat_sun_jdk6_30_x64_nocompressedOops.hprof"));
        assertEquals(40, sizes.get("java.lang.String"));
        assertEquals(40, sizes.get("org.eclipse.mat.tests.CreateSampleDump$DominatorTestData$R"));
        assertEquals(64, sizes.get("java.util.HashMap"));
        assertEquals(16, sizes.get("java.lang.Object"));
    }

    @Test
    void everyClassOfTheJmapHistogramsHasJmapsInstanceSize() throws IOException {
        for (String variant : List.of("compressedOops", "nocompressedOops")) {
            String name = "mat_sun_jdk6_30_x64_" + variant;
            HeapGraph graph = read(name + ".hprof");
            Map<String, long[]> ours = new HashMap<>();
            for (int o = 0; o < graph.objectCount(); o++) {
                if (graph.kindOf(o) != ObjectKind.CLASS) {
                    long[] totals = ours.computeIfAbsent(graph.classNameOf(o), k -> new long[2]);
                    totals[0]++;
                    totals[1] += graph.shallowSizeOf(o);
                }
            }
            int compared = 0;
            for (String line : Files.readAllLines(TestEnvironment.sharedReference("zoo/" + name + ".jmap-histo.txt"))) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length != 4 || !parts[0].endsWith(":")) {
                    continue;
                }
                String className = javaName(parts[3]);
                long count = Long.parseLong(parts[1]);
                long bytes = Long.parseLong(parts[2]);
                long[] totals = ours.get(className);
                // Class mirrors are sized by their statics in MAT, not as the VM lays them out.
                if (className.startsWith("<") || className.equals("java.lang.Class") || totals == null) {
                    continue;
                }
                if (className.endsWith("[]")) {
                    if (totals[0] == count) {
                        assertEquals(bytes, totals[1], name + " " + className);
                        compared++;
                    }
                } else {
                    assertEquals(bytes / count, totals[1] / totals[0], name + " " + className);
                    compared++;
                }
            }
            assertTrue(compared >= 150, name + ": compared " + compared);
        }
    }

    /** jmap's class names ({@code [C}, {@code [Ljava.lang.Object;}) as MAT writes them. */
    private static String javaName(String jmap) {
        int dimensions = 0;
        while (jmap.charAt(dimensions) == '[') {
            dimensions++;
        }
        if (dimensions == 0) {
            return jmap;
        }
        String element = jmap.substring(dimensions);
        String base = switch (element) {
            case "Z" -> "boolean";
            case "C" -> "char";
            case "F" -> "float";
            case "D" -> "double";
            case "B" -> "byte";
            case "S" -> "short";
            case "I" -> "int";
            case "J" -> "long";
            default -> element.substring(1, element.length() - 1);
        };
        return base + "[]".repeat(dimensions);
    }

    @Test
    void hprofAgentFileOffersBothOfItsHeapDumps() throws IOException {
        HeapGraph first = read("mat_oracle_jdk7_21_hprofagent.hprof", 0);
        HeapGraph second = read("mat_oracle_jdk7_21_hprofagent.hprof", 1);
        assertEquals(2, first.info().dumpsInFile());
        assertEquals(2, HprofReader.countDumps(TestEnvironment.sharedReference("zoo/mat_oracle_jdk7_21_hprofagent.hprof"),
                dev.heapdelta.analyzer.source.ReadOptions.of(Path.of("agent")),
                dev.heapdelta.analyzer.source.CancelSignal.NEVER));
        assertNotEquals(first.objectCount(), second.objectCount());
        assertNotEquals(Graphs.dominators(first, RetentionRule.matDefault()).reachableCount(),
                Graphs.dominators(second, RetentionRule.matDefault()).reachableCount());
    }

    @Test
    void jdk11CollectionsHold341EntriesAndTheEmptyOnesNone() throws IOException {
        HeapGraph graph = read("mat_openjdk_jdk11_04_x64.hprof.gz");
        Set<String> checkedKinds = Set.of("java.util.ArrayList", "java.util.LinkedList", "java.util.Vector",
                "java.util.HashMap", "java.util.Hashtable", "java.util.TreeMap");
        int checked = 0;
        int empty = 0;
        for (int o = 0; o < graph.objectCount(); o++) {
            String holder = graph.classNameOf(o);
            if (graph.kindOf(o) != ObjectKind.INSTANCE || !holder.contains("CreateCollectionDump$")
                    || !holder.endsWith("TestData")) {
                continue;
            }
            boolean expectEmpty = holder.contains("$Empty");
            for (FieldValue field : graph.details().fields(o)) {
                if (field.target() < 0 || graph.kindOf(field.target()) != ObjectKind.OBJECT_ARRAY) {
                    continue;
                }
                for (FieldValue element : graph.details().fields(field.target())) {
                    if (element.target() < 0 || !checkedKinds.contains(graph.classNameOf(element.target()))) {
                        continue;
                    }
                    long size = sizeField(graph, element.target());
                    assertEquals(expectEmpty ? 0 : 341, size, holder + "." + field.name() + element.name() + " "
                            + graph.classNameOf(element.target()));
                    checked++;
                    empty += expectEmpty ? 1 : 0;
                }
            }
        }
        assertTrue(checked >= 30, "collections checked: " + checked);
        assertTrue(empty >= 5, "empty collections checked: " + empty);
    }

    private static long sizeField(HeapGraph graph, int collection) {
        for (FieldValue field : graph.details().fields(collection)) {
            if (field.name().equals("size") || field.name().equals("elementCount") || field.name().equals("count")) {
                return field.asLong();
            }
        }
        throw new AssertionError("no size field in " + graph.classNameOf(collection));
    }

    @Test
    void hprofSlurpRecordAndRootCountsMatch() throws IOException {
        HeapGraph graph = read("hprofslurp_hprof-32.hprof");
        Map<String, Long> counts = graph.info().fileCounts();
        assertEquals(361, counts.get("CLASS_DUMP"));
        assertEquals(1293, counts.get("INSTANCE_DUMP"));
        assertEquals(423, counts.get("OBJ_ARRAY_DUMP"));
        assertEquals(849, counts.get("PRIM_ARRAY_DUMP"));
        assertEquals(1496, counts.get("STRING_IN_UTF8"));
        assertEquals(54, counts.get("ROOT_UNKNOWN"));
        assertEquals(8, counts.get("ROOT_THREAD_OBJECT"));
        assertEquals(395, counts.get("ROOT_JNI_GLOBAL"));
        assertEquals(1, counts.get("ROOT_JNI_LOCAL"));
        assertEquals(14, counts.get("ROOT_JAVA_FRAME"));
        assertEquals(381, counts.get("ROOT_STICKY_CLASS"));
        assertEquals(7, counts.get("ROOT_THREAD_BLOCK"));
        assertEquals(2, counts.get("ROOT_MONITOR_USED"));
        Map<RootKind, Long> byKind = rootsByKind(graph);
        assertEquals(54, byKind.get(RootKind.UNKNOWN));
        assertEquals(7, byKind.get(RootKind.THREAD_OBJECT), "one thread root names address 0, which holds no object");
        assertTrue(Graphs.hasWarning(graph, "GC root names an object not in the dump: 1 (first: 0x0)"));
        assertEquals(395, byKind.get(RootKind.JNI_GLOBAL));
        assertEquals(1, byKind.get(RootKind.JNI_LOCAL));
        assertEquals(14, byKind.get(RootKind.JAVA_FRAME));
        assertEquals(381, byKind.get(RootKind.STICKY_CLASS));
        assertEquals(7, byKind.get(RootKind.THREAD_BLOCK));
        assertEquals(2, byKind.get(RootKind.MONITOR_USED));
        long strings = java.util.stream.IntStream.range(0, graph.objectCount())
                .filter(o -> graph.classNameOf(o).equals("java.lang.String")).count();
        assertEquals(765, strings);
    }

    private static Map<RootKind, Long> rootsByKind(HeapGraph graph) {
        Map<RootKind, Long> byKind = new EnumMap<>(RootKind.class);
        for (int r = 0; r < graph.rootRecordCount(); r++) {
            byKind.merge(graph.rootKind(r), 1L, Long::sum);
        }
        return byKind;
    }

    @Test
    void perflibAndroidHeapsRootsAndArraysMatch() throws IOException {
        HeapGraph graph = read("perflib_dialer.android-hprof");
        assertEquals("JAVA PROFILE 1.0.3", graph.info().formatVersion());
        Map<String, DumpInfo.AndroidHeap> heaps = graph.info().heaps().stream()
                .collect(Collectors.toMap(DumpInfo.AndroidHeap::name, h -> h));
        assertEquals(65, heaps.get("app").id());
        assertEquals(38, heaps.get("app").classes());
        assertEquals(1406, heaps.get("app").instances());
        assertEquals(90, heaps.get("zygote").id());
        assertEquals(3533, heaps.get("zygote").classes());
        assertEquals(38710, heaps.get("zygote").instances());
        assertEquals(43687, graph.objectCount(), "instances plus classes");
        assertEquals(11193, graph.rootRecordCount());
        assertEquals(11, rootsByKind(graph).get(RootKind.THREAD_OBJECT));
        assertEquals(11182, graph.rootRecordCount() - rootsByKind(graph).get(RootKind.THREAD_OBJECT));
        long byteArrays = 0;
        long rawBytes = 0;
        long stringArrays = 0;
        for (int o = 0; o < graph.objectCount(); o++) {
            String name = graph.classNameOf(o);
            if (name.equals("byte[]")) {
                byteArrays++;
                rawBytes += graph.details().fields(o).size();
            } else if (name.equals("java.lang.String[]")) {
                stringArrays++;
            }
        }
        assertEquals(1406, byteArrays);
        assertEquals(681489, rawBytes);
        assertEquals(1396, stringArrays);
    }
}
