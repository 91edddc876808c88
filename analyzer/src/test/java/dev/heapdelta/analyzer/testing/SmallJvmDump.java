package dev.heapdelta.analyzer.testing;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real HotSpot dump of a small JVM of its own ({@code HotSpotDiagnosticMXBean.dumpHeap}), a few
 * megabytes whatever the test JVM holds: a map of arrays, a list of strings and a soft reference.
 */
public final class SmallJvmDump {
    static final Map<String, byte[]> CACHE = new HashMap<>();
    static final List<String> NAMES = new ArrayList<>();
    static java.lang.ref.SoftReference<byte[]> soft;

    private SmallJvmDump() {
    }

    /** Writes the dump of a fresh JVM to {@code file}. */
    public static void write(Path file) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                SmallJvmDump.class.getName(), file.toString()).inheritIO().start();
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException("the dumping JVM failed or timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while dumping", e);
        }
    }

    public static void main(String[] args) throws IOException {
        for (int i = 0; i < 2_000; i++) {
            CACHE.put("key-" + i, new byte[256 + i % 64]);
            NAMES.add("name-" + i);
        }
        soft = new java.lang.ref.SoftReference<>(new byte[100_000]);
        ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(args[0], true);
    }
}
