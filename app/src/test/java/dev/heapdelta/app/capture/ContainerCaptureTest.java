package dev.heapdelta.app.capture;

import static dev.heapdelta.app.capture.testing.FileModes.assertOwnerOnly;
import static dev.heapdelta.app.capture.testing.SameBytes.assertSameBytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.source.AnalysisCancelledException;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.app.capture.testing.AnalyzedDumps;
import dev.heapdelta.app.capture.testing.ChildNode;
import dev.heapdelta.app.capture.testing.DumpMarkers;
import dev.heapdelta.app.capture.testing.FakeTools;
import dev.heapdelta.app.capture.testing.NodeRuntime;
import dev.heapdelta.app.capture.testing.RealDumps;
import dev.heapdelta.app.capture.testing.RecordingListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The container routes, run for real against fake docker/podman/kubectl executables that hand back real dumps. */
class ContainerCaptureTest {
    static final String JDK17 = "printf '1:\\nOpenJDK 64-Bit Server VM version 17.0.9+9\\nJDK 17.0.9\\n';;\n";
    static final String HEAP_20MB = "printf '1:\\n garbage-first heap   total 262144K, used 20480K [0x0, 0x0)\\n';;\n";
    static final String DF_ROOMY = "printf 'Filesystem 1024-blocks Used Available Capacity Mounted on\\n"
            + "overlay 100000000 1000 99000000 1%% /\\n';;\n";
    static final String MEMORY_1GB_100MB_USED = "printf '1073741824\\n104857600\\n';;\n";
    static final String DUMP_CREATED = "echo '1:'; echo \"Dumping heap to $last ...\";"
            + " echo 'Heap dump file created [1 bytes in 0.1 secs]';;\n";

    @TempDir
    Path directory;

    private FakeTools fakes;
    private RecordingListener listener;

    @BeforeEach
    void writeFakes() throws Exception {
        fakes = new FakeTools(directory).withVariable("FAKE_DUMP", RealDumps.hprof().toString())
                .withVariable("FAKE_DUMP_GZ", RealDumps.gzippedHprof().toString())
                .withVariable("FAKE_SNAPSHOT", RealDumps.v8Snapshot().toString());
        listener = new RecordingListener();
    }

    static String healthyDocker(String container) {
        return "\"exec " + container + " jcmd 1 VM.version\") " + JDK17
                + "\"exec " + container + " jcmd 1 GC.heap_info\") " + HEAP_20MB
                + "\"exec " + container + " df -Pk /tmp\") " + DF_ROOMY
                + "\"exec " + container + " cat /sys/fs/cgroup/memory.max /sys/fs/cgroup/memory.current\") "
                + MEMORY_1GB_100MB_USED
                + "\"exec " + container + " jcmd 1 GC.heap_dump \"*) " + DUMP_CREATED
                + "\"cp " + container + ":/tmp/heapdelta-\"*) cp \"$FAKE_DUMP\" \"$last\";;\n"
                + "\"exec " + container + " rm -f /tmp/heapdelta-\"*) ;;\n";
    }

    private CaptureResult capture(CaptureTarget target, Path output, CaptureOptions options) throws CaptureException {
        return new HeapDumpCapture(fakes.environment()).capture(new CaptureRequest(target, output, options), listener,
                new CancelSignal());
    }

    private static CaptureTarget docker(String container, TargetRuntime runtime) {
        return new CaptureTarget.InContainer(new ContainerTarget.EngineContainer("docker", container), runtime);
    }

    private static CaptureTarget pod(TargetRuntime runtime) {
        return new CaptureTarget.InContainer(new ContainerTarget.KubernetesPod("web-7", "shop", "app"), runtime);
    }

    /** The calls with the timestamped temporary name made stable. */
    private List<String> calls() throws Exception {
        return fakes.calls().stream().map(call -> call.replaceAll("heapdelta-\\d+\\.hprof", "heapdelta-T.hprof"))
                .toList();
    }

    @Test
    void dockerJvmDumpIsCheckedDumpedCopiedOutAndRemoved() throws Exception {
        fakes.program("docker", healthyDocker("web-1"));
        Path output = directory.resolve("web.hprof");

        CaptureResult result = capture(docker("web-1", TargetRuntime.JVM), output, CaptureOptions.defaults());

        assertEquals(List.of(
                "docker exec web-1 jcmd 1 VM.version",
                "docker exec web-1 jcmd 1 GC.heap_info",
                "docker exec web-1 df -Pk /tmp",
                "docker exec web-1 cat /sys/fs/cgroup/memory.max /sys/fs/cgroup/memory.current",
                "docker exec web-1 jcmd 1 GC.heap_dump -all /tmp/heapdelta-T.hprof",
                "docker cp web-1:/tmp/heapdelta-T.hprof " + directory.resolve(".web.hprof.partial"),
                "docker exec web-1 rm -f /tmp/heapdelta-T.hprof"), calls());
        assertTrue(DumpMarkers.hprofLoadsClass(output, RealDumps.MARKER_CLASS));
        assertSameBytes(RealDumps.hprof(), output);
        assertOwnerOnly(output);
        assertEquals(Files.size(output), result.bytes());
        assertTrue(listener.commands.contains("docker exec web-1 jcmd 1 VM.version"), "commands are shown in full");
        assertTrue(listener.output.contains("Heap dump file created [1 bytes in 0.1 secs]"), "output is streamed");
        assertTrue(listener.warnings.isEmpty(), listener.warnings.toString());
    }

    @Test
    void kubernetesJvmCarriesNamespaceAndContainerOnEveryCommand() throws Exception {
        fakes.program("kubectl", healthyDocker("web-7").replace("\"exec web-7 ", "\"exec web-7 -n shop -c app -- ")
                .replace("\"cp web-7:", "\"cp -n shop -c app web-7:"));
        Path output = directory.resolve("pod.hprof");

        capture(pod(TargetRuntime.JVM), output, CaptureOptions.defaults().withLiveOnly(true));

        List<String> calls = calls();
        assertEquals("kubectl exec web-7 -n shop -c app -- jcmd 1 VM.version", calls.get(0));
        assertTrue(calls.contains("kubectl exec web-7 -n shop -c app -- jcmd 1 GC.heap_dump /tmp/heapdelta-T.hprof"),
                calls.toString());
        assertTrue(calls.contains("kubectl cp -n shop -c app web-7:/tmp/heapdelta-T.hprof "
                + directory.resolve(".pod.hprof.partial")), calls.toString());
        assertEquals("kubectl exec web-7 -n shop -c app -- rm -f /tmp/heapdelta-T.hprof", calls.get(calls.size() - 1));
        assertTrue(DumpMarkers.hprofLoadsClass(output, RealDumps.MARKER_CLASS));
        assertOwnerOnly(output);
    }

    @Test
    void kubectlCpWithoutTarInTheImageFallsBackToCat() throws Exception {
        String base = healthyDocker("web-7").replace("\"exec web-7 ", "\"exec web-7 -n shop -c app -- ");
        fakes.program("kubectl", base.replace("\"cp web-7:/tmp/heapdelta-\"*) cp \"$FAKE_DUMP\" \"$last\";;\n", "")
                + "\"cp -n shop -c app web-7:\"*) echo 'error: exec: \"tar\": executable file not found in $PATH' >&2;"
                + " exit 1;;\n"
                + "\"exec web-7 -n shop -c app -- cat /tmp/heapdelta-\"*) cat \"$FAKE_DUMP\";;\n");
        Path output = directory.resolve("no-tar.hprof");

        capture(pod(TargetRuntime.JVM), output, CaptureOptions.defaults());

        assertSameBytes(RealDumps.hprof(), output, "binary-exact through cat");
        assertOwnerOnly(output);
        assertTrue(listener.warnings.stream().anyMatch(warning -> warning.contains("tar")), listener.warnings.toString());
        assertTrue(listener.commands.stream().anyMatch(command -> command.contains("-- cat /tmp/heapdelta-")
                && command.contains(" > ")), listener.allCommands());
    }

    @Test
    void anImageWithoutJcmdGetsThePlainExplanationAndTheWaysOut() throws Exception {
        fakes.program("docker", "\"exec web-1 jcmd 1 VM.version\") echo 'OCI runtime exec failed: exec failed: unable"
                + " to start container process: exec: \"jcmd\": executable file not found in $PATH: unknown'; exit 127;;\n");
        fakes.program("kubectl", "\"exec web-7 -n shop -c app -- jcmd 1 VM.version\") echo 'error: Internal error"
                + " occurred: exec: \"jcmd\": executable file not found in $PATH: unknown' >&2; exit 1;;\n");

        CaptureException docker = assertThrows(CaptureException.class, () ->
                capture(docker("web-1", TargetRuntime.JVM), directory.resolve("a.hprof"), CaptureOptions.defaults()));
        CaptureException kube = assertThrows(CaptureException.class, () ->
                capture(pod(TargetRuntime.JVM), directory.resolve("b.hprof"), CaptureOptions.defaults()));

        assertTrue(docker.getMessage().startsWith("docker container web-1 has no jcmd: its image is JRE-only or"
                + " distroless"), docker.getMessage());
        assertTrue(docker.getMessage().contains("docker run --rm --pid=container:web-1 --cap-add=SYS_PTRACE"
                + " eclipse-temurin:21-jdk jcmd 1 GC.heap_dump /tmp/heap.hprof"), docker.getMessage());
        assertTrue(kube.getMessage().contains("kubectl debug -it web-7 -n shop --image=eclipse-temurin:21-jdk"
                + " --target=app -- jcmd 1 GC.heap_dump /tmp/heap.hprof"), kube.getMessage());
        assertTrue(kube.getMessage().contains("port-forward"), kube.getMessage());
        assertTrue(kube.getMessage().contains("signal route"), kube.getMessage());
        assertEquals(List.of("docker exec web-1 jcmd 1 VM.version", "kubectl exec web-7 -n shop -c app -- jcmd 1"
                + " VM.version"), calls(), "nothing else was run");
    }

    @Test
    void aDumpThatWouldNotFitTheContainerDiskIsRefusedBeforeDumping() throws Exception {
        fakes.program("docker", healthyDocker("web-1").replace("overlay 100000000 1000 99000000 1%%",
                "overlay 100000 99000 1000 99%%"));

        CaptureException refused = assertThrows(CaptureException.class, () ->
                capture(docker("web-1", TargetRuntime.JVM), directory.resolve("big.hprof"), CaptureOptions.defaults()));

        assertTrue(refused.getMessage().startsWith("the dump would not fit: it needs about 23.0 MB and /tmp inside"
                + " docker container web-1 has 1000.0 KB free"), refused.getMessage());
        assertTrue(calls().stream().noneMatch(call -> call.contains("GC.heap_dump")), calls().toString());
        assertFalse(Files.exists(directory.resolve("big.hprof")));
    }

    @Test
    void aMemoryBackedTmpNearTheMemoryLimitIsRefused() throws Exception {
        fakes.program("docker", healthyDocker("web-1").replace("overlay 100000000 1000 99000000 1%% /",
                "tmpfs 1000000 0 1000000 0%% /tmp").replace("printf '1073741824\\n104857600\\n'",
                "printf '104857600\\n94371840\\n'"));

        CaptureException refused = assertThrows(CaptureException.class, () ->
                capture(docker("web-1", TargetRuntime.JVM), directory.resolve("tmpfs.hprof"), CaptureOptions.defaults()));

        assertTrue(refused.getMessage().contains("is memory-backed (tmpfs)"), refused.getMessage());
        assertTrue(refused.getMessage().contains("OOM-killed"), refused.getMessage());
        assertTrue(calls().stream().noneMatch(call -> call.contains("GC.heap_dump")));
    }

    @Test
    void aContainerNearItsMemoryLimitIsWarnedAboutAndStillDumped() throws Exception {
        fakes.program("docker", healthyDocker("web-1").replace("printf '1073741824\\n104857600\\n'",
                "printf '1073741824\\n1020054732\\n'"));
        Path output = directory.resolve("tight.hprof");

        capture(docker("web-1", TargetRuntime.JVM), output, CaptureOptions.defaults());

        assertTrue(listener.warnings.stream().anyMatch(w -> w.contains("of its 1.0 GB memory limit")),
                listener.warnings.toString());
        assertTrue(DumpMarkers.hprofLoadsClass(output, RealDumps.MARKER_CLASS));
    }

    @Test
    void aHangingDumpTimesOutAndTheContainerIsStillCleanedUp() throws Exception {
        fakes.program("docker", healthyDocker("web-1").replace(DUMP_CREATED, "sleep 30;;\n"));
        CaptureOptions quick = CaptureOptions.defaults().withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(1));
        long started = System.nanoTime();

        CaptureException timedOut = assertThrows(CaptureException.class, () ->
                capture(docker("web-1", TargetRuntime.JVM), directory.resolve("slow.hprof"), quick));

        assertTrue(timedOut.getMessage().startsWith("timed out after 1 s: `docker exec web-1 jcmd 1 GC.heap_dump -all"
                + " /tmp/heapdelta-"), timedOut.getMessage());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 15, "the sleeping fake was stopped");
        assertEquals("docker exec web-1 rm -f /tmp/heapdelta-T.hprof", calls().get(calls().size() - 1));
        try (var files = Files.list(directory)) {
            assertTrue(files.noneMatch(file -> file.getFileName().toString().contains("slow")), "no partial file");
        }
    }

    @Test
    void cancellingDuringTheDumpStopsItAndStillCleansTheContainer() throws Exception {
        fakes.program("docker", healthyDocker("web-1").replace(DUMP_CREATED, "sleep 30;;\n"));
        CancelSignal cancel = new CancelSignal();
        CaptureListener cancelWhenDumping = new CaptureListener() {
            @Override
            public void commandStarted(String commandLine) {
                if (commandLine.contains("GC.heap_dump")) {
                    new Thread(() -> {
                        sleepQuietly(300);
                        cancel.cancel();
                    }).start();
                }
            }
        };
        long started = System.nanoTime();

        assertThrows(AnalysisCancelledException.class, () -> new HeapDumpCapture(fakes.environment()).capture(
                new CaptureRequest(docker("web-1", TargetRuntime.JVM), directory.resolve("c.hprof"),
                        CaptureOptions.defaults()), cancelWhenDumping, cancel));

        assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 15, "stopped promptly");
        assertEquals("docker exec web-1 rm -f /tmp/heapdelta-T.hprof", calls().get(calls().size() - 1));
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aFailingCopyReportsTheEngineOutputAndLeavesNoPartialFile() throws Exception {
        fakes.program("docker", healthyDocker("web-1").replace("cp \"$FAKE_DUMP\" \"$last\";;",
                "echo 'Error response from daemon: No such container: web-1' >&2; exit 1;;"));

        CaptureException failed = assertThrows(CaptureException.class, () ->
                capture(docker("web-1", TargetRuntime.JVM), directory.resolve("lost.hprof"), CaptureOptions.defaults()));

        assertTrue(failed.getMessage().startsWith("copying /tmp/heapdelta-"), failed.getMessage());
        assertTrue(failed.getMessage().contains("exited with code 1:\n  Error response from daemon: No such container:"
                + " web-1"), failed.getMessage());
        assertEquals("docker exec web-1 rm -f /tmp/heapdelta-T.hprof", calls().get(calls().size() - 1));
        try (var files = Files.list(directory)) {
            assertTrue(files.noneMatch(file -> file.getFileName().toString().contains("lost")));
        }
    }

    @Test
    void aFailedDumpInsideTheContainerIsReportedWithJcmdsOwnWords() throws Exception {
        fakes.program("docker", healthyDocker("web-1").replace(DUMP_CREATED,
                "echo '1:'; echo 'Unable to create /tmp/x: No space left on device';;\n"));

        CaptureException failed = assertThrows(CaptureException.class, () ->
                capture(docker("web-1", TargetRuntime.JVM), directory.resolve("full.hprof"), CaptureOptions.defaults()));

        assertTrue(failed.getMessage().contains("did not write the dump"), failed.getMessage());
        assertTrue(failed.getMessage().contains("No space left on device"), failed.getMessage());
    }

    @Test
    void anUnreachableEngineIsNotMistakenForAnAttachProblem() throws Exception {
        fakes.program("docker", "\"exec web-1 jcmd 1 VM.version\") echo 'Cannot connect to the Docker daemon at"
                + " unix:///var/run/docker.sock. Is the docker daemon running?' >&2; exit 1;;\n");

        CaptureException failed = assertThrows(CaptureException.class, () ->
                capture(docker("web-1", TargetRuntime.JVM), directory.resolve("d.hprof"), CaptureOptions.defaults()));

        assertTrue(failed.getMessage().startsWith("docker could not run jcmd in docker container web-1"),
                failed.getMessage());
        assertTrue(failed.getMessage().endsWith("Is the docker daemon running?"), failed.getMessage());
    }

    @Test
    void aJvmThatRefusesTheAttachIsReportedWithJcmdsOutput() throws Exception {
        fakes.program("docker", "\"exec web-1 jcmd 1 VM.version\") echo '1:';"
                + " echo 'com.sun.tools.attach.AttachNotSupportedException: Unable to open socket file"
                + " /proc/1/root/tmp/.java_pid1: target process 1 doesn'\\''t respond within 10500ms'; exit 1;;\n");

        CaptureException failed = assertThrows(CaptureException.class, () ->
                capture(docker("web-1", TargetRuntime.JVM), directory.resolve("e.hprof"), CaptureOptions.defaults()));

        assertTrue(failed.getMessage().startsWith("jcmd in docker container web-1 could not attach to process 1."),
                failed.getMessage());
        assertTrue(failed.getMessage().contains("AttachNotSupportedException"), failed.getMessage());
    }

    @Test
    void aMissingEngineIsNamedWithThePathSearched() throws Exception {
        CommandEnvironment withoutDocker = fakes.environmentWithoutPrograms();

        CaptureException failed = assertThrows(CaptureException.class, () -> new HeapDumpCapture(withoutDocker)
                .capture(new CaptureRequest(docker("web-1", TargetRuntime.JVM), directory.resolve("x.hprof"),
                        CaptureOptions.defaults()), listener, new CancelSignal()));

        assertTrue(failed.getMessage().startsWith("`docker` was not found on PATH"), failed.getMessage());
    }

    @Test
    void podmanRunsItsOwnCliAndOlderJvmsAreGzippedAfterTheCopy() throws Exception {
        fakes.program("podman", healthyDocker("db").replace(JDK17,
                "printf '1:\\nOpenJDK 64-Bit Server VM version 11.0.20+8\\nJDK 11.0.20\\n';;\n"));
        Path output = directory.resolve("db.hprof.gz");

        capture(new CaptureTarget.InContainer(new ContainerTarget.EngineContainer("podman", "db"), TargetRuntime.JVM),
                output, CaptureOptions.defaults().withGzip(true));

        assertTrue(calls().contains("podman exec db jcmd 1 GC.heap_dump -all /tmp/heapdelta-T.hprof"),
                "JDK 11 has no -gz: " + calls());
        assertTrue(DumpMarkers.isGzip(output));
        assertOwnerOnly(output);
        assertTrue(DumpMarkers.hprofLoadsClass(output, RealDumps.MARKER_CLASS));
    }

    @Test
    void jdk15AndLaterGzipInsideTheContainer() throws Exception {
        fakes.program("docker", healthyDocker("web-1").replace("cp \"$FAKE_DUMP\" \"$last\"",
                "cp \"$FAKE_DUMP_GZ\" \"$last\""));
        Path output = directory.resolve("web.hprof.gz");

        capture(docker("web-1", TargetRuntime.JVM), output, CaptureOptions.defaults().withGzip(true));

        assertTrue(fakes.calls().stream().anyMatch(call -> call.matches(
                "docker exec web-1 jcmd 1 GC.heap_dump -all -gz=1 /tmp/heapdelta-\\d+\\.hprof\\.gz")), calls().toString());
        assertSameBytes(RealDumps.gzippedHprof(), output);
        assertOwnerOnly(output);
    }

    static String nodePod(String argvWithNuls) {
        String exec = "\"exec web-7 -n shop -c app -- ";
        return exec + "cat /proc/1/cmdline\") printf '" + argvWithNuls + "';;\n"
                + exec + "cat /proc/1/environ\") printf 'PATH=/usr/bin\\000HOME=/app\\000';;\n"
                + exec + "readlink /proc/1/cwd\") echo /app;;\n"
                + exec + "ls -ln /app\") echo 'total 8'; echo '-rw-r--r-- 1 1000 1000 120 Nov 21 10:00 server.js';"
                + " if [ -f \"$FAKE_STATE/signalled\" ]; then echo \"-rw------- 1 1000 1000"
                + " $(wc -c < \"$FAKE_SNAPSHOT\") Nov 21 22:25 Heap.20261121.222536.1.0.001.heapsnapshot\"; fi;;\n"
                + exec + "df -Pk /app\") " + DF_ROOMY
                + exec + "cat /sys/fs/cgroup/memory.max /sys/fs/cgroup/memory.current\") " + MEMORY_1GB_100MB_USED
                + exec + "sh -c kill -s USR2 1\") touch \"$FAKE_STATE/signalled\";;\n"
                + "\"cp -n shop -c app web-7:/app/Heap.20261121.222536.1.0.001.heapsnapshot \"*)"
                + " cp \"$FAKE_SNAPSHOT\" \"$last\";;\n"
                + exec + "rm -f /app/Heap.20261121.222536.1.0.001.heapsnapshot\") ;;\n";
    }

    @Test
    void kubernetesNodeSignalRouteSignalsWaitsCopiesAndRemoves() throws Exception {
        fakes.program("kubectl", nodePod("node\\000--heapsnapshot-signal=SIGUSR2\\000server.js\\000"));
        Path output = directory.resolve("pod.heapsnapshot");

        capture(pod(TargetRuntime.NODE), output, CaptureOptions.defaults());

        assertSameBytes(RealDumps.v8Snapshot(), output);
        assertOwnerOnly(output);
        assertTrue(DumpMarkers.v8SnapshotHasString(output, RealDumps.V8_MARKER));
        List<String> calls = calls();
        int signal = calls.indexOf("kubectl exec web-7 -n shop -c app -- sh -c kill -s USR2 1");
        assertTrue(signal > calls.indexOf("kubectl exec web-7 -n shop -c app -- ls -ln /app"), "listed before: " + calls);
        assertEquals("kubectl exec web-7 -n shop -c app -- rm -f /app/Heap.20261121.222536.1.0.001.heapsnapshot",
                calls.get(calls.size() - 1));
        assertTrue(calls.contains("kubectl exec web-7 -n shop -c app -- df -Pk /app"), calls.toString());
        assertTrue(listener.warnings.isEmpty(), listener.warnings.toString());
    }

    @Test
    void aNodeContainerNearItsMemoryLimitIsWarnedBeforeTheSnapshot() throws Exception {
        fakes.program("kubectl", nodePod("node\\000--heapsnapshot-signal=SIGUSR2\\000server.js\\000")
                .replace(MEMORY_1GB_100MB_USED, "printf '1073741824\\n751619276\\n';;\n"));

        capture(pod(TargetRuntime.NODE), directory.resolve("tight.heapsnapshot"), CaptureOptions.defaults());

        assertTrue(listener.warnings.stream().anyMatch(w -> w.contains("Node needs extra memory about the size of its"
                + " heap")), listener.warnings.toString());
    }

    @Test
    void aNodeContainerWithoutSignalOrInspectorGetsTheWaysOut() throws Exception {
        fakes.program("kubectl", nodePod("node\\000server.js\\000"));

        CaptureException refused = assertThrows(CaptureException.class, () ->
                capture(pod(TargetRuntime.NODE), directory.resolve("n.heapsnapshot"), CaptureOptions.defaults()));

        assertTrue(refused.getMessage().contains("started neither with --heapsnapshot-signal nor with --inspect"),
                refused.getMessage());
        assertTrue(refused.getMessage().contains("NODE_OPTIONS=--heapsnapshot-signal=SIGUSR2"), refused.getMessage());
        assertTrue(calls().stream().noneMatch(call -> call.contains("kill")), "no signal was sent");
    }

    @Test
    void aNodeSignalThatNeverProducesAFileTimesOut() throws Exception {
        fakes.program("kubectl", nodePod("node\\000--heapsnapshot-signal=SIGUSR2\\000server.js\\000")
                .replace("touch \"$FAKE_STATE/signalled\"", ":"));
        CaptureOptions quick = CaptureOptions.defaults().withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(2));

        CaptureException timedOut = assertThrows(CaptureException.class, () ->
                capture(pod(TargetRuntime.NODE), directory.resolve("none.heapsnapshot"), quick));

        assertTrue(timedOut.getMessage().startsWith("no new Heap.*.heapsnapshot appeared within 2 s"),
                timedOut.getMessage());
    }

    @Test
    void kubernetesNodeWithAnInspectorIsCapturedThroughPortForward() throws Exception {
        Path node = NodeRuntime.require();
        try (ChildNode child = ChildNode.start(node, directory, "--inspect=127.0.0.1:0")) {
            fakes.withVariable("FAKE_PORT", Integer.toString(child.inspectorPort()));
            fakes.program("kubectl", nodePod("node\\000--inspect=0.0.0.0:9229\\000server.js\\000")
                    + "\"port-forward -n shop pod/web-7 0:9229\") echo \"Forwarding from 127.0.0.1:$FAKE_PORT -> 9229\";"
                    + " echo \"Forwarding from [::1]:$FAKE_PORT -> 9229\"; exec sleep 60;;\n");
            Path output = directory.resolve("forwarded.heapsnapshot");

            capture(pod(TargetRuntime.NODE), output, CaptureOptions.defaults());

            assertEquals(ChildNode.MARKER_COUNT, AnalyzedDumps.instancesOf(output, ChildNode.MARKER_CONSTRUCTOR));
            assertOwnerOnly(output);
            assertTrue(calls().contains("kubectl port-forward -n shop pod/web-7 0:9229"), calls().toString());
            assertTrue(listener.commands.contains("kubectl port-forward -n shop pod/web-7 0:9229 &"),
                    listener.allCommands());
            assertTrue(noSleepingChildWithin(Duration.ofSeconds(5)), "the port-forward was stopped");
        }
    }

    private static boolean noSleepingChildWithin(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (ProcessHandle.current().descendants().anyMatch(process -> process.isAlive()
                && process.info().command().orElse("").endsWith("sleep"))) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }
}
