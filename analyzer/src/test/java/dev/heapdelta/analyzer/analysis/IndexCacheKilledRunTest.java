package dev.heapdelta.analyzer.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.ProgressListener;
import dev.heapdelta.analyzer.testing.SmallJvmDump;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed while its index-cache entry is being written (its graph's files written ahead during the
 * analysis, the rest not yet) leaves no entry under the dump's key: the next load analyses afresh and
 * saves a complete one.
 */
class IndexCacheKilledRunTest {
    @TempDir
    Path directory;

    /** The child: analyses a dump with the graph's files written ahead, says so, and waits to be killed. */
    public static void main(String[] args) throws Exception {
        AnalysisOptions options = AnalysisOptions.defaults().withCacheDirectory(Path.of(args[1]));
        Snapshot snapshot = SnapshotLoader.loadUnsaved(Path.of(args[0]), args[0], options, CancelSignal.NEVER,
                ProgressListener.NONE);
        System.out.println("analysed " + snapshot.objectCount());
        System.out.flush();
        Thread.sleep(TimeUnit.MINUTES.toMillis(5));
    }

    @Test
    void aRunKilledBetweenTheGraphFilesAndTheRenameLeavesNoHalfEntryAndTheNextLoadSavesAWholeOne()
            throws Exception {
        Path dump = directory.resolve("live.hprof");
        SmallJvmDump.write(dump);
        Path cache = directory.resolve("cache");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                IndexCacheKilledRunTest.class.getName(), dump.toString(), cache.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertTrue(line != null && line.startsWith("analysed "), "the child's output: " + line);
            Path temporary = awaitGraphWrittenAhead(cache);
            assertFalse(Files.exists(temporary.resolve(IndexCacheEntry.MANIFEST)), "no manifest before the rename");
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child was killed");
        }

        AnalysisOptions options = AnalysisOptions.defaults().withCacheDirectory(cache);
        assertEquals(List.of(), IndexCacheTest.entriesIn(cache), "no entry under the dump's key");
        assertNull(IndexCacheResults.find(dump, "live.hprof", options), "nothing for a reopening to use");
        try (Snapshot fresh = SnapshotLoader.load(dump, "live.hprof", options, CancelSignal.NEVER,
                ProgressListener.NONE)) {
            assertEquals(IndexCacheUse.Status.SAVED, fresh.indexCache().status(), String.valueOf(fresh.indexCache()));
        }
        try (Snapshot reopened = SnapshotLoader.load(dump, "live.hprof", options, CancelSignal.NEVER,
                ProgressListener.NONE);
                Snapshot analysed = SnapshotLoader.load(dump, "live.hprof", options.withIndexCache(false),
                        CancelSignal.NEVER, ProgressListener.NONE)) {
            assertEquals(IndexCacheUse.Status.REUSED, reopened.indexCache().status());
            assertEquals(analysed.objectCount(), reopened.objectCount());
            assertEquals(analysed.totalShallowBytes(), reopened.totalShallowBytes());
            assertEquals(analysed.dominatorTree().retainedSizeOf(analysed.dominatorRoot()),
                    reopened.dominatorTree().retainedSizeOf(reopened.dominatorRoot()));
        }
    }

    /** The temporary directory whose graph image the child is writing or has written; waits up to 30 s. */
    private static Path awaitGraphWrittenAhead(Path cache) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(cache.resolve("index"))) {
                try (Stream<Path> children = Files.list(cache.resolve("index"))) {
                    List<Path> ahead = children.filter(IndexCache::isTemporary)
                            .filter(p -> Files.exists(p.resolve("graph.bin"))).toList();
                    if (!ahead.isEmpty()) {
                        return ahead.get(0);
                    }
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the child wrote no graph image ahead in " + cache);
    }
}
