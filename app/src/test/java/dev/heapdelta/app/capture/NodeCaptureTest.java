package dev.heapdelta.app.capture;

import static dev.heapdelta.app.capture.testing.FileModes.assertOwnerOnly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.app.capture.testing.AnalyzedDumps;
import dev.heapdelta.app.capture.testing.ChildNode;
import dev.heapdelta.app.capture.testing.DumpMarkers;
import dev.heapdelta.app.capture.testing.NodeRuntime;
import dev.heapdelta.app.capture.testing.RecordingListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeCaptureTest {
    @TempDir
    Path directory;

    @Test
    void inspectorSnapshotOfAChildNodeHoldsItsMarkerObjects() throws Exception {
        Path node = NodeRuntime.require();
        try (ChildNode child = ChildNode.start(node, directory, "--inspect=127.0.0.1:0")) {
            int port = child.inspectorPort();
            RecordingListener listener = new RecordingListener();
            Path output = directory.resolve("inspected.heapsnapshot");
            CaptureRequest request = new CaptureRequest(new CaptureTarget.NodeInspector(
                    InspectorEndpoint.parse("127.0.0.1:" + port, false)), output, CaptureOptions.defaults());

            CaptureResult result = new HeapDumpCapture(CommandEnvironment.inherited())
                    .capture(request, listener, new CancelSignal());

            assertEquals(Files.size(output), result.bytes());
            assertOwnerOnly(output);
            assertEquals(ChildNode.MARKER_COUNT, AnalyzedDumps.instancesOf(output, ChildNode.MARKER_CONSTRUCTOR),
                    "the snapshot parses and holds every marker object");
            assertTrue(listener.commands.contains("GET http://127.0.0.1:" + port + "/json/list"), listener.allCommands());
            assertTrue(listener.allCommands().contains("HeapProfiler.takeHeapSnapshot"), listener.allCommands());
            assertFalse(listener.objectProgress.isEmpty(), "reportHeapSnapshotProgress is shown");
            assertTrue(child.isAlive());
        }
    }

    @Test
    void signalSnapshotIsMovedOutOfTheProcessDirectory() throws Exception {
        Path node = NodeRuntime.require();
        Path workingDirectory = Files.createDirectories(directory.resolve("cwd"));
        try (ChildNode child = ChildNode.start(node, workingDirectory, "--heapsnapshot-signal=SIGUSR2")) {
            RecordingListener listener = new RecordingListener();
            Path output = directory.resolve("signalled.heapsnapshot.gz");
            CaptureRequest request = new CaptureRequest(new CaptureTarget.NodeSignal(child.pid()), output,
                    CaptureOptions.defaults().withGzip(true));

            new HeapDumpCapture(CommandEnvironment.inherited()).capture(request, listener, new CancelSignal());

            assertTrue(DumpMarkers.isGzip(output));
            assertOwnerOnly(output);
            assertEquals(ChildNode.MARKER_COUNT, AnalyzedDumps.instancesOf(output, ChildNode.MARKER_CONSTRUCTOR));
            assertTrue(listener.commands.contains("kill -s USR2 " + child.pid()), listener.allCommands());
            try (var left = Files.list(workingDirectory)) {
                assertEquals(List.of(), left.toList(), "the snapshot was moved, not copied");
            }
            assertTrue(child.isAlive());
        }
    }

    @Test
    void aNodeWithoutTheSignalFlagIsNotSignalled() throws Exception {
        Path node = NodeRuntime.require();
        try (ChildNode child = ChildNode.start(node, directory)) {
            RecordingListener listener = new RecordingListener();
            CaptureRequest request = new CaptureRequest(new CaptureTarget.NodeSignal(child.pid()),
                    directory.resolve("never.heapsnapshot"), CaptureOptions.defaults());

            CaptureException refused = assertThrows(CaptureException.class, () ->
                    new HeapDumpCapture(CommandEnvironment.inherited()).capture(request, listener, new CancelSignal()));

            assertTrue(refused.getMessage().contains("--heapsnapshot-signal"), refused.getMessage());
            assertTrue(listener.commands.isEmpty(), "no signal was sent: " + listener.commands);
            assertTrue(child.isAlive());
        }
    }

    @Test
    void theListShowsNodeProcessesWithTheirInspectorAndSignal() throws Exception {
        Path node = NodeRuntime.require();
        try (ChildNode child = ChildNode.start(node, directory, "--inspect=127.0.0.1:0",
                "--heapsnapshot-signal=SIGUSR2")) {
            List<NodeProcess> nodes = new LocalTargets(CommandEnvironment.inherited()).nodeProcesses();

            NodeProcess listed = nodes.stream().filter(process -> process.pid() == child.pid()).findFirst().orElseThrow();
            assertEquals("USR2", listed.flags().heapSnapshotSignal());
            assertEquals("127.0.0.1:0", listed.flags().inspect());
        }
    }

    @Test
    void aRemoteInspectorIsRefusedWithoutAllowRemote() {
        RecordingListener listener = new RecordingListener();
        CaptureRequest request = new CaptureRequest(new CaptureTarget.NodeInspector(
                InspectorEndpoint.parse("192.0.2.7:9229", false)), directory.resolve("remote.heapsnapshot"),
                CaptureOptions.defaults());

        CaptureException refused = assertThrows(CaptureException.class, () ->
                new HeapDumpCapture(CommandEnvironment.inherited()).capture(request, listener, new CancelSignal()));

        assertTrue(refused.getMessage().contains("not a loopback address"), refused.getMessage());
        assertTrue(listener.commands.isEmpty(), "nothing was sent to the remote host");
    }

    @Test
    void loopbackNamesAndAddressesAreAllowed() throws Exception {
        InspectorEndpoint.parse("localhost:9229", false).requireAllowed();
        InspectorEndpoint.parse("[::1]:9229", false).requireAllowed();
        InspectorEndpoint.parse("127.0.0.2", false).requireAllowed();
        InspectorEndpoint.parse("192.0.2.7:9229", true).requireAllowed();
    }

    @Test
    void endpointsParseAsNodeWritesThem() {
        assertEquals(new InspectorEndpoint("127.0.0.1", 9229, false), InspectorEndpoint.parse("127.0.0.1:9229", false));
        assertEquals(new InspectorEndpoint("127.0.0.1", 9230, false), InspectorEndpoint.parse("9230", false));
        assertEquals(new InspectorEndpoint("::1", 9229, false), InspectorEndpoint.parse("[::1]:9229", false));
        assertEquals(new InspectorEndpoint("localhost", 9229, false), InspectorEndpoint.parse("localhost", false));
        assertEquals("[::1]:9229", InspectorEndpoint.parse("[::1]", false).toString());
        assertThrows(IllegalArgumentException.class, () -> InspectorEndpoint.parse("host:port", false));
        assertThrows(IllegalArgumentException.class, () -> InspectorEndpoint.parse("host:70000", false));
    }
}
