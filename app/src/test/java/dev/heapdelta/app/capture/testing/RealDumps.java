package dev.heapdelta.app.capture.testing;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.heapdelta.analyzer.testing.TestEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

/**
 * Real dumps for the fake container tools to hand back: an HPROF of this test JVM (holding
 * {@link FixtureMarker}), its gzipped copy, and a V8 snapshot written by node when it is installed.
 */
public final class RealDumps {
    public static final String MARKER_CLASS = FixtureMarker.class.getName();
    public static final String V8_MARKER = "HeapDeltaFixtureMarker";

    /** The class the HPROF fixture must contain. */
    public static final class FixtureMarker {
    }

    private static final FixtureMarker KEPT = new FixtureMarker();
    private static Path directory;
    private static Path hprof;
    private static Path gzippedHprof;
    private static Path snapshot;

    private RealDumps() {
    }

    private static synchronized Path directory() throws IOException {
        if (directory == null) {
            directory = TestEnvironment.temporaryDirectory("heapdelta-capture-fixtures");
            directory.toFile().deleteOnExit();
        }
        return directory;
    }

    public static synchronized Path hprof() throws IOException {
        if (hprof == null) {
            Path file = directory().resolve("fixture.hprof");
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(file.toString(), true);
            file.toFile().deleteOnExit();
            if (KEPT == null) {
                throw new IllegalStateException("the marker must stay reachable until the dump");
            }
            hprof = file;
        }
        return hprof;
    }

    public static synchronized Path gzippedHprof() throws IOException {
        if (gzippedHprof == null) {
            Path file = directory().resolve("fixture.hprof.gz");
            try (InputStream in = Files.newInputStream(hprof());
                    OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                in.transferTo(out);
            }
            file.toFile().deleteOnExit();
            gzippedHprof = file;
        }
        return gzippedHprof;
    }

    /** A snapshot written by {@code node} (when installed), else a minimal one in the same format. */
    public static synchronized Path v8Snapshot() throws IOException, InterruptedException {
        if (snapshot == null) {
            Path file = directory().resolve("fixture.heapsnapshot");
            Optional<Path> node = NodeRuntime.find();
            if (node.isPresent()) {
                Process process = new ProcessBuilder(node.get().toString(), "-e",
                        "class " + V8_MARKER + " {}; globalThis.kept = new " + V8_MARKER + "();"
                                + " require('v8').writeHeapSnapshot(process.argv[1]);", file.toString())
                        .redirectErrorStream(true).start();
                process.getInputStream().readAllBytes();
                if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    throw new IOException("node could not write the fixture snapshot");
                }
            } else {
                Files.writeString(file, "{\"snapshot\":{\"meta\":{\"node_fields\":[\"type\",\"name\",\"id\","
                        + "\"self_size\",\"edge_count\",\"trace_node_id\",\"detachedness\"],\"node_types\":[[\"hidden\","
                        + "\"object\"]],\"edge_fields\":[\"type\",\"name_or_index\",\"to_node\"],\"edge_types\":"
                        + "[[\"property\"]]},\"node_count\":1,\"edge_count\":0,\"trace_function_count\":0},"
                        + "\"nodes\":[1,0,1,16,0,0,0],\"edges\":[],\"trace_function_infos\":[],\"trace_tree\":[],"
                        + "\"samples\":[],\"locations\":[],\"strings\":[\"" + V8_MARKER + "\"]}");
            }
            file.toFile().deleteOnExit();
            snapshot = file;
        }
        return snapshot;
    }
}
