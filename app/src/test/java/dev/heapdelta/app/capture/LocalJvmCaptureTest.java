package dev.heapdelta.app.capture;

import static dev.heapdelta.app.capture.testing.FileModes.assertOwnerOnly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.app.capture.testing.ChildJvm;
import dev.heapdelta.app.capture.testing.DumpMarkers;
import dev.heapdelta.app.capture.testing.RecordingListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalJvmCaptureTest {
    private static ChildJvm child;

    @TempDir
    Path directory;

    @BeforeAll
    static void startMarkerJvm() throws Exception {
        child = ChildJvm.start();
    }

    @AfterAll
    static void stopMarkerJvm() throws Exception {
        child.close();
    }

    private static CaptureRequest request(Path output, CaptureOptions options) {
        return new CaptureRequest(new CaptureTarget.LocalJvm(child.pid()), output, options);
    }

    @Test
    void jcmdDumpOfAChildJvmHoldsItsMarkerClass() throws Exception {
        RecordingListener listener = new RecordingListener();
        Path output = directory.resolve("child.hprof");

        CaptureResult result = new HeapDumpCapture(CommandEnvironment.inherited())
                .capture(request(output, CaptureOptions.defaults()), listener, new CancelSignal());

        assertEquals(output, result.file());
        assertEquals(Files.size(output), result.bytes());
        assertFalse(DumpMarkers.isGzip(output));
        assertOwnerOnly(output);
        assertTrue(DumpMarkers.hprofLoadsClass(output, ChildJvm.MARKER_CLASS), "the marker class is in the dump");
        assertFalse(DumpMarkers.hprofLoadsClass(output, ChildJvm.MARKER_CLASS + "Absent"), "the check can fail");
        Path truncated = directory.resolve("truncated.hprof");
        byte[] bytes = Files.readAllBytes(output);
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length - 7));
        assertThrows(java.io.EOFException.class, () -> DumpMarkers.hprofLoadsClass(truncated, ChildJvm.MARKER_CLASS));
        Files.delete(truncated);
        assertTrue(listener.allCommands().contains(child.pid() + " GC.heap_dump -all "), listener.allCommands());
        assertTrue(listener.notes.stream().anyMatch(note -> note.startsWith("free space in ")), "free space is checked");
        assertTrue(listener.byteProgress.stream().anyMatch(step -> step[0] == result.bytes()), "final size reported");
        assertTrue(child.isAlive());
        try (var leftovers = Files.list(directory)) {
            assertEquals(List.of(output), leftovers.toList(), "no partial file is left beside the dump");
        }
    }

    @Test
    void liveGzipDumpIsGzippedByTheJvmAndHoldsTheMarker() throws Exception {
        RecordingListener listener = new RecordingListener();
        Path output = directory.resolve("child.hprof.gz");

        new HeapDumpCapture(CommandEnvironment.inherited()).capture(
                request(output, CaptureOptions.defaults().withGzip(true).withLiveOnly(true)), listener,
                new CancelSignal());

        assertTrue(DumpMarkers.isGzip(output));
        assertOwnerOnly(output);
        assertTrue(DumpMarkers.hprofLoadsClass(output, ChildJvm.MARKER_CLASS));
        String dumpCommand = listener.commands.stream().filter(c -> c.contains("GC.heap_dump")).findFirst().orElseThrow();
        assertTrue(dumpCommand.contains("GC.heap_dump -gz=1 "), dumpCommand);
        assertFalse(dumpCommand.contains("-all"), "--live leaves out -all: " + dumpCommand);
    }

    @Test
    void withoutJcmdTheAttachApiTakesTheDump() throws Exception {
        RecordingListener listener = new RecordingListener();
        Path output = directory.resolve("attach.hprof");
        CommandEnvironment noJcmd = CommandEnvironment.inherited().withJavaHome(directory.resolve("no-jdk"))
                .withPath(directory.resolve("empty-bin").toString());

        new HeapDumpCapture(noJcmd).capture(request(output, CaptureOptions.defaults()), listener, new CancelSignal());

        assertOwnerOnly(output);
        assertTrue(DumpMarkers.hprofLoadsClass(output, ChildJvm.MARKER_CLASS));
        assertTrue(listener.allCommands().contains("HotSpotDiagnosticMXBean.dumpHeap"), listener.allCommands());
        assertTrue(listener.notes.stream().anyMatch(note -> note.contains("using the Attach API")));
    }

    @Test
    void anExistingOutputIsRefusedUnlessForced() throws Exception {
        Path output = directory.resolve("taken.hprof");
        Files.writeString(output, "keep me");
        HeapDumpCapture capture = new HeapDumpCapture(CommandEnvironment.inherited());

        CaptureException refused = assertThrows(CaptureException.class, () -> capture.capture(
                request(output, CaptureOptions.defaults()), CaptureListener.NONE, new CancelSignal()));

        assertTrue(refused.getMessage().contains("already exists"), refused.getMessage());
        assertEquals("keep me", Files.readString(output));
        capture.capture(request(output, CaptureOptions.defaults().withOverwrite(true)), CaptureListener.NONE,
                new CancelSignal());
        assertTrue(DumpMarkers.hprofLoadsClass(output, ChildJvm.MARKER_CLASS));
    }

    @Test
    void aPidWithoutProcessIsRefusedBeforeAnyCommand() {
        RecordingListener listener = new RecordingListener();
        long gone = ProcessHandle.current().pid() + 4_000_000L;
        CaptureRequest request = new CaptureRequest(new CaptureTarget.LocalJvm(gone), directory.resolve("x.hprof"),
                CaptureOptions.defaults());

        CaptureException refused = assertThrows(CaptureException.class, () ->
                new HeapDumpCapture(CommandEnvironment.inherited()).capture(request, listener, new CancelSignal()));

        assertTrue(refused.getMessage().contains("no process " + gone), refused.getMessage());
        assertTrue(listener.commands.isEmpty());
    }

    @Test
    void theListShowsTheChildJvmButNotHeapDeltasOwn() throws Exception {
        List<JvmProcess> jvms = new LocalTargets(CommandEnvironment.inherited()).jvms(CaptureListener.NONE,
                new CancelSignal());

        assertTrue(jvms.stream().anyMatch(jvm -> jvm.pid() == child.pid()
                && jvm.displayName().contains("MarkerProgram")), jvms.toString());
        assertTrue(jvms.stream().noneMatch(jvm -> jvm.pid() == ProcessHandle.current().pid()));
    }

    @Test
    void jcmdListOutputIsReadWithoutTheToolItself() {
        List<JvmProcess> jvms = LocalTargets.parseJcmdList("4242 com.example.Main --port 8080\n4343 app.jar\n");

        assertEquals(List.of(new JvmProcess(4242, "com.example.Main --port 8080"), new JvmProcess(4343, "app.jar")),
                jvms);
    }
}
