package dev.heapdelta.analyzer.oql;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A small JVM that dumps itself with planted objects whose every figure the OQL tests know: three
 * {@link Holder}s in a chain and one {@link SpecialHolder}, known strings, an int[] of 1..7, statics,
 * two holders sharing one byte[] and a named parked thread.
 */
public final class OqlFixtureProgram {
    static int answer = 42;
    static long minusFive = -5L;
    static double half = 0.5;
    static String[] names = {"alpha-1", "alpha-2", "beta-3"};
    static int[] oneToSeven = {1, 2, 3, 4, 5, 6, 7};
    static Holder chain;
    static SpecialHolder special;
    static Thread parked;

    /** A chain link: {@code name}, {@code count} and the next link. */
    static class Holder {
        final String name;
        final int count;
        final Holder next;
        byte[] payload;

        Holder(String name, int count, Holder next) {
            this.name = name;
            this.count = count;
            this.next = next;
        }
    }

    /** A subclass, for INSTANCEOF. */
    static final class SpecialHolder extends Holder {
        final long weight;

        SpecialHolder(String name, long weight) {
            super(name, 100, null);
            this.weight = weight;
        }
    }

    /** Two of these share one array, which neither retains alone but both retain together. */
    static final class Sharer {
        final byte[] shared;
        final byte[] own;

        Sharer(byte[] shared, int ownLength) {
            this.shared = shared;
            this.own = new byte[ownLength];
        }
    }

    static List<Sharer> sharers = new ArrayList<>();

    private OqlFixtureProgram() {
    }

    /** Writes the dump of a fresh JVM running this program to {@code file}. */
    static void dump(Path file) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-Xmx64m", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), OqlFixtureProgram.class.getName(), file.toString())
                .inheritIO().start();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("the dumping JVM failed or timed out");
        }
    }

    /** In a method of its own, so that no frame of the dumping thread still holds the shared array. */
    private static void plantSharers() {
        byte[] shared = new byte[4_000];
        sharers.add(new Sharer(shared, 1_000));
        sharers.add(new Sharer(shared, 2_000));
    }

    public static void main(String[] args) throws IOException {
        chain = new Holder("first", 1, new Holder("second", 2, new Holder("third", 3, null)));
        special = new SpecialHolder("special", 7_000_000_000L);
        plantSharers();
        parked = new Thread(() -> LockSupport.park(), "oql-fixture-parked");
        parked.setDaemon(true);
        parked.start();
        while (parked.getState() != Thread.State.WAITING) {
            Thread.onSpinWait();
        }
        ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(args[0], true);
    }
}
