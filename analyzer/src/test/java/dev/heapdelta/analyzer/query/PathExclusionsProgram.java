package dev.heapdelta.analyzer.query;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.lang.ref.SoftReference;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM for {@link PathExclusionsTest} that dumps itself holding planted objects, each reachable
 * in two ways: a short way through a weak reference, a soft reference, a finalizer or a field, and
 * a longer strong way (a chain of {@link Link}s from a static); and one object held by a stack frame only.
 */
public final class PathExclusionsProgram {
    /** Links in each strong chain: longer than every short way, so that the short way wins unless excluded. */
    public static final int CHAIN = 5;

    static WeakReference<WeakTarget> weak;
    static SoftReference<SoftTarget> soft;
    static Link weakChain;
    static Link softChain;
    static Link finalizableChain;
    static Shortcut shortcut;
    static Link aroundShortcut;

    private PathExclusionsProgram() {
    }

    /** Held by {@link #weak} and by {@link #weakChain}. */
    public static final class WeakTarget {
    }

    /** Held by {@link #soft} and by {@link #softChain}. */
    public static final class SoftTarget {
    }

    /**
     * Has a finalizer, so a {@code java.lang.ref.Finalizer} refers to it; also held by {@link #finalizableChain}.
     * The finalizer does something: HotSpot registers no class whose {@code finalize} is empty.
     */
    public static final class FinalizableTarget {
        static volatile int finalized;

        @Override
        @SuppressWarnings({"deprecation", "removal"})
        protected void finalize() {
            finalized++;
        }
    }

    /** Held by {@code Shortcut.direct} and, further, by {@link #aroundShortcut}. */
    public static final class FieldTarget {
    }

    /** A local of the main thread's frame only. */
    public static final class LocalTarget {
    }

    /** One link of a strong chain. */
    public static final class Link {
        final Object next;

        Link(Object next) {
            this.next = next;
        }
    }

    /** The short way to a {@link FieldTarget}, through the field that the test excludes. */
    public static final class Shortcut {
        final Object direct;

        Shortcut(Object direct) {
            this.direct = direct;
        }
    }

    /** Runs this program in a child JVM that dumps itself to {@code file}. */
    public static void dumpTo(Path file) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-Xmx64m", "-Xint", "-cp", System.getProperty("java.class.path"),
                PathExclusionsProgram.class.getName(), file.toString()).inheritIO().start();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("the dumping JVM failed or timed out");
        }
    }

    static Link chainTo(Object target) {
        Object next = target;
        for (int i = 0; i < CHAIN; i++) {
            next = new Link(next);
        }
        return (Link) next;
    }

    public static void main(String[] args) throws IOException {
        WeakTarget weakTarget = new WeakTarget();
        weak = new WeakReference<>(weakTarget);
        weakChain = chainTo(weakTarget);
        SoftTarget softTarget = new SoftTarget();
        soft = new SoftReference<>(softTarget);
        softChain = chainTo(softTarget);
        FieldTarget fieldTarget = new FieldTarget();
        shortcut = new Shortcut(fieldTarget);
        aroundShortcut = chainTo(fieldTarget);
        // Last, so that its Finalizer heads the unfinalized list: one reference from Finalizer's static.
        finalizableChain = chainTo(new FinalizableTarget());
        LocalTarget local = new LocalTarget();
        ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(args[0], true);
        Reference.reachabilityFence(local);
        Reference.reachabilityFence(weakTarget);
        Reference.reachabilityFence(softTarget);
    }
}
