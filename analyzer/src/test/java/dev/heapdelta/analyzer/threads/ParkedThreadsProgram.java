package dev.heapdelta.analyzer.threads;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.io.IOException;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;

/**
 * A child JVM for {@link ThreadOverviewTest}: two threads parked in {@link #holdPayload}, each holding a
 * local {@code long[]} of a known length, dumped once both are parked. The line of the park call is
 * marked so that the test finds it in this source file.
 */
public final class ParkedThreadsProgram {
    public static final String THREAD_PREFIX = "parked-holder-";
    public static final int[] PAYLOAD_LENGTHS = {4321, 777};
    public static final String PARK_MARKER = "// the frame's line";

    private ParkedThreadsProgram() {
    }

    /** Runs this program in a child JVM that dumps itself to {@code file}. */
    public static void dumpTo(Path file) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                ParkedThreadsProgram.class.getName(), file.toString()).inheritIO().start();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("the dumping JVM failed or timed out");
        }
    }

    /** The line of the park call, found in this program's source by its marker, not by any reader. */
    public static int parkLine(Path repositoryRoot) throws IOException {
        Path source = repositoryRoot.resolve(
                "analyzer/src/test/java/dev/heapdelta/analyzer/threads/ParkedThreadsProgram.java");
        List<String> lines = Files.readAllLines(source);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("LockSupport.park(") && lines.get(i).contains(PARK_MARKER)) {
                return i + 1;
            }
        }
        throw new IllegalStateException("no marked park call in " + source);
    }

    public static void main(String[] args) throws Exception {
        CountDownLatch ready = new CountDownLatch(PAYLOAD_LENGTHS.length);
        Thread[] threads = new Thread[PAYLOAD_LENGTHS.length];
        for (int i = 0; i < threads.length; i++) {
            int length = PAYLOAD_LENGTHS[i];
            threads[i] = new Thread(() -> holdPayload(ready, length), THREAD_PREFIX + length);
            threads[i].setDaemon(true);
            threads[i].start();
        }
        ready.await();
        for (Thread thread : threads) {
            while (thread.getState() != Thread.State.WAITING) {
                Thread.sleep(5);
            }
        }
        ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(args[0], true);
    }

    static void holdPayload(CountDownLatch ready, int length) {
        long[] payload = new long[length];
        ready.countDown();
        while (true) {
            LockSupport.park(ready); // the frame's line
            Reference.reachabilityFence(payload);
        }
    }
}
