package dev.heapdelta.app.capture;

import dev.heapdelta.analyzer.source.CancelSignal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Takes one heap dump from any target: the entry point for the CLI and the GUI. Blocking; run it on a
 * background thread (a JavaFX {@code Task}) and cancel through the {@link CancelSignal}.
 */
public final class HeapDumpCapture {
    private final CommandEnvironment environment;

    public HeapDumpCapture(CommandEnvironment environment) {
        this.environment = environment;
    }

    /**
     * @throws CaptureException when the dump could not be taken; the message says why and what to do
     * @throws dev.heapdelta.analyzer.source.AnalysisCancelledException when cancelled
     */
    public CaptureResult capture(CaptureRequest request, CaptureListener listener, CancelSignal cancel)
            throws CaptureException {
        long started = System.nanoTime();
        DumpDestination destination = DumpDestination.prepare(request.output(), request.options().overwrite());
        CommandRunner runner = new CommandRunner(environment, listener, cancel);
        CaptureTarget target = request.target();
        CaptureOptions options = request.options();
        listener.note("capturing " + target.describe() + " to " + destination.file());
        long bytes;
        if (target instanceof CaptureTarget.LocalJvm jvm) {
            bytes = new LocalJvmCapture(runner, listener, cancel).capture(jvm.pid(), destination, options);
        } else if (target instanceof CaptureTarget.NodeInspector inspector) {
            bytes = new InspectorCapture(listener, cancel).capture(inspector.endpoint(), destination, options);
        } else if (target instanceof CaptureTarget.NodeSignal signal) {
            bytes = new NodeSignalCapture(runner, listener, cancel).capture(signal.pid(), destination, options);
        } else if (target instanceof CaptureTarget.InContainer inContainer) {
            bytes = inContainer.runtime() == TargetRuntime.JVM
                    ? new ContainerJvmCapture(runner, listener, cancel).capture(inContainer.container(), destination,
                            options)
                    : new ContainerNodeCapture(runner, listener, cancel).capture(inContainer.container(), destination,
                            options);
        } else {
            throw new IllegalStateException("unknown capture target " + target);
        }
        if (options.gzip() && target.producesV8Snapshot()) {
            GzipFile.compressInPlace(destination.file(), listener, cancel);
            bytes = sizeOf(destination.file());
        }
        return new CaptureResult(destination.file(), bytes, Duration.ofNanos(System.nanoTime() - started));
    }

    private static long sizeOf(Path file) throws CaptureException {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new CaptureException("cannot read the size of " + file + ": " + e.getMessage(), e);
        }
    }
}
