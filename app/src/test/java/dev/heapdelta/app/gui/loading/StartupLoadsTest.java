package dev.heapdelta.app.gui.loading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.analysis.AnalysisOptions;
import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.analysis.SnapshotLoader;
import dev.heapdelta.analyzer.analysis.WeakReferencePolicy;
import dev.heapdelta.analyzer.source.AnalysisCancelledException;
import dev.heapdelta.analyzer.source.AnalysisPhase;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.DumpFormatException;
import dev.heapdelta.analyzer.source.ProgressListener;
import dev.heapdelta.analyzer.testing.TestEnvironment;
import dev.heapdelta.app.gui.session.SnapshotSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dumps named on the app's command line are loaded while the window is built and handed to the window's
 * load: each read once, with its progress and its failure as if the window had read it; other options or files
 * are read as usual; the window's Cancel stops them.
 */
class StartupLoadsTest {
    @TempDir
    Path cache;

    private final AtomicInteger reads = new AtomicInteger();
    private final List<Path> read = new CopyOnWriteArrayList<>();

    /** The analyzer's loader, counting what it reads, its cache this test's own. */
    private final SnapshotSource analyzer = (file, name, options, cancel, progress) -> {
        reads.incrementAndGet();
        read.add(file);
        return SnapshotLoader.loadUnsaved(file, name, options.withIndexCache(false), cancel, progress);
    };

    private static List<Path> example() {
        Path java = TestEnvironment.repositoryRoot().resolve("sample-dumps/java");
        return List.of(java.resolve("leaks-t0.hprof.gz"), java.resolve("leaks-t1.hprof.gz"));
    }

    private static AnalysisOptions defaults(Path cache) {
        return AnalysisOptions.defaults().withCacheDirectory(cache);
    }

    @Test
    void theNamedDumpsAreReadOnceAheadAndHandedToTheWindowsLoadInOrderWithTheirProgress() throws Exception {
        List<Path> files = example();
        StartupLoads loads = StartupLoads.begin(files, defaults(cache), analyzer);
        for (Path file : files) {
            List<AnalysisPhase> phases = new CopyOnWriteArrayList<>();
            try (Snapshot snapshot = loads.load(file, file.toString(), defaults(cache), new CancelSignal(),
                    (phase, done, total) -> phases.add(phase))) {
                assertEquals(file.toString(), snapshot.file());
                try (Snapshot direct = SnapshotLoader.loadUnsaved(file, file.toString(),
                        defaults(cache).withIndexCache(false), CancelSignal.NEVER, ProgressListener.NONE)) {
                    assertEquals(direct.objectCount(), snapshot.objectCount());
                    assertEquals(direct.totalShallowBytes(), snapshot.totalShallowBytes());
                }
                // Where the load stood when the window asked, then what followed: it ends done.
                assertFalse(phases.isEmpty(), file.toString());
                assertEquals(AnalysisPhase.DONE, phases.get(phases.size() - 1));
            }
        }
        assertEquals(files, read, "each named dump read once, in order");
    }

    @Test
    void aDumpAskedForWithOtherOptionsIsReadAsUsualAndTheNamedOnesAreLeft() throws Exception {
        List<Path> files = example();
        StartupLoads loads = StartupLoads.begin(files, defaults(cache), analyzer);
        AnalysisOptions ignoring = defaults(cache).withWeakReferences(WeakReferencePolicy.IGNORE);
        try (Snapshot snapshot = loads.load(files.get(0), files.get(0).toString(), ignoring, new CancelSignal(),
                ProgressListener.NONE)) {
            assertEquals(ignoring.weakReferences(), snapshot.options().weakReferences());
        }
        // The named loads are stopped: nothing will ask for them; a second ask reads again.
        try (Snapshot again = loads.load(files.get(1), files.get(1).toString(), defaults(cache), new CancelSignal(),
                ProgressListener.NONE)) {
            assertEquals(files.get(1).toString(), again.file());
        }
        assertTrue(reads.get() >= 2 && reads.get() <= 4, reads + " reads");
    }

    @Test
    void aNamedDumpThatCannotBeReadFailsTheWindowsLoadWithTheReadersErrorAndStopsTheOnesAfterIt(@TempDir Path dumps)
            throws Exception {
        Path damaged = Files.write(dumps.resolve("damaged.hprof"), "JAVA PROFILE 1.0.2\0garbage".getBytes());
        Path after = example().get(0);
        StartupLoads loads = StartupLoads.begin(List.of(damaged, after), defaults(cache), analyzer);
        DumpFormatException failure = assertThrows(DumpFormatException.class, () -> loads.load(damaged,
                damaged.toString(), defaults(cache), new CancelSignal(), ProgressListener.NONE));
        assertEquals(damaged.toString(), failure.file());
        assertEquals(List.of(damaged), read, "the dump after a failure is not read");
    }

    @Test
    void theWindowsCancelStopsTheLoadItWaitsForAtItsNextCheck() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<CancelSignal> seen = new CompletableFuture<>();
        // A read that stands still until its own signal is raised, as a reader checks its signal in its loops.
        SnapshotSource slow = (file, name, options, cancel, progress) -> {
            seen.complete(cancel);
            started.countDown();
            while (true) {
                cancel.throwIfCancelled();
                Thread.onSpinWait();
            }
        };
        Path file = example().get(0);
        StartupLoads loads = StartupLoads.begin(List.of(file), defaults(cache), slow);
        CancelSignal windowsCancel = new CancelSignal();
        CompletableFuture<Snapshot> asked = CompletableFuture.supplyAsync(() -> {
            try {
                return loads.load(file, file.toString(), defaults(cache), windowsCancel, ProgressListener.NONE);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertTrue(started.await(30, TimeUnit.SECONDS));
        assertFalse(seen.get().isCancelled());
        windowsCancel.cancel();
        Throwable ended = assertThrows(java.util.concurrent.ExecutionException.class,
                () -> asked.get(30, TimeUnit.SECONDS)).getCause();
        assertSame(AnalysisCancelledException.class, ended.getClass());
        assertTrue(seen.get().isCancelled(), "the read's own signal was raised");
    }
}
