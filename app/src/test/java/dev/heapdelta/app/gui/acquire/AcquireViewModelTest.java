package dev.heapdelta.app.gui.acquire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.app.capture.CommandEnvironment;
import dev.heapdelta.app.capture.JvmProcess;
import dev.heapdelta.app.capture.testing.ChildJvm;
import dev.heapdelta.app.capture.testing.DumpMarkers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives real captures of a child JVM through the view-model. A single-thread executor stands in for the FX
 * thread: every property is read and every method called on it, as the view does.
 */
class AcquireViewModelTest {
    private static ChildJvm child;

    @TempDir
    Path directory;

    private ExecutorService workers;
    private ExecutorService fxThread;
    private final List<List<Path>> opened = new ArrayList<>();
    private AcquireViewModel model;

    @BeforeAll
    static void startMarkerJvm() throws Exception {
        child = ChildJvm.start();
    }

    @AfterAll
    static void stopMarkerJvm() throws Exception {
        child.close();
    }

    @BeforeEach
    void createModel() throws Exception {
        workers = Executors.newFixedThreadPool(2);
        fxThread = Executors.newSingleThreadExecutor();
        model = onFx(() -> new AcquireViewModel(workers, fxThread, CommandEnvironment.inherited(), opened::add));
    }

    @AfterEach
    void stopThreads() {
        workers.shutdownNow();
        fxThread.shutdownNow();
    }

    @Test
    void localJvmCaptureWritesTheDumpShowsTheJcmdCommandAndOpensIt() throws Exception {
        Path output = directory.resolve("child.hprof");
        chooseChildJvm();
        onFx(() -> {
            model.outputFileProperty().set(output.toString());
            model.start();
            return null;
        });
        assertTrue(onFx(() -> model.runningProperty().get()), "the capture runs in the background");
        waitUntil(() -> !onFxQuietly(() -> model.runningProperty().get()), 120);

        assertTrue(Files.isRegularFile(output), "the dump was written: " + onFx(() -> model.statusProperty().get()));
        assertTrue(DumpMarkers.hprofLoadsClass(output, ChildJvm.MARKER_CLASS), "it is the child's heap");
        List<String> log = onFx(() -> List.copyOf(model.log()));
        String dumpCommand = log.stream().filter(line -> line.startsWith("$ ") && line.contains("GC.heap_dump"))
                .findFirst().orElseThrow(() -> new AssertionError("no GC.heap_dump command in the log: " + log));
        assertTrue(dumpCommand.contains("jcmd " + child.pid() + " GC.heap_dump -all "), dumpCommand);
        assertTrue(log.stream().anyMatch(line -> line.startsWith("$ ") && line.contains("jcmd " + child.pid()
                + " VM.version")), "every command is shown: " + log);
        assertEquals(List.of(output), onFx(() -> List.copyOf(model.captured())));
        assertTrue(onFx(() -> model.sizeTextProperty().get()).endsWith("written"));
        assertEquals(1.0, onFx(() -> model.progressProperty().get()));

        onFx(() -> {
            model.openCaptured();
            return null;
        });
        assertEquals(List.of(List.of(output)), opened, "the dump opens in the app");
    }

    @Test
    void cancellingASeriesWhileItWaitsStopsAfterTheFirstDump() throws Exception {
        Path output = directory.resolve("series.hprof");
        chooseChildJvm();
        onFx(() -> {
            model.outputFileProperty().set(output.toString());
            model.seriesCountProperty().set(2);
            model.intervalSecondsProperty().set(600);
            model.start();
            return null;
        });
        waitUntil(() -> onFxQuietly(() -> model.log().stream().anyMatch(line -> line.startsWith("next dump"))), 120);
        onFx(() -> {
            model.cancel();
            return null;
        });
        waitUntil(() -> !onFxQuietly(() -> model.runningProperty().get()), 30);

        assertEquals("Cancelled.", onFx(() -> model.statusProperty().get()));
        assertTrue(Files.isRegularFile(directory.resolve("series-1.hprof")), "the first dump was kept");
        assertFalse(Files.exists(directory.resolve("series-2.hprof")), "the second was never taken");
        assertTrue(onFx(() -> model.captured().isEmpty()), "nothing to open after a cancel");
    }

    @Test
    void startingWithoutATargetSaysWhatIsMissingAndRunsNothing() throws Exception {
        String status = onFx(() -> {
            model.target().kindProperty().set(TargetKind.NODE_SIGNAL);
            model.target().signalPidProperty().set("12x");
            model.outputFileProperty().set(directory.resolve("node.heapsnapshot").toString());
            model.start();
            return model.statusProperty().get();
        });
        assertEquals("Cannot start: '12x' is not a process id.", status);
        assertFalse(onFx(() -> model.runningProperty().get()));
        try (var files = Files.list(directory)) {
            assertEquals(0, files.count());
        }
    }

    private void chooseChildJvm() throws Exception {
        onFx(() -> {
            model.refreshProcesses();
            return null;
        });
        waitUntil(() -> onFxQuietly(() -> model.jvms().stream().anyMatch(jvm -> jvm.pid() == child.pid())), 60);
        onFx(() -> {
            JvmProcess jvm = model.jvms().stream().filter(found -> found.pid() == child.pid()).findFirst()
                    .orElseThrow();
            model.target().jvmProperty().set(jvm);
            return null;
        });
    }

    private <T> T onFx(Callable<T> action) throws Exception {
        return fxThread.submit(action).get(30, TimeUnit.SECONDS);
    }

    private <T> T onFxQuietly(Callable<T> action) {
        try {
            return onFx(action);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void waitUntil(BooleanSupplier condition, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + seconds + " s");
            }
            Thread.sleep(50);
        }
    }
}
