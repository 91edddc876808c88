package dev.heapdelta.analyzer.robustness;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.analysis.AnalysisOptions;
import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.analysis.SnapshotLoader;
import dev.heapdelta.analyzer.graph.DumpInfo;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.DumpFormatException;
import dev.heapdelta.analyzer.source.ProgressListener;
import dev.heapdelta.analyzer.testing.SnapshotLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cuts every committed sample dump (inflated, and the gzip file itself) and the small zoo dumps at
 * 50 seeded random offsets. Each cut must analyse as a graph flagged partial, or be refused with
 * the typed error naming the file and an offset: never another exception, never a hang. A V8
 * snapshot is refused only when its text ends before its first complete node.
 */
class TruncationSweepTest {
    private static final int CUTS = Integer.getInteger("heapdelta.sweep.cuts", 50);
    private static final Duration PER_CUT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    static Stream<String> sampleDumps() {
        return TruncatedCopies.SAMPLE_DUMPS.stream();
    }

    static Stream<String> zooDumps() {
        return TruncatedCopies.ZOO_DUMPS.stream();
    }

    @ParameterizedTest
    @MethodSource("sampleDumps")
    void everyCutOfAnInflatedSampleDumpIsPartialOrATypedError(String relative) throws Exception {
        Path inflated = TruncatedCopies.inflated(TruncatedCopies.sampleDump(relative), dir);
        sweep(inflated, relative, firstCompleteNodeEnd(inflated));
    }

    @ParameterizedTest
    @MethodSource("sampleDumps")
    void everyCutOfAGzippedSampleDumpIsPartialOrATypedError(String relative) throws Exception {
        sweep(TruncatedCopies.sampleDump(relative), relative + "#gzip",
                firstCompleteNodeEnd(TruncatedCopies.inflated(TruncatedCopies.sampleDump(relative), dir)));
    }

    @ParameterizedTest
    @MethodSource("zooDumps")
    void everyCutOfASmallZooDumpIsPartialOrATypedError(String name) throws Exception {
        Path zoo = TruncatedCopies.zooDump(name);
        Path inflated = TruncatedCopies.inflated(zoo, dir);
        long firstNodeEnd = firstCompleteNodeEnd(inflated);
        sweep(inflated, name, firstNodeEnd);
        if (TruncatedCopies.isGzip(zoo)) {
            sweep(zoo, name + "#gzip", firstNodeEnd);
        }
    }

    /**
     * For a V8 snapshot, the text offset past which every cut keeps a node (from its Jackson layout,
     * not from the reader); {@code Long.MAX_VALUE} for other formats.
     */
    private static long firstCompleteNodeEnd(Path inflated) throws IOException {
        if (!inflated.getFileName().toString().contains(".heapsnapshot")) {
            return Long.MAX_VALUE;
        }
        byte[] head;
        try (java.io.InputStream in = Files.newInputStream(inflated)) {
            head = in.readNBytes(1 << 20);
        }
        long end = SnapshotLayout.of(head).firstCompleteNodeEnd();
        assertTrue(end < head.length, "the first node of " + inflated + " lies in its first megabyte");
        return end;
    }

    private void sweep(Path whole, String seedName, long firstNodeEnd) throws Exception {
        long size = Files.size(whole);
        String suffix = whole.getFileName().toString().endsWith(".gz") ? ".gz" : "";
        boolean gzipped = TruncatedCopies.isGzip(whole);
        List<String> outcomes = new ArrayList<>();
        int partial = 0;
        int nothingCounted = 0;
        for (long cut : TruncatedCopies.cutOffsets(seedName, size, CUTS)) {
            Path copy = TruncatedCopies.prefix(whole, cut, dir.resolve("cut-" + cut + suffix));
            Path cache = Files.createDirectories(dir.resolve("cache-" + cut));
            String outcome = assertTimeoutPreemptively(PER_CUT, () -> analyse(copy, cut, cache, gzipped, firstNodeEnd),
                    () -> seedName + " cut at " + cut + " did not finish in " + PER_CUT);
            partial += outcome.startsWith("partial") ? 1 : 0;
            nothingCounted += outcome.equals("partial-nothing-counted") ? 1 : 0;
            outcomes.add(cut + ":" + outcome);
            Files.delete(copy);
            deleteTree(cache);
        }
        assertTrue(nothingCounted * 10 <= partial, "cuts between elements are rare, yet " + nothingCounted + " of "
                + partial + " partial results counted no loss: " + outcomes);
        System.getLogger(TruncationSweepTest.class.getName()).log(System.Logger.Level.INFO,
                seedName + ": " + partial + " partial of " + outcomes.size() + " cuts");
    }

    /**
     * Returns "partial" or "typed-error"; anything else fails the test. A typed error must come from
     * a text that ends before {@code firstNodeEnd}: the cut itself, or for a gzip file the error's
     * offset, which counts inflated text.
     */
    private static String analyse(Path copy, long cut, Path cache, boolean gzipped, long firstNodeEnd)
            throws IOException {
        AnalysisOptions options = AnalysisOptions.defaults().withCacheDirectory(cache);
        try (Snapshot snapshot = SnapshotLoader.load(copy, copy.toString(), options, CancelSignal.NEVER,
                ProgressListener.NONE)) {
            DumpInfo info = snapshot.graph().info();
            String where = copy + " cut at " + cut + ": " + info.warnings();
            assertTrue(info.partial(), "a cut dump must be flagged partial: " + where);
            assertFalse(info.warnings().isEmpty(), "a partial dump says what was lost: " + where);
            if (info.lostBytes() > 0 || info.lostRecords() > 0) {
                return "partial";
            }
            assertTrue(cutBetweenElements(info), "a partial dump counts what was lost: " + where);
            return "partial-nothing-counted";
        } catch (DumpFormatException e) {
            assertTrue(e.getMessage().contains(copy.toString()), "the error names the file: " + e.getMessage());
            assertTrue(e.getMessage().matches("(?s).*offset \\d+.*"), "the error names an offset: " + e.getMessage());
            assertTrue(e.offset() >= 0, e.getMessage());
            assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
            assertTrue((gzipped ? e.offset() : cut) < firstNodeEnd, "a V8 snapshot whose text reaches past its first"
                    + " node (which ends at " + firstNodeEnd + ") is partial, not an error: " + e.getMessage());
            return "typed-error";
        }
    }

    /**
     * A cut exactly between two HPROF records, or just after a complete V8 element that nothing
     * names: nothing is known lost but the end of the file, and the warning says the file ends early.
     */
    private static boolean cutBetweenElements(DumpInfo info) {
        return info.warnings().stream().anyMatch(line -> line.contains("has no HEAP_DUMP_END")
                || line.contains("end of data") || line.contains("unterminated")
                || line.contains("nothing the analysis uses is lost"));
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
