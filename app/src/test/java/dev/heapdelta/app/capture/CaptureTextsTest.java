package dev.heapdelta.app.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The small readers and writers of text around a capture: tool output, flags, names, quoting. */
class CaptureTextsTest {
    private static final long K = 1024;

    @Test
    void usedHeapIsReadForEveryHotSpotCollector() {
        assertEquals(17618 * K, JcmdOutput.usedHeapBytes("1:\n garbage-first heap   total 397312K, used 17618K"
                + " [0x0, 0x0)\n  region size 4096K\n Metaspace       used 8901K, committed 9088K\n"));
        assertEquals((3932 + 100) * K, JcmdOutput.usedHeapBytes(" PSYoungGen      total 76288K, used 3932K [0x0)\n"
                + "  eden space 65536K, 6% used [0x0)\n ParOldGen       total 175104K, used 100K [0x0)\n"));
        assertEquals((1234 + 50) * K, JcmdOutput.usedHeapBytes(" def new generation   total 9792K, used 1234K [0x0)\n"
                + " tenured generation   total 21888K, used 50K [0x0)\n"));
        assertEquals(16 * K * K, JcmdOutput.usedHeapBytes(" ZHeap           used 16M, capacity 256M, max capacity 3972M\n"));
        assertEquals(27316 * K, JcmdOutput.usedHeapBytes("Shenandoah Heap\n 4096M max, 4096M soft max, 256M committed,"
                + " 27316K used\n"));
        assertEquals(-1, JcmdOutput.usedHeapBytes("1:\nsomething else entirely\n"));
    }

    @Test
    void jdkVersionComesFromVmVersion() {
        assertEquals(17, JcmdOutput.jdkMajorVersion("1:\nOpenJDK 64-Bit Server VM version 17.0.9+9\nJDK 17.0.9\n"));
        assertEquals(11, JcmdOutput.jdkMajorVersion("1:\nOpenJDK 64-Bit Server VM version 11.0.20+8\n"));
        assertEquals(8, JcmdOutput.jdkMajorVersion("1:\nOpenJDK 64-Bit Server VM version 25.352-b08\nJDK 8.0_352\n"));
        assertEquals(8, JcmdOutput.jdkMajorVersion("1:\nOpenJDK 64-Bit Server VM version 25.352-b08\n"));
        assertEquals(25, JcmdOutput.jdkMajorVersion("1:\nOpenJDK 64-Bit Server VM version 25.0.1+8-LTS\n"));
        assertEquals(-1, JcmdOutput.jdkMajorVersion("1:\nsomething else\n"));
    }

    @Test
    void nodeFlagsAreReadBeforeTheScriptAndFromNodeOptions() {
        NodeFlags both = NodeFlags.parse(List.of("/usr/local/bin/node", "--inspect=0.0.0.0:9230",
                "--heapsnapshot-signal=SIGUSR2", "server.js", "--inspect"), null);
        assertEquals("USR2", both.heapSnapshotSignal());
        assertEquals(Optional.of(9230), both.inspectorPort());

        NodeFlags scriptArgumentsIgnored = NodeFlags.parse(List.of("node", "-r", "dotenv/config", "app.js",
                "--heapsnapshot-signal=SIGUSR2"), null);
        assertNull(scriptArgumentsIgnored.heapSnapshotSignal());
        assertFalse(scriptArgumentsIgnored.hasInspector());

        NodeFlags fromEnvironment = NodeFlags.parse(List.of("node", "app.js"),
                "--max-old-space-size=512 --heapsnapshot-signal SIGUSR1 --inspect");
        assertEquals("USR1", fromEnvironment.heapSnapshotSignal());
        assertEquals(Optional.of(9229), fromEnvironment.inspectorPort());
        assertEquals(Optional.empty(), NodeFlags.parse(List.of("node", "--inspect=127.0.0.1:0", "a.js"), null)
                .inspectorPort());
        assertTrue(NodeFlags.isNode(List.of("/usr/bin/nodejs")));
        assertFalse(NodeFlags.isNode(List.of("/usr/bin/nodemon")));
    }

    @Test
    void dfAndCgroupOutputAreReadForBusyboxAndCoreutils() {
        assertEquals(new ContainerSpace.DiskFree(99000000 * K, "overlay"), ContainerSpace.parseDf(
                "Filesystem     1024-blocks      Used Available Capacity Mounted on\n"
                        + "overlay          100000000      1000  99000000       1% /\n"));
        assertEquals(new ContainerSpace.DiskFree(65536 * K, "tmpfs"), ContainerSpace.parseDf(
                "Filesystem           1024-blocks    Used Available Capacity Mounted on\n"
                        + "tmpfs                    65536         0     65536   0% /tmp\n"));
        assertEquals(ContainerSpace.DiskFree.UNKNOWN, ContainerSpace.parseDf("df: /nowhere: No such file or directory"));
        long[] v2 = ContainerSpace.parseMemory("max\n104857600\n");
        assertEquals(-1, v2[0]);
        assertEquals(104857600, v2[1]);
        long[] v1 = ContainerSpace.parseMemory("9223372036854771712\n5000\n");
        assertEquals(9223372036854771712L, v1[0]);
        ContainerSpace unlimitedV1 = new ContainerSpace(100 * K * K, "overlay", v1[0], v1[1]);
        assertNull(unlimitedV1.judge(10 * K * K, "/tmp", "pod").refusal());
        assertTrue(unlimitedV1.judge(10 * K * K, "/tmp", "pod").warnings().isEmpty());
    }

    @Test
    void lsListingsFindNodeSnapshotsOnly() {
        Map<String, Long> sizes = ContainerNodeCapture.parseListing("total 8\n"
                + "-rw-r--r--    1 1000     1000           120 Nov 21 10:00 server.js\n"
                + "-rw-------    1 1000     1000       4058806 Nov 21 22:25 Heap.20261121.222536.1.0.001.heapsnapshot\n"
                + "-rw-r--r-- 1 0 0 77 Nov 21 22:25 notes.heapsnapshot\n");
        assertEquals(Map.of("Heap.20261121.222536.1.0.001.heapsnapshot", 4058806L), sizes);
    }

    @Test
    void seriesNamesNumberBeforeTheExtension() {
        assertEquals(Path.of("out/dump-1.hprof"), SeriesFileNames.nth(Path.of("out/dump.hprof"), 1));
        assertEquals(Path.of("dump-12.hprof.gz"), SeriesFileNames.nth(Path.of("dump.hprof.gz"), 12));
        assertEquals(Path.of("app-2.heapsnapshot"), SeriesFileNames.nth(Path.of("app.heapsnapshot"), 2));
        assertEquals(Path.of("dump-3"), SeriesFileNames.nth(Path.of("dump"), 3));
        assertEquals(Path.of(".hidden-1"), SeriesFileNames.nth(Path.of(".hidden"), 1));
    }

    @Test
    void shownCommandsCanBePastedIntoAShell() {
        assertEquals("kubectl exec web-7 -n shop -- sh -c 'kill -s USR2 1'",
                CommandLineText.render(List.of("kubectl", "exec", "web-7", "-n", "shop", "--", "sh", "-c", "kill -s USR2 1")));
        assertEquals("echo 'it'\\''s' ''", CommandLineText.render(List.of("echo", "it's", "")));
    }

    @Test
    void dumpSizeIsPlannedOnTheSafeSide() {
        assertEquals(-1, DumpSizeEstimate.expectedBytes(-1, false));
        assertEquals(1150, DumpSizeEstimate.expectedBytes(1000, false));
        assertEquals(287, DumpSizeEstimate.expectedBytes(1000, true));
    }
}
