package dev.heapdelta.analyzer.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.analysis.AnalysisOptions;
import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.analysis.SnapshotLoader;
import dev.heapdelta.analyzer.graph.StackFrame;
import dev.heapdelta.analyzer.graph.ThreadStacks;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.ProgressListener;
import dev.heapdelta.analyzer.testing.TestEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The stacks that hprof-slurp's and MAT's own tests expect on the shared zoo of dumps. */
class ThreadStacksZooTest {
    @TempDir
    Path cache;

    private Snapshot load(String name) throws IOException {
        Path file = TestEnvironment.sharedReference("zoo/" + name);
        AnalysisOptions options = AnalysisOptions.defaults().withCacheDirectory(cache).withIndexCache(false);
        return SnapshotLoader.load(file, name, options, CancelSignal.NEVER, ProgressListener.NONE);
    }

    /**
     * hprof-slurp prints every non-empty STACK TRACE of the file by serial, one frame a line; its expected
     * output for its own dump must be what our records give, frame for frame.
     */
    @Test
    void everyStackTraceOfHprofSlurpsDumpReadsAsItsExpectedOutputSays() throws IOException {
        String expected = Files.readString(TestEnvironment.sharedReference("zoo/hprofslurp_hprof-32.expected.txt"));
        int start = expected.lastIndexOf("\nFound ", expected.indexOf("threads with stacktraces:"));
        int end = expected.indexOf("\nFound a total of");
        String expectedSection = expected.substring(start, end).strip();
        try (Snapshot snapshot = load("hprofslurp_hprof-32.hprof")) {
            ThreadStacks stacks = snapshot.graph().details().threadStacks();
            List<ThreadStacks.Trace> traces = stacks.traces().stream().filter(t -> !t.frames().isEmpty())
                    .sorted(Comparator.comparingInt(ThreadStacks.Trace::serial)).toList();
            StringBuilder rendered = new StringBuilder();
            rendered.append("Found ").append(traces.size()).append(" threads with stacktraces:\n");
            for (int i = 0; i < traces.size(); i++) {
                rendered.append("\nThread ").append(i + 1).append('\n');
                for (StackFrame frame : traces.get(i).frames()) {
                    rendered.append("  at ").append(frame.className()).append('.').append(frame.method()).append(" (")
                            .append(frame.file().isEmpty() ? "unknown source file" : frame.file()).append(':')
                            .append(slurpLine(frame.line())).append(")\n");
                }
            }
            assertEquals(expectedSection, rendered.toString().strip());
            // 8 ROOT_THREAD_OBJECT records; one names address 0, which is no object of the dump.
            assertEquals(7, stacks.threads().size());
        }
    }

    private static String slurpLine(int line) {
        return switch (line) {
            case -1 -> "unknown line number";
            case -2 -> "compiled method";
            case -3 -> "native method";
            default -> Integer.toString(line);
        };
    }

    /**
     * MAT's {@code GeneralSnapshotTests.stacks1}: where frames hold objects below the top, the top frames
     * hold some too; and a modern HotSpot dump (FRAMES_AND_OBJECTS) has frames and frame objects.
     */
    @ParameterizedTest
    @ValueSource(strings = {"mat_sun_jdk6_32bit.hprof", "mat_sun_jdk5_64bit.hprof",
        "mat_sun_jdk6_30_x64_compressedOops.hprof", "mat_openjdk_jdk11_04_x64.hprof.gz"})
    void topFramesHoldObjectsWhereDeeperFramesDoAsMatTestsIt(String name) throws IOException {
        try (Snapshot snapshot = load(name)) {
            int frames = 0;
            int onTop = 0;
            int belowTop = 0;
            for (ThreadRow thread : ThreadOverview.of(snapshot)) {
                for (int i = 0; i < thread.frames().size(); i++) {
                    frames++;
                    int locals = thread.frames().get(i).locals().size();
                    if (i == 0) {
                        onTop += locals;
                    } else {
                        belowTop += locals;
                    }
                }
            }
            if (frames > 0 && belowTop > 0) {
                assertTrue(onTop > 0, "expected some objects on top of a stack");
            }
            if (name.startsWith("mat_openjdk_jdk11")) {
                assertTrue(frames > 0, "frames");
                assertTrue(onTop + belowTop > 0, "frame objects");
            }
        }
    }
}
