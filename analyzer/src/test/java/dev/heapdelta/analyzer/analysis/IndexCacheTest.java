package dev.heapdelta.analyzer.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.report.SummaryReports;
import dev.heapdelta.analyzer.source.AnalysisPhase;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.ProgressListener;
import dev.heapdelta.analyzer.store.ColumnFileException;
import dev.heapdelta.analyzer.store.StoragePolicy;
import dev.heapdelta.analyzer.testing.SmallJvmDump;
import dev.heapdelta.analyzer.testing.TestEnvironment;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reopening a dump analysed before rebuilds the same snapshot from the index cache, and only then. */
class IndexCacheTest {
    @TempDir
    static Path dumps;
    @TempDir
    Path cache;
    private static Path hprof;
    private static Path gzippedHprof;
    private static Path v8;

    @BeforeAll
    static void makeDumps() throws IOException {
        hprof = dumps.resolve("live.hprof");
        SmallJvmDump.write(hprof);
        gzippedHprof = dumps.resolve("live.hprof.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzippedHprof))) {
            Files.copy(hprof, out);
        }
        v8 = dumps.resolve("leaks-t1.heapsnapshot.gz");
        Files.copy(TestEnvironment.repositoryRoot().resolve("sample-dumps/node/leaks-t1.heapsnapshot.gz"), v8,
                StandardCopyOption.REPLACE_EXISTING);
    }

    private Snapshot load(Path file, AnalysisOptions options) throws IOException {
        return SnapshotLoader.load(file, file.toString(), options.withCacheDirectory(cache), CancelSignal.NEVER,
                ProgressListener.NONE);
    }

    private Snapshot load(Path file) throws IOException {
        return load(file, AnalysisOptions.defaults());
    }

    private void assertReopenedIsTheSame(Path file) throws IOException {
        try (Snapshot fresh = load(file); Snapshot reopened = load(file)) {
            assertEquals(IndexCacheUse.Status.SAVED, fresh.indexCache().status(), String.valueOf(fresh.indexCache()));
            assertEquals(IndexCacheUse.Status.REUSED, reopened.indexCache().status(), String.valueOf(reopened.indexCache()));
            assertEquals(fresh.indexCache().entry(), reopened.indexCache().entry());
            assertTrue(reopened.indexCache().entry().startsWith(cache.resolve("index")));
            SameAnalysis.assertSame(fresh, reopened);
        }
    }

    @Test
    void aReopenedHprofDumpIsTheSameSnapshot() throws IOException {
        assertReopenedIsTheSame(hprof);
    }

    @Test
    void aReopenedGzippedHprofDumpIsTheSameSnapshot() throws IOException {
        assertReopenedIsTheSame(gzippedHprof);
    }

    @Test
    void aReopenedV8SnapshotIsTheSameSnapshot() throws IOException {
        assertReopenedIsTheSame(v8);
    }

    @Test
    void aGzippedDumpWhoseInflatedCopyIsGoneIsAnalysedAfresh() throws IOException {
        load(gzippedHprof).close();
        try (var inflated = Files.list(cache)) {
            for (Path copy : inflated.filter(p -> p.toString().endsWith(".hprof")).toList()) {
                Files.delete(copy);
            }
        }
        try (Snapshot again = load(gzippedHprof)) {
            assertEquals(IndexCacheUse.Status.SAVED, again.indexCache().status());
            assertNull(again.indexCache().warning());
        }
    }

    @Test
    void aReopenedDumpReportsEveryPhaseSoThatProgressMovesOn() throws IOException {
        load(hprof).close();
        Set<AnalysisPhase> phases = EnumSet.noneOf(AnalysisPhase.class);
        try (Snapshot reopened = SnapshotLoader.load(hprof, "live.hprof",
                AnalysisOptions.defaults().withCacheDirectory(cache), CancelSignal.NEVER,
                (phase, done, total) -> phases.add(phase))) {
            assertEquals(IndexCacheUse.Status.REUSED, reopened.indexCache().status(), String.valueOf(reopened.indexCache()));
        }
        assertEquals(EnumSet.of(AnalysisPhase.SCAN, AnalysisPhase.GRAPH, AnalysisPhase.DOMINATORS,
                AnalysisPhase.RETAINED_SIZES, AnalysisPhase.HISTOGRAM, AnalysisPhase.DONE), phases);
    }

    @Test
    void aDumpWithANewModificationTimeIsAnalysedAfresh() throws IOException {
        Path copy = copyOf(hprof, "touched.hprof");
        load(copy).close();
        Files.setLastModifiedTime(copy, FileTime.fromMillis(Files.getLastModifiedTime(copy).toMillis() + 2_000));
        try (Snapshot again = load(copy)) {
            assertEquals(IndexCacheUse.Status.SAVED, again.indexCache().status());
        }
    }

    @Test
    void aDumpRewrittenInPlaceWithTheSameSizeHeadAndTimeButAnotherTailIsAnalysedAfresh() throws IOException {
        Path copy = copyOf(hprof, "rewritten.hprof");
        load(copy).close();
        long size = Files.size(copy);
        overwriteKeepingTime(copy, size - 20_000);
        try (Snapshot again = load(copy)) {
            assertFalse(again.indexCache().status() == IndexCacheUse.Status.REUSED);
        }
    }

    @Test
    void aDumpWithAnotherHeadButTheSameSizeAndTimeIsAnalysedAfresh() throws IOException {
        Path copy = copyOf(hprof, "rewritten-head.hprof");
        load(copy).close();
        overwriteKeepingTime(copy, 40);
        try (Snapshot again = load(copy)) {
            assertFalse(again.indexCache().status() == IndexCacheUse.Status.REUSED);
        }
    }

    @Test
    void optionsThatChangeTheResultUseEntriesOfTheirOwn() throws IOException {
        load(hprof).close();
        for (AnalysisOptions other : List.of(
                AnalysisOptions.defaults().withWeakReferences(WeakReferencePolicy.IGNORE),
                new AnalysisOptions(WeakReferencePolicy.MAT, true, 0, null, StoragePolicy.AUTO, true))) {
            try (Snapshot snapshot = load(hprof, other)) {
                assertEquals(IndexCacheUse.Status.SAVED, snapshot.indexCache().status(), other.toString());
            }
            try (Snapshot snapshot = load(hprof, other); Snapshot fresh = load(hprof, other.withIndexCache(false))) {
                assertEquals(IndexCacheUse.Status.REUSED, snapshot.indexCache().status(), other.toString());
                SameAnalysis.assertSame(fresh, snapshot);
            }
        }
    }

    @Test
    void aV8SnapshotIgnoresTheHprofOnlyOptionsInItsKey() throws IOException {
        load(v8).close();
        try (Snapshot snapshot = load(v8, AnalysisOptions.defaults().withWeakReferences(WeakReferencePolicy.IGNORE))) {
            assertEquals(IndexCacheUse.Status.REUSED, snapshot.indexCache().status());
        }
    }

    @Test
    void aDumpToBeAnalysedOutOfCoreIsReopenedIntoMappedColumns() throws IOException {
        AnalysisOptions mapped = AnalysisOptions.defaults().withStorage(StoragePolicy.MAPPED);
        try (Snapshot fresh = load(hprof, AnalysisOptions.defaults().withStorage(StoragePolicy.HEAP));
                Snapshot reopened = load(hprof, mapped)) {
            assertEquals(IndexCacheUse.Status.REUSED, reopened.indexCache().status());
            assertTrue(reopened.graph().store().isMapped());
            // The entry's arrays are mapped where they lie: the only new files are the tree's child lists
            // (two ints per object), rebuilt from the immediate dominators, and the id bitmap's word of every
            // 32nd object (an int); a copy would add the graph's.
            int objects = reopened.graph().objectCount();
            long rebuilt = 4L * (2L * objects + 3) + 4L * ((objects + 31) / 32);
            assertTrue(reopened.graph().store().mappedBytes() <= rebuilt,
                    reopened.graph().store().mappedBytes() + " bytes mapped anew, beyond " + rebuilt);
            SameAnalysis.assertSame(fresh, reopened);
        }
        try (Snapshot fresh = load(v8, mapped); Snapshot reopened = load(v8, mapped)) {
            assertEquals(IndexCacheUse.Status.REUSED, reopened.indexCache().status());
            assertTrue(reopened.graph().store().isMapped());
            SameAnalysis.assertSame(fresh, reopened);
        }
    }

    @Test
    void aDumpReopenedKeepingItsEntryMappedIsTheSameSnapshotWithItsArraysMappedAndNewColumnsOnTheHeap()
            throws IOException {
        for (Path file : List.of(hprof, v8)) {
            try (Snapshot fresh = load(file)) {
                long mappedBefore = settledMappedBufferBytes();
                try (Snapshot reopened = loadKeepingEntryMapped(file)) {
                    assertEquals(IndexCacheUse.Status.REUSED, reopened.indexCache().status(), file.toString());
                    // The store, where new columns go (child lists, paths), is the heap's as for a fresh analysis.
                    assertFalse(reopened.graph().store().isMapped(), file.toString());
                    assertEquals(0, reopened.graph().store().mappedBytes());
                    // The saved arrays are the JVM's mapped buffers now: at least the edge targets and the
                    // retained sizes, beside everything else the graph and tree images hold.
                    long arrays = 4L * reopened.graph().edgeCount() + 8L * reopened.graph().objectCount();
                    long mapped = mappedBufferBytes() - mappedBefore;
                    assertTrue(mapped >= arrays, mapped + " bytes mapped, fewer than the " + arrays
                            + " of two of the arrays");
                    SameAnalysis.assertSame(fresh, reopened);
                    // Its images' checksums, left for later, pass; the entry stays.
                    reopened.checkIndexCacheEntry();
                    assertTrue(Files.exists(reopened.indexCache().entry().resolve("entry.properties")), file.toString());
                }
            }
        }
    }

    @Test
    void aDamagedEntryOfADumpReopenedKeepingItsEntryMappedIsFoundByItsLaterCheckDeletedAndAnalysedAfresh()
            throws IOException {
        for (String file : List.of("graph.bin", "tree.bin")) {
            Path entry = savedEntryOf(hprof);
            try (RandomAccessFile raf = new RandomAccessFile(entry.resolve(file).toFile(), "rw")) {
                // Deep inside the mapped arrays, which the checksum reads from the mapping.
                long at = raf.length() * 3 / 4;
                raf.seek(at);
                int b = raf.read();
                raf.seek(at);
                raf.write(b ^ 0x01);
            }
            // Shown at once, its mapped images unchecked; their check finds the damage and deletes the entry.
            try (Snapshot shown = loadKeepingEntryMapped(hprof)) {
                assertEquals(IndexCacheUse.Status.REUSED, shown.indexCache().status(), file);
                DamagedIndexCacheEntryException damage = assertThrows(DamagedIndexCacheEntryException.class,
                        shown::checkIndexCacheEntry, file);
                assertTrue(damage.getMessage().startsWith("index cache: ignored a damaged entry ("), damage.getMessage());
                assertTrue(damage.getMessage().contains(file + ": checksum mismatch"), damage.getMessage());
                assertFalse(Files.exists(entry), "the damaged entry is deleted: " + file);
                // Every later check says the same: the snapshot is not to be trusted.
                assertThrows(DamagedIndexCacheEntryException.class, shown::checkIndexCacheEntry, file);
            }
            try (Snapshot again = loadKeepingEntryMapped(hprof); Snapshot reference = load(hprof,
                    AnalysisOptions.defaults().withIndexCache(false))) {
                assertEquals(IndexCacheUse.Status.NOT_USED, again.indexCache().status(), file);
                again.saveToIndexCache();
                assertEquals(IndexCacheUse.Status.SAVED, again.indexCache().status(), file);
                SameAnalysis.assertSame(reference, again);
            }
        }
    }

    private Snapshot loadKeepingEntryMapped(Path file) throws IOException {
        return SnapshotLoader.loadUnsavedKeepingEntryMapped(file, file.toString(),
                AnalysisOptions.defaults().withCacheDirectory(cache), CancelSignal.NEVER, ProgressListener.NONE);
    }

    /** The mapped buffers once those of earlier tests' closed snapshots are collected and unmapped. */
    private static long settledMappedBufferBytes() throws IOException {
        long before = mappedBufferBytes();
        for (int round = 0; round < 10; round++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException();
            }
            long now = mappedBufferBytes();
            if (now == before) {
                return now;
            }
            before = now;
        }
        return before;
    }

    private static long mappedBufferBytes() {
        return java.lang.management.ManagementFactory.getPlatformMXBeans(java.lang.management.BufferPoolMXBean.class)
                .stream().filter(pool -> pool.getName().equals("mapped")).mapToLong(
                        java.lang.management.BufferPoolMXBean::getTotalCapacity).sum();
    }

    @Test
    void anEntryIsKeptWhenItsMappedColumnsCannotBeCreated() throws IOException {
        Path entry = savedEntryOf(hprof);
        Path columns = Files.writeString(cache.resolve("columns"), "a file where the columns' directory goes");
        AnalysisOptions mapped = AnalysisOptions.defaults().withStorage(StoragePolicy.MAPPED);
        assertThrows(ColumnFileException.class, () -> load(hprof, mapped).close());
        assertTrue(Files.exists(entry.resolve("entry.properties")), "the entry is sound: only the disk failed");
        Files.delete(columns);
        try (Snapshot reopened = load(hprof, mapped)) {
            assertEquals(IndexCacheUse.Status.REUSED, reopened.indexCache().status());
        }
    }

    @Test
    void testsNeverShareTheDefaultCacheDirectoryWithAnotherRun() {
        Path defaultCache = dev.heapdelta.analyzer.source.ReadOptions.of(hprof).cacheDirectoryOrDefault();
        assertTrue(defaultCache.getParent().getFileName().toString().startsWith("heapdelta-tests-"),
                defaultCache.toString());
    }

    @Test
    void anUnsavedLoadWritesItsEntryOnlyWhenAskedAndNeverAfterClose() throws IOException {
        AnalysisOptions options = AnalysisOptions.defaults().withCacheDirectory(cache);
        try (Snapshot unsaved = SnapshotLoader.loadUnsaved(hprof, "live.hprof", options, CancelSignal.NEVER,
                ProgressListener.NONE)) {
            assertEquals(IndexCacheUse.Status.NOT_USED, unsaved.indexCache().status());
            assertFalse(Files.exists(cache.resolve("index")), "nothing written before the caller asks");
            unsaved.saveToIndexCache();
            assertEquals(IndexCacheUse.Status.SAVED, unsaved.indexCache().status(), String.valueOf(unsaved.indexCache()));
        }
        try (Snapshot reopened = load(hprof)) {
            assertEquals(IndexCacheUse.Status.REUSED, reopened.indexCache().status());
        }
        Snapshot closed = SnapshotLoader.loadUnsaved(v8, "t1", options, CancelSignal.NEVER, ProgressListener.NONE);
        closed.close();
        closed.saveToIndexCache();
        assertEquals(IndexCacheUse.Status.NOT_USED, closed.indexCache().status(), "a closed snapshot is not saved");
    }

    @Test
    void anEntryWrittenInTheBackgroundWhileTheReportIsMadeIsCompleteAndReopensToTheSameAnalysis()
            throws IOException {
        AnalysisOptions options = AnalysisOptions.defaults().withCacheDirectory(cache);
        Snapshot written = SnapshotLoader.loadUnsaved(hprof, hprof.toString(), options, CancelSignal.NEVER,
                ProgressListener.NONE);
        written.startIndexCacheSave();
        // What summary does meanwhile: the report, with its shortest paths and path keys.
        SummaryReports.of(written, 50);
        written.pathKeyOf(written.topDominators(1)[0]);
        // Closing waits for the write: nothing half-written is left, and the entry is there.
        written.close();
        try (var left = Files.list(cache.resolve("index"))) {
            List<Path> entries = left.toList();
            assertEquals(1, entries.size(), entries.toString());
            assertFalse(IndexCache.isTemporary(entries.get(0)), entries.toString());
        }
        try (Snapshot reopened = load(hprof);
                Snapshot fresh = SnapshotLoader.load(hprof, hprof.toString(), AnalysisOptions.defaults()
                        .withIndexCache(false), CancelSignal.NEVER, ProgressListener.NONE)) {
            assertEquals(IndexCacheUse.Status.REUSED, reopened.indexCache().status(), String.valueOf(reopened.indexCache()));
            SameAnalysis.assertSame(fresh, reopened);
        }
    }

    @Test
    void aSaveAskedForAfterABackgroundStartWaitsForItAndSaysItWasSaved() throws IOException {
        AnalysisOptions options = AnalysisOptions.defaults().withCacheDirectory(cache);
        try (Snapshot snapshot = SnapshotLoader.loadUnsaved(v8, "t1", options, CancelSignal.NEVER,
                ProgressListener.NONE)) {
            snapshot.startIndexCacheSave();
            snapshot.saveToIndexCache();
            assertEquals(IndexCacheUse.Status.SAVED, snapshot.indexCache().status(), String.valueOf(snapshot.indexCache()));
            assertTrue(Files.isRegularFile(snapshot.indexCache().entry().resolve(IndexCacheEntry.MANIFEST)));
        }
    }

    @Test
    void theCacheTurnedOffNeitherReadsNorWrites() throws IOException {
        try (Snapshot snapshot = load(hprof, AnalysisOptions.defaults().withIndexCache(false))) {
            assertEquals(IndexCacheUse.Status.NOT_USED, snapshot.indexCache().status());
        }
        assertFalse(Files.exists(cache.resolve("index")));
    }

    @Test
    void aTruncatedEntryFileIsDeletedWithAWarningAndTheDumpAnalysedAfresh() throws IOException {
        for (String file : List.of("graph.bin", "details.bin", "tree.bin", "histogram.bin", "entry.properties")) {
            Path entry = savedEntryOf(hprof);
            try (RandomAccessFile raf = new RandomAccessFile(entry.resolve(file).toFile(), "rw")) {
                raf.setLength(raf.length() / 2);
            }
            assertFallsBackWithAWarning(file);
        }
    }

    @Test
    void aFlippedByteInAnEntryFileIsDeletedWithAWarningAndTheDumpAnalysedAfresh() throws IOException {
        for (String file : List.of("graph.bin", "details.bin", "tree.bin", "histogram.bin")) {
            Path entry = savedEntryOf(hprof);
            try (RandomAccessFile raf = new RandomAccessFile(entry.resolve(file).toFile(), "rw")) {
                long middle = raf.length() / 2;
                raf.seek(middle);
                int b = raf.read();
                raf.seek(middle);
                raf.write(b ^ 0x10);
            }
            assertFallsBackWithAWarning(file);
        }
    }

    @Test
    void aHalfWrittenEntryLeftByACrashIsNeverTrusted() throws IOException {
        Path entry = savedEntryOf(hprof);
        Files.delete(entry.resolve("entry.properties"));
        assertFallsBackWithAWarning("entry without manifest");
    }

    @Test
    void minusOneWrittenOverAnyFieldOfAnEntryIsDamageNotACrash() throws IOException {
        java.util.Random random = new java.util.Random(8);
        for (String file : List.of("graph.bin", "details.bin", "tree.bin", "histogram.bin")) {
            for (int round = 0; round < 4; round++) {
                Path entry = savedEntryOf(hprof);
                try (RandomAccessFile raf = new RandomAccessFile(entry.resolve(file).toFile(), "rw")) {
                    // A length or count of -1 reads as "no array": the case that reached readers before the checksum.
                    raf.seek(random.nextInt((int) Math.min(4096, raf.length() - 4)) & ~3);
                    raf.writeInt(-1);
                }
                try (Snapshot again = load(hprof)) {
                    assertEquals(IndexCacheUse.Status.SAVED, again.indexCache().status(), file + " round " + round);
                    assertTrue(again.indexCache().warning().contains("damaged"), again.indexCache().warning());
                }
            }
        }
    }

    private void assertFallsBackWithAWarning(String what) throws IOException {
        try (Snapshot again = load(hprof); Snapshot reference = load(hprof, AnalysisOptions.defaults()
                .withIndexCache(false))) {
            assertEquals(IndexCacheUse.Status.SAVED, again.indexCache().status(), what);
            assertNotNull(again.indexCache().warning(), what);
            assertTrue(again.indexCache().warning().contains("damaged"), again.indexCache().warning());
            SameAnalysis.assertSame(reference, again);
        }
        try (Snapshot third = load(hprof)) {
            assertEquals(IndexCacheUse.Status.REUSED, third.indexCache().status(), what);
        }
    }

    @Test
    void pruningDropsTheLeastRecentlyUsedEntriesBeyondTheBudget() throws IOException {
        Path old = savedEntryOf(hprof);
        Path newer = savedEntryOf(v8);
        Files.setLastModifiedTime(old.resolve("entry.properties"), FileTime.fromMillis(1_000));
        long newerBytes = IndexCachePruning.totalBytes(newer);
        IndexCachePruning.prune(cache.resolve("index"), newerBytes, newer);
        assertFalse(Files.exists(old));
        assertTrue(Files.exists(newer));
    }

    private Path savedEntryOf(Path file) throws IOException {
        try (Snapshot snapshot = load(file)) {
            Path entry = snapshot.indexCache().entry();
            assertNotNull(entry, String.valueOf(snapshot.indexCache()));
            return entry;
        }
    }

    private static Path copyOf(Path file, String name) throws IOException {
        Path copy = dumps.resolve(name);
        Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
        return copy;
    }

    /** Changes one byte at {@code offset} and puts the modification time back, as a careless rewrite could. */
    private static void overwriteKeepingTime(Path file, long offset) throws IOException {
        FileTime time = Files.getLastModifiedTime(file);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(offset);
            int b = raf.read();
            raf.seek(offset);
            raf.write(b ^ 0x01);
        }
        Files.setLastModifiedTime(file, time);
        assertEquals(time, Files.getLastModifiedTime(file));
    }
}
