package dev.heapdelta.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The child measurement reports the operating system's peak RSS of the child, not this JVM's heap: a
 * child JVM that pre-touches a 192 MiB heap has at least that resident, by either means of measuring.
 */
class ChildProcessTimerTest {
    private static final long TOUCHED = 192L << 20;

    @TempDir
    Path scratch;

    private List<String> preTouchingJvm() throws Exception {
        Path source = scratch.resolve("Hold.java");
        // Alive a moment after the pre-touch, so that /proc is read while the heap is resident.
        Files.writeString(source, "class Hold { public static void main(String[] a) throws Exception {"
                + " Thread.sleep(1500); System.exit(7); } }");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java, "-Xms192m", "-Xmx192m", "-XX:+AlwaysPreTouch", "-XX:+UseSerialGC", source.toString());
    }

    private void assertMeasuresTheChild(ChildProcessTimer timer) throws Exception {
        ChildMeasurement run = timer.run(preTouchingJvm(), Map.of());
        assertEquals(7, run.exitCode(), run.errorTail());
        assertTrue(run.peakRssBytes() >= TOUCHED, "peak RSS " + run.peakRssBytes());
        assertTrue(run.peakRssBytes() < 8 * TOUCHED, "peak RSS " + run.peakRssBytes());
        assertTrue(run.cpuMillis() > 0, "CPU " + run.cpuMillis());
        assertTrue(run.wallMillis() >= 1500, "wall " + run.wallMillis());
        try (var left = Files.list(scratch)) {
            assertEquals(List.of(scratch.resolve("Hold.java")), left.toList(), "the timer's own files are deleted");
        }
    }

    @Test
    void gnuTimeReportsThePeakResidentSetOfTheChildJvm() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/time")), "no /usr/bin/time");
        assertMeasuresTheChild(new ChildProcessTimer(scratch, true));
    }

    @Test
    void procfsAloneReportsThePeakResidentSetOfTheChildJvm() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "no procfs");
        assertMeasuresTheChild(new ChildProcessTimer(scratch, false));
    }

    @Test
    void theMomentAChildSaysItsOverviewIsShownIsTakenFromItsOutputApartFromItsEnd() throws Exception {
        Path source = scratch.resolve("Show.java");
        // As the app's timing run: much output, the line once the overview is drawn, then the wait for its entry.
        Files.writeString(source, "class Show { public static void main(String[] a) throws Exception {"
                + " for (int i = 0; i < 100000; i++) System.out.println(\"row \" + i);"
                + " Thread.sleep(800); System.out.println(\"overview shown after 1,234 ms\"); System.out.flush();"
                + " Thread.sleep(1500); } }");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ChildMeasurement run = new ChildProcessTimer(scratch).run(List.of(java, "-Xmx64m", source.toString()), Map.of());
        assertEquals(0, run.exitCode(), run.errorTail());
        assertTrue(run.overviewShownMillis() >= 800, "shown at " + run.overviewShownMillis());
        assertTrue(run.wallMillis() - run.overviewShownMillis() >= 1400, "shown at " + run.overviewShownMillis()
                + " of " + run.wallMillis());

        ChildMeasurement silent = new ChildProcessTimer(scratch).run(preTouchingJvm(), Map.of());
        assertEquals(-1, silent.overviewShownMillis());
    }
}
