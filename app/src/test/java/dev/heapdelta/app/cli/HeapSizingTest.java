package dev.heapdelta.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.analysis.AnalysisOptions;
import dev.heapdelta.analyzer.analysis.IndexCacheUse;
import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.analysis.SnapshotLoader;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.ProgressListener;
import dev.heapdelta.analyzer.testing.TestEnvironment;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The heap a command line needs is told from the dumps it names, before any is read, or not at all. */
class HeapSizingTest {
    private static final Path SAMPLES = TestEnvironment.repositoryRoot().resolve("sample-dumps");
    private static final long MEGABYTE = 1 << 20;

    @TempDir
    static Path plain;

    @TempDir
    Path cache;

    private static Path hprof;
    private static Path hprofLater;
    private static Path v8;

    @BeforeAll
    static void inflateSampleDumps() throws Exception {
        hprof = inflate("java/leaks-t0.hprof.gz", "t0.hprof");
        hprofLater = inflate("java/leaks-t2.hprof.gz", "t2.hprof");
        v8 = inflate("node/leaks-t0.heapsnapshot.gz", "t0.heapsnapshot");
    }

    private static Path inflate(String sample, String name) throws Exception {
        Path target = plain.resolve(name);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(SAMPLES.resolve(sample)))) {
            Files.copy(in, target);
        }
        return target;
    }

    private static long needed(String... args) {
        OptionalLong bytes = HeapSizing.neededBytes(args);
        assertTrue(bytes.isPresent(), "no estimate for " + String.join(" ", args));
        return bytes.getAsLong();
    }

    private static void noEstimate(String... args) {
        assertEquals(OptionalLong.empty(), HeapSizing.neededBytes(args), String.join(" ", args));
    }

    @Test
    void eachPlainDumpACommandNamesAddsMoreHeapThanItsFileToTheCommandsOwn() throws Exception {
        String a = hprof.toString();
        String b = hprofLater.toString();
        // A diff holds all its snapshots at once, whichever is read first.
        assertEquals(needed("diff", a, b, "--no-index-cache"), needed("diff", b, a, "--no-index-cache"));
        // A one-dump command other than a plain summary (which has its own measured factor).
        long oneOfB = needed("threads", b);
        long twoOfB = needed("diff", b, b, "--no-index-cache");
        long shareOfB = twoOfB - oneOfB;
        assertEquals(shareOfB, needed("diff", b, b, b, "--no-index-cache") - twoOfB, 2.0);
        // The graph's columns take more than the records they come from.
        assertTrue(shareOfB > Files.size(hprofLater), shareOfB + " for " + Files.size(hprofLater) + " bytes");
        String snapshot = v8.toString();
        long summaryOfV8 = needed("summary", snapshot, "--no-index-cache");
        long twoOfV8 = needed("diff", snapshot, snapshot, "--no-index-cache");
        assertTrue(twoOfV8 - summaryOfV8 > Files.size(v8), twoOfV8 - summaryOfV8 + " for " + Files.size(v8) + " bytes");
        // What the command takes before any dump (the JVM, the reports) comes on top once: a V8 snapshot counts
        // its peak in a diff too, so two summaries of one take that much more than its diff with itself.
        long own = 2 * summaryOfV8 - twoOfV8;
        assertTrue(own >= 64 * MEGABYTE, "the command's own heap: " + own);
        // An analysed HPROF dump keeps less than its read took: its readers are garbage when the next is read.
        assertTrue(2 * oneOfB - twoOfB > own + Files.size(hprofLater) / 10,
                twoOfB + " for two, " + oneOfB + " for one");
    }

    @Test
    void theAppOnAFileNeedsMoreThanASummaryOfItForItsIncomingReferences() {
        long summary = needed("summary", hprof.toString(), "--no-index-cache");
        long app = needed("gui", hprof.toString());
        assertTrue(app > summary, app + " <= " + summary);
    }

    @Test
    void commandsTheFilesOfWhichAreNotKnownBeforehandGetNoEstimate() {
        noEstimate();
        noEstimate("--version");
        noEstimate("summary", hprof.toString(), "--help");
        noEstimate("summary", SAMPLES.resolve("java/leaks-t0.hprof.gz").toString());
        noEstimate("diff", hprof.toString(), SAMPLES.resolve("node/leaks-t0.heapsnapshot.gz").toString());
        noEstimate("summary", "no-such-file.hprof");
        noEstimate("summary", hprof.toString(), "--top", "not-a-number");
        noEstimate("gui");
        noEstimate("bench", hprof.toString());
        noEstimate("mcp");
    }

    @Test
    void aSummaryItsIndexCacheAnswersReadsNoDumpAndNeedsNoSizedHeap() {
        String[] summary = {"summary", hprof.toString(), "--cache-dir", cache.toString()};
        needed(summary);
        CliRun first = CliRun.of(summary);
        assertEquals(ExitCode.OK, first.exitCode(), first.err());
        noEstimate(summary);
        // Its suspects are no part of the kept report: that summary reads the graph again.
        needed("summary", hprof.toString(), "--cache-dir", cache.toString(), "--suspects");
    }

    @Test
    void theAppOnDumpsThatAllHaveAnIndexCacheEntryMapsThemAndNeedsNoSizedHeap() throws Exception {
        // A copy of its own (a new modification time, so a key of its own) in the app's default cache directory.
        Path dump = Files.copy(hprof, cache.resolve("reopened.hprof"));
        needed("gui", dump.toString());
        Path entry;
        try (Snapshot opened = SnapshotLoader.load(dump, dump.toString(), AnalysisOptions.defaults(),
                CancelSignal.NEVER, ProgressListener.NONE)) {
            assertEquals(IndexCacheUse.Status.SAVED, opened.indexCache().status(), String.valueOf(opened.indexCache()));
            entry = opened.indexCache().entry();
        }
        try {
            noEstimate("gui", dump.toString());
            // Another dump without an entry is read onto the heap: the sized JVM again.
            needed("gui", dump.toString(), hprofLater.toString());
            // The command line reads graphs onto the heap, entry or not.
            needed("diff", dump.toString(), dump.toString());
        } finally {
            try (java.util.stream.Stream<Path> files = Files.walk(entry)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    @Test
    void onlyCommandsOnPlainV8SnapshotsAloneNameOnlyV8Snapshots() {
        String snapshot = v8.toString();
        assertTrue(HeapSizing.namesOnlyV8Snapshots(new String[] {"summary", snapshot}));
        assertTrue(HeapSizing.namesOnlyV8Snapshots(new String[] {"diff", snapshot, snapshot, "--no-index-cache"}));
        assertTrue(HeapSizing.namesOnlyV8Snapshots(new String[] {"oql", snapshot, "select o from Object o"}));
        assertFalse(HeapSizing.namesOnlyV8Snapshots(new String[] {"diff", snapshot, hprof.toString()}));
        assertFalse(HeapSizing.namesOnlyV8Snapshots(new String[] {"summary", hprof.toString()}));
        assertFalse(HeapSizing.namesOnlyV8Snapshots(
                new String[] {"summary", SAMPLES.resolve("node/leaks-t0.heapsnapshot.gz").toString()}));
        assertFalse(HeapSizing.namesOnlyV8Snapshots(new String[] {"summary", "no-such-file.heapsnapshot"}));
        assertFalse(HeapSizing.namesOnlyV8Snapshots(new String[] {"summary", snapshot, "--help"}));
        assertFalse(HeapSizing.namesOnlyV8Snapshots(new String[] {"bench", snapshot}));
    }

    @Test
    void theOneParseEstimateGivesWhatTheTwoQuestionsGiveApart() {
        String snapshot = v8.toString();
        for (String[] args : List.of(new String[] {"summary", snapshot}, new String[] {"summary", hprof.toString()},
                new String[] {"diff", snapshot, hprof.toString()}, new String[] {"summary", snapshot, "--help"},
                new String[] {"bench", snapshot}, new String[] {"summary", "no-such-file.heapsnapshot"})) {
            HeapSizing.Estimate estimate = HeapSizing.estimate(args);
            assertEquals(HeapSizing.neededBytes(args), estimate.neededBytes(), String.join(" ", args));
            assertEquals(HeapSizing.namesOnlyV8Snapshots(args), estimate.onlyV8Snapshots(), String.join(" ", args));
        }
        assertTrue(HeapSizing.estimate(new String[] {"summary", snapshot}).onlyV8Snapshots());
        assertTrue(HeapSizing.estimate(new String[] {"summary", hprof.toString()}).neededBytes().isPresent());
    }

    @Test
    void aQueryAfterTheDumpsCountsForNothing() {
        long threads = needed("threads", hprof.toString());
        assertEquals(threads, needed("oql", hprof.toString(), "select s from java.lang.String s where s.value != null"));
        assertEquals(threads, needed("inspect", hprof.toString(), "strings"));
    }

    @Test
    void aPlainSummaryOfAnHprofDumpGetsItsOwnMeasuredHeapAndItsSuspectsTheWiderOne() throws Exception {
        String file = hprof.toString();
        long summary = needed("summary", file, "--no-index-cache");
        long threads = needed("threads", file);
        assertTrue(summary < threads, summary + " >= " + threads);
        // Still more than the dump's own bytes, beside the command's own heap.
        assertTrue(summary > Files.size(hprof), summary + " for " + Files.size(hprof) + " bytes");
        assertEquals(threads, needed("summary", file, "--no-index-cache", "--suspects"));
        // V8 snapshots keep one factor for every command.
        String snapshot = v8.toString();
        assertEquals(needed("threads", snapshot), needed("summary", snapshot, "--no-index-cache"));
    }
}
