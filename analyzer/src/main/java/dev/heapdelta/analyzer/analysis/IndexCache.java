package dev.heapdelta.analyzer.analysis;

import dev.heapdelta.analyzer.dominators.DominatorTree;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.hprof.HprofDetailsImage;
import dev.heapdelta.analyzer.query.ClassHistogram;
import dev.heapdelta.analyzer.source.AnalysisPhase;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.DumpKind;
import dev.heapdelta.analyzer.source.ProgressListener;
import dev.heapdelta.analyzer.store.ColumnFileException;
import dev.heapdelta.analyzer.store.ColumnStore;
import dev.heapdelta.analyzer.store.PrivateDirectory;
import dev.heapdelta.analyzer.store.StorageChoice;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;

/**
 * Saved analyses of dumps, like Eclipse MAT's index files beside a dump, so that reopening a dump
 * skips the parse and the dominator computation. Entries live in {@code index/<key>/} of the cache
 * directory ({@link IndexCacheKey}, {@link IndexCacheEntry}); one is written into a temporary directory
 * and renamed into place, so a crash never leaves a half entry under a key. A damaged entry is deleted
 * with a warning and the dump analysed afresh: the cache never makes a load fail.
 */
final class IndexCache {
    private static final String TEMPORARY_PREFIX = ".writing-";
    /** Disk space left free after an entry is written: never fill the disk with the cache. */
    private static final long SPACE_MARGIN = 256L << 20;

    private final Path root;
    private final Path entryDirectory;
    private final Path file;
    private final Path cacheDirectory;
    private final DumpKind kind;
    private String warning;

    private IndexCache(Path root, String key, Path file, DumpKind kind, Path cacheDirectory) {
        this.root = root;
        this.kind = kind;
        this.entryDirectory = root.resolve(key);
        this.file = file;
        this.cacheDirectory = cacheDirectory;
    }

    /** The cache slot of {@code file} analysed with {@code options}, in {@code cacheDirectory/index}. */
    static IndexCache forDump(Path file, DumpKind kind, AnalysisOptions options, Path cacheDirectory)
            throws IOException {
        return new IndexCache(cacheDirectory.resolve("index"), IndexCacheKey.of(file, kind, options), file,
                kind, cacheDirectory);
    }

    /** Where this dump's entry is, or would be written. */
    Path entryDirectory() {
        return entryDirectory;
    }

    static boolean isTemporary(Path directory) {
        return directory.getFileName().toString().startsWith(TEMPORARY_PREFIX);
    }

    /**
     * The snapshot rebuilt from this dump's entry, or null on a miss (no entry, a damaged one, or a
     * gzipped dump whose inflated copy is gone).
     *
     * @param arraysInPlace map the entry's arrays where they lie instead of copying those that fit onto the heap
     */
    Snapshot reopen(String displayName, AnalysisOptions options, boolean arraysInPlace, CancelSignal cancel,
            ProgressListener progress, long started) throws IOException {
        IndexCacheEntry entry;
        try {
            entry = IndexCacheEntry.open(entryDirectory);
            if (entry == null) {
                return null;
            }
            // V8 details need nothing from the file; HPROF ones read records from it or its inflated copy.
            Path recordFile = kind == DumpKind.HPROF ? HprofDetailsImage.recordFile(file, cacheDirectory) : file;
            if (recordFile == null) {
                return null;
            }
            progress.progress(AnalysisPhase.SCAN, 0, entry.graphBytes());
            // The graph's columns go where a fresh analysis would put them: the heap, or mapped files.
            ColumnStore store = StorageChoice.choose(options.storage(), entry.imageBytes(),
                    options.readOptions(displayName).columnDirectory());
            HeapGraph graph = entry.graph(recordFile, store, arraysInPlace);
            boolean handedOver = false;
            try {
                progress.progress(AnalysisPhase.SCAN, entry.graphBytes(), entry.graphBytes());
                progress.progress(AnalysisPhase.GRAPH, 1, 1);
                long read = System.nanoTime();
                progress.progress(AnalysisPhase.DOMINATORS, 0, graph.objectCount());
                DominatorTree tree = entry.tree(graph, SnapshotLoader.ruleFor(graph, options), arraysInPlace);
                progress.progress(AnalysisPhase.RETAINED_SIZES, tree.reachableCount(), tree.reachableCount());
                long dominated = System.nanoTime();
                progress.progress(AnalysisPhase.HISTOGRAM, 0, -1);
                ClassHistogram histogram = entry.histogram(graph);
                long finished = System.nanoTime();
                progress.progress(AnalysisPhase.DONE, 1, 1);
                touch(entryDirectory);
                PhaseTimings timings = new PhaseTimings((read - started) / 1_000_000, 0,
                        (dominated - read) / 1_000_000, (finished - dominated) / 1_000_000,
                        (finished - started) / 1_000_000);
                Snapshot snapshot = new Snapshot(displayName, graph, tree, histogram, options, timings);
                snapshot.recordIndexCache(new IndexCacheUse(IndexCacheUse.Status.REUSED, entryDirectory, null));
                if (arraysInPlace) {
                    snapshot.deferIndexCacheCheck(() -> checkLater(entry));
                }
                handedOver = true;
                return snapshot;
            } finally {
                if (!handedOver) {
                    graph.close();
                }
            }
        } catch (ColumnFileException e) {
            // The mapped store's directory or disk failed, not the entry: keep it; a fresh analysis would fail alike.
            throw e;
        } catch (IOException | UncheckedIOException e) {
            discardDamaged(e);
            return null;
        } catch (NullPointerException | IndexOutOfBoundsException | IllegalArgumentException
                | NegativeArraySizeException e) {
            // The checksums are checked at each file's end, so a damaged field can trip an image reader
            // before that: it is damage all the same, and the dump is analysed afresh.
            discardDamaged(new IOException("unreadable entry (" + e + ")", e));
            return null;
        }
    }

    /**
     * The check of an entry reopened with its arrays in place, run once it is shown: a damaged one is deleted,
     * as at once otherwise, and its snapshot must be replaced by a fresh analysis.
     */
    private void checkLater(IndexCacheEntry entry) throws DamagedIndexCacheEntryException {
        try {
            entry.checkMappedImages();
        } catch (IOException | UncheckedIOException e) {
            discardDamaged(e);
            throw new DamagedIndexCacheEntryException(warning, e);
        }
    }

    /** Saves a fresh, complete analysis for the next load; how it went is recorded on the snapshot. */
    void save(Snapshot snapshot) {
        HeapGraph graph = snapshot.graph();
        if (graph.info().partial() || !IndexCacheEntry.canSave(graph)) {
            snapshot.recordIndexCache(new IndexCacheUse(IndexCacheUse.Status.NOT_SAVED, null, warning));
            return;
        }
        Path temporary = null;
        try {
            PrivateDirectory.create(root);
            long free = Files.getFileStore(root).getUsableSpace();
            if (free < estimatedBytes(graph) + SPACE_MARGIN) {
                snapshot.recordIndexCache(new IndexCacheUse(IndexCacheUse.Status.NOT_SAVED, null, join(warning,
                        "index cache: not saved, " + free / (1 << 20) + " MB free in " + root)));
                return;
            }
            temporary = Files.createTempDirectory(root, TEMPORARY_PREFIX);
            IndexCacheEntry.write(temporary, graph, snapshot.dominatorTree(), snapshot.histogram(),
                    file.toAbsolutePath().toString());
            IndexCachePruning.deleteTree(entryDirectory);
            moveIntoPlace(temporary, entryDirectory);
            IndexCachePruning.prune(root, IndexCachePruning.budget(root), entryDirectory);
            snapshot.recordIndexCache(new IndexCacheUse(IndexCacheUse.Status.SAVED, entryDirectory, warning));
        } catch (IOException | UncheckedIOException e) {
            snapshot.recordIndexCache(new IndexCacheUse(IndexCacheUse.Status.NOT_SAVED, null,
                    join(warning, "index cache: not saved in " + root + ": " + e.getMessage())));
        } finally {
            if (temporary != null && Files.exists(temporary)) {
                deleteQuietly(temporary);
            }
        }
    }

    /** What the graph and tree take on disk, about: their columns plus a little. */
    private static long estimatedBytes(HeapGraph graph) {
        return 45L * graph.objectCount() + 9L * graph.edgeCount() + (1 << 20);
    }

    private void discardDamaged(Exception problem) {
        String message = problem instanceof UncheckedIOException unchecked ? unchecked.getCause().getMessage()
                : problem.getMessage();
        warning = "index cache: ignored a damaged entry (" + message + "); deleted it and analysed the dump afresh";
        deleteQuietly(entryDirectory);
    }

    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            // Another process saved the same analysis a moment ago: keep theirs.
        }
    }

    /** A reuse makes the entry the most recently used one for pruning. */
    static void touch(Path directory) {
        try {
            Files.setLastModifiedTime(directory.resolve(IndexCacheEntry.MANIFEST), FileTime.fromMillis(
                    System.currentTimeMillis()));
        } catch (IOException e) {
            // A read-only cache still serves; it only prunes less well.
        }
    }

    private static void deleteQuietly(Path directory) {
        try {
            IndexCachePruning.deleteTree(directory);
        } catch (IOException e) {
            // Left for the next pruning: a temporary directory is never taken for an entry.
        }
    }

    private static String join(String first, String second) {
        return first == null ? second : first + "; " + second;
    }
}
