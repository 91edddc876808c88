package dev.heapdelta.analyzer.hprof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.analysis.AnalysisOptions;
import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.analysis.SnapshotLoader;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.ProgressListener;
import dev.heapdelta.analyzer.testing.HprofWriter;
import dev.heapdelta.analyzer.testing.HprofWriter.Type;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.graph.ObjectKind;
import dev.heapdelta.analyzer.graph.RootKind;
import dev.heapdelta.analyzer.testing.TestEnvironment;
import dev.heapdelta.analyzer.threads.ThreadOverview;
import dev.heapdelta.analyzer.threads.ThreadRow;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JDK 8 and older (and Android) back a String by a {@code char[]}, whose HPROF length counts chars,
 * not bytes; JDK 6 adds an offset and a count into a shared array; JDK 5 to 8u05 keep
 * {@code Thread.name} as a bare {@code char[]}. Every one of them reads in full.
 */
class CharArrayStringsTest {
    private static final long OBJECT = 0x1000;
    private static final long JDK8_STRING = 0x1010;
    private static final long CHAR_ARRAY = 0x1020;
    private static final long CHARS_NAMED_THREAD = 0x1030;
    private static final long HOLDER = 0x1040;
    private static final long BASE = 0x10000;

    @TempDir
    Path dir;

    @Test
    void jdk8StringBackedByACharArrayReadsInFull() throws IOException {
        long string = BASE;
        long chars = BASE + 0x100;
        Path file = dir.resolve("jdk8.hprof");
        try (HprofWriter w = HprofWriter.toFile(file, "JAVA PROFILE 1.0.2", 8, true)) {
            jdk8Classes(w, string);
            w.instance(string, JDK8_STRING, chars, 0);
            w.charArray(chars, "file.separator");
            w.endHeapDump();
        }
        try (Snapshot snapshot = load(file)) {
            int object = snapshot.graph().findObjectById(string);
            assertEquals("file.separator", snapshot.graph().details().stringValue(object, 80));
            assertEquals("file.separator", snapshot.labelOf(object));
            assertEquals("file.sep", snapshot.graph().details().stringValue(object, 8), "the limit still applies");
        }
    }

    @Test
    void jdk6StringReadsItsOffsetAndCountIntoASharedArray() throws IOException {
        long jdk6String = 0x1050;
        long string = BASE;
        long chars = BASE + 0x100;
        Path file = dir.resolve("jdk6.hprof");
        try (HprofWriter w = HprofWriter.toFile(file, "JAVA PROFILE 1.0.1", 8, false)) {
            w.classDump(OBJECT, "java/lang/Object", 0).write();
            w.classDump(CHAR_ARRAY, "[C", OBJECT).write();
            w.classDump(jdk6String, "java/lang/String", OBJECT).field("value", Type.OBJECT).field("offset", Type.INT)
                    .field("count", Type.INT).field("hash", Type.INT).write();
            w.classDump(HOLDER, "Holder", OBJECT).staticField("KEY", Type.OBJECT, string).write();
            for (long c : new long[] {OBJECT, CHAR_ARRAY, jdk6String, HOLDER}) {
                w.root(HprofWriter.ROOT_STICKY_CLASS, c);
            }
            w.instance(string, jdk6String, chars, 8, 9, 0);
            w.charArray(chars, "user.dirjava.homeline");
            w.endHeapDump();
        }
        try (Snapshot snapshot = load(file)) {
            int object = snapshot.graph().findObjectById(string);
            assertEquals("java.home", snapshot.labelOf(object));
        }
    }

    @Test
    void threadNamesInPathKeysReadInFullWhetherACharArrayOrACharBackedString() throws IOException {
        long charsThread = BASE;
        long charsName = BASE + 0x40;
        long charsLocal = BASE + 0x80;
        long stringThread = BASE + 0x100;
        long stringName = BASE + 0x140;
        long stringNameChars = BASE + 0x180;
        long stringLocal = BASE + 0x1c0;
        Path file = dir.resolve("threads.hprof");
        try (HprofWriter w = HprofWriter.toFile(file, "JAVA PROFILE 1.0.2", 8, true)) {
            jdk8Classes(w, 0);
            long stringNamedThread = 0x1060;
            w.classDump(stringNamedThread, "java/lang/Thread", OBJECT).field("name", Type.OBJECT).write();
            w.root(HprofWriter.ROOT_STICKY_CLASS, stringNamedThread);
            w.instance(charsThread, CHARS_NAMED_THREAD, charsName).charArray(charsName, "pool-1-thread-3");
            w.instance(stringThread, stringNamedThread, stringName).instance(stringName, JDK8_STRING, stringNameChars, 0)
                    .charArray(stringNameChars, "main");
            w.instance(charsLocal, OBJECT).instance(stringLocal, OBJECT);
            w.rootThreadObject(charsThread, 1, 0).rootJavaFrame(charsLocal, 1, 0);
            w.rootThreadObject(stringThread, 2, 0).rootJavaFrame(stringLocal, 2, 0);
            w.endHeapDump();
        }
        try (Snapshot snapshot = load(file)) {
            assertEquals("thread \"pool-1-thread-3\" › local",
                    snapshot.pathKeyOf(snapshot.graph().findObjectById(charsLocal)));
            assertEquals("thread \"main\" › local", snapshot.pathKeyOf(snapshot.graph().findObjectById(stringLocal)));
            // The Threads overview names them the same way, from the reader's decoding.
            assertEquals(Set.of("pool-1-thread-3", "main"), ThreadOverview.of(snapshot).stream()
                    .map(ThreadRow::name).collect(java.util.stream.Collectors.toSet()));
        }
    }

    @Test
    void realJdk5And6DumpsReadSystemPropertyNamesAndThreadNamesInFull() throws IOException {
        for (String name : new String[] {"mat_sun_jdk5_64bit.hprof", "mat_sun_jdk6_30_x64_compressedOops.hprof"}) {
            Path dump = TestEnvironment.sharedReference("zoo/" + name);
            try (Snapshot snapshot = SnapshotLoader.load(dump, name, AnalysisOptions.defaults().withIndexCache(false)
                    .withCacheDirectory(dir), CancelSignal.NEVER, ProgressListener.NONE)) {
                HeapGraph graph = snapshot.graph();
                Set<String> strings = new HashSet<>();
                for (int o = 0; o < graph.objectCount(); o++) {
                    if (graph.kindOf(o) == ObjectKind.INSTANCE && graph.classNameOf(o).equals("java.lang.String")) {
                        strings.add(graph.details().stringValue(o, 100));
                    }
                }
                assertTrue(strings.contains("file.separator"), name);
                assertTrue(strings.contains("java.class.path"), name);
                Set<String> threads = new TreeSet<>();
                for (int r = 0; r < graph.rootRecordCount(); r++) {
                    if (graph.rootKind(r) == RootKind.THREAD_OBJECT) {
                        threads.add(snapshot.pathKeyOf(graph.rootObject(r)));
                    }
                }
                assertTrue(threads.contains("thread \"main\""), name + ": " + threads);
                assertTrue(threads.contains("thread \"Finalizer\""), name + ": " + threads);
                assertTrue(threads.contains("thread \"Reference Handler\""), name + ": " + threads);
            }
        }
    }

    /**
     * Object, a JDK 8 String (value, hash), char[], a Thread whose name is a char[] (as a separate
     * class, so that a test can also have a JDK 8u20 one) and a holder of {@code string} in a static.
     */
    private static void jdk8Classes(HprofWriter w, long string) {
        w.classDump(OBJECT, "java/lang/Object", 0).write();
        w.classDump(JDK8_STRING, "java/lang/String", OBJECT).field("value", Type.OBJECT).field("hash", Type.INT)
                .write();
        w.classDump(CHAR_ARRAY, "[C", OBJECT).write();
        w.classDump(CHARS_NAMED_THREAD, "java/lang/Thread", OBJECT).field("name", Type.OBJECT).write();
        w.classDump(HOLDER, "Holder", OBJECT).staticField("SEPARATOR", Type.OBJECT, string).write();
        for (long c : new long[] {OBJECT, JDK8_STRING, CHAR_ARRAY, CHARS_NAMED_THREAD, HOLDER}) {
            w.root(HprofWriter.ROOT_STICKY_CLASS, c);
        }
    }

    private static Snapshot load(Path file) throws IOException {
        return SnapshotLoader.load(file, file.toString(), AnalysisOptions.defaults().withIndexCache(false),
                CancelSignal.NEVER, ProgressListener.NONE);
    }
}
