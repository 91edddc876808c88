package dev.heapdelta.samples;

import dev.heapdelta.samples.service.SampleService;
import dev.heapdelta.samples.service.SamplePatterns;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the leaking sample service and dumps its own heap at three moments into a directory:
 * {@code leaks-t0.hprof.gz}, {@code leaks-t1.hprof.gz}, {@code leaks-t2.hprof.gz} and {@code manifest.json}.
 * Run it with a small heap and the serial collector so that the dumps stay small (see sample-dumps/java/README.md):
 * {@code java -Xmx64m -XX:+UseSerialGC -cp CLASSPATH dev.heapdelta.samples.LeakingJvmService sample-dumps/java}.
 */
public final class LeakingJvmService {
    /** A moment of the series: a dump is taken once the service has handled {@code requests} requests. */
    private record Moment(String label, int requests) {
    }

    private static final List<Moment> MOMENTS =
            List.of(new Moment("t0", 500), new Moment("t1", 3000), new Moment("t2", 6000));

    private LeakingJvmService() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java -Xmx64m -XX:+UseSerialGC -cp CLASSPATH "
                    + LeakingJvmService.class.getName() + " OUTPUT_DIRECTORY");
            System.exit(1);
        }
        Path directory = Path.of(args[0]);
        Files.createDirectories(directory);
        SampleService service = SampleService.start();
        List<LeakManifest.Snapshot> snapshots = new ArrayList<>();
        for (Moment moment : MOMENTS) {
            service.serveUntil(moment.requests());
            String file = "leaks-" + moment.label() + ".hprof.gz";
            Path gzipped = directory.resolve(file);
            dumpGzipped(gzipped);
            long bytes = Files.size(gzipped);
            snapshots.add(new LeakManifest.Snapshot(moment.label(), moment.requests(), file, bytes));
            System.out.printf("%s: %,d requests, %s (%,d bytes)%n", moment.label(), moment.requests(), gzipped, bytes);
        }
        String manifest = LeakManifest.render(snapshots, SamplePatterns.all(), Runtime.version().toString(),
                ManagementFactory.getRuntimeMXBean().getInputArguments(), SamplePatterns.SECRET_MARKER);
        Files.writeString(directory.resolve("manifest.json"), manifest, StandardCharsets.UTF_8);
    }

    /** Dumps in a method of its own, so that no local of the request loop is still on the stack as a root. */
    private static void dumpGzipped(Path gzipped) throws IOException {
        String name = gzipped.getFileName().toString();
        Path hprof = gzipped.resolveSibling(name.substring(0, name.length() - ".gz".length()));
        SelfHeapDump.write(hprof, true);
        Gzip.compressAndDelete(hprof, gzipped);
    }
}
