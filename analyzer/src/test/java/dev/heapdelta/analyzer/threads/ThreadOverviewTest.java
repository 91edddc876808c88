package dev.heapdelta.analyzer.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.analysis.AnalysisOptions;
import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.analysis.SnapshotLoader;
import dev.heapdelta.analyzer.graph.StackFrame;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.ProgressListener;
import dev.heapdelta.analyzer.testing.TestEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Threads, frames, lines and locals of a JVM dumped in the test, and of the index cache's reopening. */
class ThreadOverviewTest {
    @TempDir
    static Path directory;
    static Path dump;

    @BeforeAll
    static void dumpParkedThreads() throws Exception {
        dump = directory.resolve("parked.hprof");
        ParkedThreadsProgram.dumpTo(dump);
    }

    private static Snapshot load(boolean indexCache) throws IOException {
        AnalysisOptions options = AnalysisOptions.defaults().withCacheDirectory(directory.resolve("cache"))
                .withIndexCache(indexCache);
        return SnapshotLoader.load(dump, dump.toString(), options, CancelSignal.NEVER, ProgressListener.NONE);
    }

    @Test
    void eachParkedThreadShowsTheNamedMethodAtItsLineHoldingItsArray() throws IOException {
        int line = ParkedThreadsProgram.parkLine(TestEnvironment.repositoryRoot());
        try (Snapshot snapshot = load(false)) {
            List<ThreadRow> threads = ThreadOverview.of(snapshot);
            for (int length : ParkedThreadsProgram.PAYLOAD_LENGTHS) {
                ThreadRow thread = threads.stream()
                        .filter(t -> t.name().equals(ParkedThreadsProgram.THREAD_PREFIX + length)).findFirst()
                        .orElseThrow(() -> new AssertionError("no thread " + length + " in " + threads));
                assertEquals("WAITING", thread.state());
                FrameRow holder = thread.frames().stream()
                        .filter(f -> f.frame().method().equals("holdPayload")).findFirst().orElseThrow();
                assertEquals(ParkedThreadsProgram.class.getName(), holder.frame().className());
                assertEquals("ParkedThreadsProgram.java", holder.frame().file());
                assertEquals(line, holder.frame().line());
                assertEquals(StackFrame.LineKind.NUMBER, holder.frame().lineKind());
                PinnedObject payload = holder.locals().stream().filter(l -> l.className().equals("long[]"))
                        .findFirst().orElseThrow(() -> new AssertionError("no long[] local in " + holder));
                assertEquals(length, snapshot.graph().details().arrayLength(payload.object()));
                long expectedBytes = align(16 + 8L * length);
                assertEquals(expectedBytes, payload.shallowBytes());
                assertEquals(expectedBytes, payload.retainedBytes(), "only the frame holds the array");
                assertTrue(thread.retainedBytes() >= expectedBytes, "the thread retains what its frames pin");
                StackFrame top = thread.frames().get(0).frame();
                assertEquals("park", top.method());
                assertEquals(StackFrame.LineKind.NATIVE, top.lineKind(), top.display());
                assertEquals(-3, top.line());
            }
        }
    }

    @Test
    void aReopenedIndexGivesTheSameThreadsFramesAndLocals() throws IOException {
        List<ThreadRow> fresh;
        try (Snapshot first = load(true)) {
            fresh = ThreadOverview.of(first);
        }
        try (Snapshot reopened = load(true)) {
            assertEquals(dev.heapdelta.analyzer.analysis.IndexCacheUse.Status.REUSED, reopened.indexCache().status());
            assertEquals(fresh, ThreadOverview.of(reopened));
        }
    }

    @Test
    void theMainThreadRunsAndEveryThreadHasItsName() throws IOException {
        try (Snapshot snapshot = load(false)) {
            List<ThreadRow> threads = ThreadOverview.of(snapshot);
            ThreadRow main = threads.stream().filter(t -> t.name().equals("main")).findFirst().orElseThrow();
            assertEquals("RUNNABLE", main.state());
            assertNotNull(main.frames().stream().filter(f -> f.frame().method().equals("main")
                    && f.frame().className().equals(ParkedThreadsProgram.class.getName())).findFirst().orElse(null));
            assertTrue(threads.stream().noneMatch(t -> t.name().isEmpty()), threads.toString());
        }
    }

    private static long align(long bytes) {
        return (bytes + 7) / 8 * 8;
    }
}
