package dev.heapdelta.analyzer.analysis;

import dev.heapdelta.analyzer.dominators.DominatorTree;
import dev.heapdelta.analyzer.dominators.RetentionRule;
import dev.heapdelta.analyzer.graph.HeapFormat;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.hprof.HprofReader;
import dev.heapdelta.analyzer.query.ClassHistogram;
import dev.heapdelta.analyzer.source.AnalysisPhase;
import dev.heapdelta.analyzer.source.ArchiveMember;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.DumpFormatException;
import dev.heapdelta.analyzer.source.DumpKind;
import dev.heapdelta.analyzer.source.FormatDetector;
import dev.heapdelta.analyzer.source.ProgressListener;
import dev.heapdelta.analyzer.source.ReadOptions;
import dev.heapdelta.analyzer.store.StoragePolicy;
import dev.heapdelta.analyzer.v8.V8SnapshotReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a dump of either format and runs the shared pipeline: graph, dominators, histogram. */
public final class SnapshotLoader {
    private SnapshotLoader() {
    }

    /**
     * @param file the dump, or a member of a zip archive as {@code archive.zip!entry} ({@link ArchiveMember})
     * @param displayName the path as the user gave it, for messages and the JSON {@code file}
     * @throws DumpFormatException when the file is not a dump HeapDelta can read, or holds nothing to analyse
     */
    public static Snapshot load(Path file, String displayName, AnalysisOptions options, CancelSignal cancel,
            ProgressListener listener) throws IOException {
        Snapshot snapshot = loadUnsaved(file, displayName, options, cancel, listener);
        snapshot.saveToIndexCache();
        return snapshot;
    }

    /**
     * Like {@link #load}, but a fresh analysis is not yet saved to the index cache: the caller shows its
     * results first and then calls {@link Snapshot#saveToIndexCache()} (writing the entry of a 2 GB dump
     * takes seconds).
     */
    public static Snapshot loadUnsaved(Path file, String displayName, AnalysisOptions options, CancelSignal cancel,
            ProgressListener listener) throws IOException {
        return loadUnsaved(file, displayName, options, false, cancel, listener);
    }

    /**
     * Like {@link #loadUnsaved}, but a dump reopened from its index-cache entry keeps the entry's arrays
     * mapped where they lie, read-only, instead of copying those that fit onto the heap: what the app takes,
     * which shows a reopened dump at once (the copy of a 2 GB dump's entry took 7 s) and reads it at the pace
     * of its views. The checksums of the mapped images are left to {@link Snapshot#checkIndexCacheEntry()}, which
     * the caller runs once the dump is shown, before trusting more of it (reading the pages for them took 1 to 2 s
     * and made the 1.7 GB entry resident). A fresh analysis is placed as by {@link #loadUnsaved}.
     */
    public static Snapshot loadUnsavedKeepingEntryMapped(Path file, String displayName, AnalysisOptions options,
            CancelSignal cancel, ProgressListener listener) throws IOException {
        return loadUnsaved(file, displayName, options, true, cancel, listener);
    }

    private static Snapshot loadUnsaved(Path file, String displayName, AnalysisOptions options,
            boolean entryInPlace, CancelSignal cancel, ProgressListener listener) throws IOException {
        ProgressListener progress = cancellingAt(listener, cancel);
        long started = System.nanoTime();
        if (!Files.exists(file)) {
            ArchiveMember member = ArchiveMember.parse(file.toString());
            if (member != null) {
                Path copy = member.copyInto(options.readOptions(displayName).cacheDirectoryOrDefault());
                return loadUnsaved(copy, displayName, options, entryInPlace, cancel, listener);
            }
            // Not a damaged dump but a wrong path: the CLI says "file not found", the app offers another file.
            throw new NoSuchFileException(displayName);
        }
        if (!Files.isRegularFile(file)) {
            throw new DumpFormatException(displayName, 0, "not a regular file");
        }
        if (Files.size(file) == 0) {
            throw new DumpFormatException(displayName, 0, "empty file");
        }
        FormatDetector.Detected detected = FormatDetector.detect(file);
        IndexCache cache = null;
        if (options.useIndexCache() && detected.kind() != DumpKind.UNKNOWN) {
            cache = IndexCache.forDump(file, detected.kind(), options,
                    options.readOptions(displayName).cacheDirectoryOrDefault());
            Snapshot reopened = cache.reopen(displayName, options, entryInPlace, cancel, progress, started);
            if (reopened != null) {
                return reopened;
            }
        }
        Snapshot snapshot;
        try {
            snapshot = readAndAnalyse(file, displayName, detected, options, cancel, progress, started);
        } catch (OutOfMemoryError e) {
            if (options.storage() != StoragePolicy.AUTO) {
                throw e;
            }
            // The footprint estimate fell short. What the attempt built is garbage now, and out of core the
            // columns leave the heap: try once more there rather than fail.
            snapshot = readAndAnalyse(file, displayName, detected, options.withStorage(StoragePolicy.MAPPED), cancel,
                    progress, System.nanoTime());
        }
        if (cache != null) {
            snapshot.deferIndexCacheSave(cache);
        }
        return snapshot;
    }

    private static Snapshot readAndAnalyse(Path file, String displayName, FormatDetector.Detected detected,
            AnalysisOptions options, CancelSignal cancel, ProgressListener progress, long started) throws IOException {
        ReadOptions readOptions = options.readOptions(displayName);
        progress.progress(AnalysisPhase.SCAN, 0, Files.size(file));
        HeapGraph graph = switch (detected.kind()) {
            case HPROF -> HprofReader.read(file, readOptions, cancel, progress);
            case V8_SNAPSHOT -> V8SnapshotReader.read(file, readOptions, cancel, progress);
            case UNKNOWN -> throw new DumpFormatException(displayName, 0,
                    "not a heap dump (neither an HPROF header nor a V8 heap snapshot)"
                            + (detected.compressed() ? " inside the " + detected.compression().label() + " stream" : ""));
        };
        try {
            return analyse(graph, displayName, options, cancel, progress, started);
        } catch (OutOfMemoryError | RuntimeException e) {
            graph.close();
            throw e;
        }
    }

    /**
     * Runs the shared pipeline on a graph that is already built: for tools and tests that make graphs
     * themselves. The graph belongs to the returned snapshot, which closes it.
     */
    public static Snapshot analyse(HeapGraph graph, String displayName, AnalysisOptions options, CancelSignal cancel,
            ProgressListener progress) {
        return analyse(graph, displayName, options, cancel, cancellingAt(progress, cancel), System.nanoTime());
    }

    private static Snapshot analyse(HeapGraph graph, String displayName, AnalysisOptions options,
            CancelSignal cancel, ProgressListener progress, long started) {
        long read = System.nanoTime();

        RetentionRule rule = ruleFor(graph, options);
        int attach = attachPointFor(graph, options);
        DominatorTree tree = DominatorTree.compute(graph, rule, attach, cancel, progress);
        long dominated = System.nanoTime();

        progress.progress(AnalysisPhase.HISTOGRAM, 0, -1);
        cancel.throwIfCancelled();
        ClassHistogram histogram = ClassHistogram.of(tree);
        long finished = System.nanoTime();
        progress.progress(AnalysisPhase.DONE, 1, 1);

        long buildMillis = graph.buildNanos() / 1_000_000;
        PhaseTimings timings = new PhaseTimings(
                Math.max(0, (read - started) / 1_000_000 - buildMillis),
                buildMillis,
                (dominated - read) / 1_000_000,
                (finished - dominated) / 1_000_000,
                (finished - started) / 1_000_000);
        return new Snapshot(displayName, graph, tree, histogram, options, timings);
    }

    /**
     * Every progress report is also a cancellation point: a phase too short to reach its loops'
     * periodic checks still stops as soon as the user cancels.
     */
    private static ProgressListener cancellingAt(ProgressListener listener, CancelSignal cancel) {
        return (phase, done, total) -> {
            listener.progress(phase, done, total);
            cancel.throwIfCancelled();
        };
    }

    static RetentionRule ruleFor(HeapGraph graph, AnalysisOptions options) {
        if (graph.format() == HeapFormat.V8) {
            return RetentionRule.devTools(graph);
        }
        return options.weakReferences() == WeakReferencePolicy.IGNORE
                ? RetentionRule.ignoringReferents()
                : RetentionRule.matDefault();
    }

    /** V8 hangs unreachable nodes from the synthetic root as DevTools does; HPROF drops them unless asked. */
    static int attachPointFor(HeapGraph graph, AnalysisOptions options) {
        if (graph.format() == HeapFormat.V8) {
            return graph.syntheticRoot();
        }
        return options.keepUnreachable() ? graph.objectCount() : -1;
    }
}
