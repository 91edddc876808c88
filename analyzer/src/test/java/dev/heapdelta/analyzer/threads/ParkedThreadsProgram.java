package dev.heapdelta.analyzer.threads;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;

/**
 * A child JVM for {@link ThreadOverviewTest}: two threads parked in {@link #holdPayload}, each holding a
 * local {@code long[]} of a known length, dumped once both are parked. The line of the park call is
 * marked so that the test finds it in this source file.
 */
public final class ParkedThreadsProgram {
    static final String THREAD_PREFIX = "parked-holder-";
    static final int[] PAYLOAD_LENGTHS = {4321, 777};
    static final String PARK_MARKER = "// the frame's line";

    private ParkedThreadsProgram() {
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
