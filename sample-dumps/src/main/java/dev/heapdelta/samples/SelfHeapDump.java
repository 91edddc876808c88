package dev.heapdelta.samples;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** Dumps the running JVM's own heap to an HPROF file, as {@code jcmd PID GC.heap_dump} would. */
public final class SelfHeapDump {
    private SelfHeapDump() {
    }

    /**
     * Writes the heap to {@code hprof}, replacing it. With {@code liveOnly} the JVM runs a full GC first, which
     * also clears weak referents whose objects are otherwise unreachable.
     */
    public static void write(Path hprof, boolean liveOnly) throws IOException {
        // dumpHeap refuses to overwrite a file.
        Files.deleteIfExists(hprof);
        Path parent = hprof.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                .dumpHeap(hprof.toAbsolutePath().toString(), liveOnly);
    }
}
