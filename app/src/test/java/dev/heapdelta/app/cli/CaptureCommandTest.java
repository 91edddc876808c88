package dev.heapdelta.app.cli;

import static dev.heapdelta.app.capture.testing.FileModes.assertOwnerOnly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.app.capture.CommandEnvironment;
import dev.heapdelta.app.capture.testing.ChildJvm;
import dev.heapdelta.app.capture.testing.DumpMarkers;
import dev.heapdelta.app.capture.testing.FakeTools;
import dev.heapdelta.app.capture.testing.RealDumps;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CaptureCommandTest {
    private static final String HEALTHY_DOCKER = "\"exec web-1 jcmd 1 VM.version\") printf '1:\\nJDK 17.0.9\\n';;\n"
            + "\"exec web-1 jcmd 1 GC.heap_info\") printf ' garbage-first heap   total 262144K, used 20480K\\n';;\n"
            + "\"exec web-1 df -Pk /tmp\") printf 'Filesystem 1024-blocks Used Available Capacity Mounted on\\n"
            + "overlay 100000000 1000 99000000 1%% /\\n';;\n"
            + "\"exec web-1 cat /sys/fs/cgroup/memory.max /sys/fs/cgroup/memory.current\") printf 'max\\n1000\\n';;\n"
            + "\"exec web-1 jcmd 1 GC.heap_dump \"*) echo 'Heap dump file created [1 bytes in 0.1 secs]';;\n"
            + "\"cp web-1:/tmp/heapdelta-\"*) cp \"$FAKE_DUMP\" \"$last\";;\n"
            + "\"exec web-1 rm -f /tmp/heapdelta-\"*) ;;\n";

    @TempDir
    Path directory;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(CommandEnvironment environment, String... args) {
        CommandLine command = HeapDeltaCommand.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        ((CaptureCommand) command.getSubcommands().get("capture").getCommand()).useEnvironment(environment);
        return command.execute(args);
    }

    private FakeTools fakeDocker(String cases) throws Exception {
        return new FakeTools(directory).withVariable("FAKE_DUMP", RealDumps.hprof().toString()).program("docker", cases);
    }

    @Test
    void dockerCaptureShowsEveryCommandInFullAndWritesTheDump() throws Exception {
        FakeTools fakes = fakeDocker(HEALTHY_DOCKER);
        Path output = directory.resolve("web.hprof");

        int exit = run(fakes.environment(), "capture", "--docker", "web-1", "--runtime", "jvm", "-o", output.toString());

        assertEquals(ExitCode.OK, exit, err.toString());
        String shown = out.toString();
        assertTrue(shown.contains("$ docker exec web-1 jcmd 1 VM.version\n"), shown);
        assertTrue(shown.contains("$ docker exec web-1 df -Pk /tmp\n"), shown);
        assertTrue(shown.matches("(?s).*\\$ docker exec web-1 jcmd 1 GC.heap_dump -all /tmp/heapdelta-\\d+\\.hprof\n.*"),
                shown);
        assertTrue(shown.contains("  Heap dump file created [1 bytes in 0.1 secs]\n"), "output streamed: " + shown);
        assertTrue(shown.contains("wrote " + output + " ("), shown);
        assertTrue(DumpMarkers.hprofLoadsClass(output, RealDumps.MARKER_CLASS));
    }

    @Test
    void anImageWithoutJcmdExitsWithCaptureFailedAndTheWaysOut() throws Exception {
        FakeTools fakes = fakeDocker("\"exec web-1 jcmd 1 VM.version\") echo 'exec: \"jcmd\": executable file not"
                + " found in $PATH'; exit 127;;\n");

        int exit = run(fakes.environment(), "capture", "--docker", "web-1", "--runtime", "jvm", "-o",
                directory.resolve("x.hprof").toString());

        assertEquals(ExitCode.CAPTURE_FAILED, exit);
        assertTrue(err.toString().startsWith("heapdelta: capture failed: docker container web-1 has no jcmd"),
                err.toString());
        assertTrue(err.toString().contains("--pid=container:web-1"), err.toString());
    }

    @Test
    void aSeriesWritesNumberedDumpsAndPrintsTheDiffCommand() throws Exception {
        FakeTools fakes = fakeDocker(HEALTHY_DOCKER);
        Path pattern = directory.resolve("dump.hprof");

        int exit = run(fakes.environment(), "capture", "--docker", "web-1", "--runtime", "jvm", "-o", pattern.toString(),
                "--series", "3", "--every", "0.2");

        assertEquals(ExitCode.OK, exit, err.toString());
        for (int i = 1; i <= 3; i++) {
            assertTrue(DumpMarkers.hprofLoadsClass(directory.resolve("dump-" + i + ".hprof"), RealDumps.MARKER_CLASS));
            assertOwnerOnly(directory.resolve("dump-" + i + ".hprof"));
        }
        assertFalse(Files.exists(pattern));
        assertTrue(out.toString().contains("  heapdelta diff " + directory.resolve("dump-1.hprof") + " "
                + directory.resolve("dump-2.hprof") + " " + directory.resolve("dump-3.hprof") + "\n"), out.toString());
        assertEquals(3, fakes.calls().stream().filter(call -> call.contains("GC.heap_dump")).count());
    }

    @Test
    void aTimeoutExitsWithCaptureFailed() throws Exception {
        FakeTools fakes = fakeDocker(HEALTHY_DOCKER.replace("echo 'Heap dump file created [1 bytes in 0.1 secs]'",
                "sleep 30"));

        int exit = run(fakes.environment(), "capture", "--docker", "web-1", "--runtime", "jvm", "-o",
                directory.resolve("slow.hprof").toString(), "--timeout", "1");

        assertEquals(ExitCode.CAPTURE_FAILED, exit);
        assertTrue(err.toString().startsWith("heapdelta: capture failed: timed out after 1 s"), err.toString());
    }

    @Test
    void usageMistakesExitWithOne() {
        CommandEnvironment environment = CommandEnvironment.inherited();
        String file = directory.resolve("x.hprof").toString();

        assertEquals(ExitCode.USAGE, run(environment, "capture", "-o", file));
        assertEquals(ExitCode.USAGE, run(environment, "capture", "--pid", "1", "--docker", "web", "-o", file));
        assertEquals(ExitCode.USAGE, run(environment, "capture", "--docker", "web", "-o", file));
        assertEquals(ExitCode.USAGE, run(environment, "capture", "--docker", "web", "--runtime", "ruby", "-o", file));
        assertEquals(ExitCode.USAGE, run(environment, "capture", "--pid", "1"));
        assertEquals(ExitCode.USAGE, run(environment, "capture", "--pid", "1", "-n", "shop", "-o", file));
        assertEquals(ExitCode.USAGE, run(environment, "capture", "--pid", "1", "-o", file, "--series", "2"));
        assertEquals(ExitCode.USAGE, run(environment, "capture", "--pid", "1", "-o", file, "--allow-remote"));
        assertTrue(err.toString().contains("heapdelta: --runtime: unknown runtime 'ruby' (use jvm or node)"),
                err.toString());
    }

    @Test
    void aRemoteInspectorIsRefusedWithExitFive() {
        int exit = run(CommandEnvironment.inherited(), "capture", "--inspect", "192.0.2.7:9229", "-o",
                directory.resolve("r.heapsnapshot").toString());

        assertEquals(ExitCode.CAPTURE_FAILED, exit);
        assertTrue(err.toString().contains("is not a loopback address"), err.toString());
    }

    @Test
    void aLocalJvmIsListedAndCaptured() throws Exception {
        try (ChildJvm child = ChildJvm.start()) {
            Path output = directory.resolve("local.hprof");

            assertEquals(ExitCode.OK, run(CommandEnvironment.inherited(), "capture", "--list"), err.toString());
            assertTrue(out.toString().matches("(?s).*\\n  " + child.pid() + " +\\S*MarkerProgram.*"), out.toString());

            assertEquals(ExitCode.OK, run(CommandEnvironment.inherited(), "capture", "--pid",
                    Long.toString(child.pid()), "-o", output.toString()), err.toString());
            assertTrue(out.toString().contains(" " + child.pid() + " GC.heap_dump -all "), out.toString());
            assertTrue(DumpMarkers.hprofLoadsClass(output, ChildJvm.MARKER_CLASS));
        }
    }
}
