package dev.heapdelta.app.leaks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.leaks.Evidence;
import dev.heapdelta.analyzer.leaks.Suspect;
import dev.heapdelta.analyzer.leaks.SuspectKind;
import dev.heapdelta.analyzer.report.DiffReport;
import dev.heapdelta.analyzer.report.DiffReports;
import dev.heapdelta.app.testing.DumpingProgram;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An accumulation point and a large retainer found on one object, or one dominator chain, are one row
 * (DESIGN.md §5): {@link OneHolderGrowing} runs in a child JVM and dumps itself after 1, 3 and 5 units
 * of load. A growing tree's root is both, its halves are large too, and its classes grow under it; a
 * map of growing transcripts accumulates at its table. Each is one row with exact counts, nothing else.
 */
class OneHolderGrowingTest {
    private static final String PROGRAM = "OneHolderGrowing";

    @TempDir
    static Path dumps;

    static List<Snapshot> snapshots = new ArrayList<>();
    static DiffReport report;

    @BeforeAll
    static void runTheProgramInAChildJvmAndDiffItsThreeDumps() throws Exception {
        DumpingProgram.run(OneHolderGrowing.class.getName(), "64m", 120, dumps, dumps.resolve("program.log"));
        snapshots.addAll(DumpingProgram.loadSeries(dumps, "one-holder", OneHolderGrowing.UNITS.length));
        report = DiffReports.of(snapshots, false);
    }

    @AfterAll
    static void close() throws Exception {
        DumpingProgram.closeAll(snapshots);
    }

    @Test
    void eachHolderIsOneRowAndNothingElseIsReported() {
        assertEquals(List.of("static " + PROGRAM + ".ARCHIVE › root", "static " + PROGRAM + ".TRANSCRIPTS"),
                report.suspects().stream().map(Suspect::pathKey).toList(), titles());
        assertTrue(report.largeRetainers().isEmpty(), "both grew: " + report.largeRetainers());
    }

    @Test
    void theTreesRootIsTheRowWithItsSegmentsAndPayloadsCountedAndItsAccumulationPointAsEvidence() {
        Suspect archive = report.suspects().get(0);
        assertEquals(SuspectKind.LARGE_RETAINER, archive.kind(), archive.title());
        assertEquals("growing", archive.trend().jsonName());
        assertTrue(archive.title().startsWith("dev.heapdelta.app.leaks." + PROGRAM + "$Segment at static " + PROGRAM
                + ".ARCHIVE › root retains "), archive.title());
        // The root dominates every segment and its payload: two objects per segment.
        assertArrayEquals(perUnit(2 * OneHolderGrowing.SEGMENTS_PER_UNIT), archive.elements());
        assertArrayEquals(perUnit(OneHolderGrowing.SEGMENTS_PER_UNIT), evidence(archive, "$Segment").count());
        assertArrayEquals(perUnit(OneHolderGrowing.SEGMENTS_PER_UNIT), evidence(archive, "byte[]").count());
        Evidence point = evidence(archive, "also accumulation-point: ");
        assertEquals("also accumulation-point: dev.heapdelta.app.leaks." + PROGRAM + "$Segment at static " + PROGRAM
                + ".ARCHIVE › root", point.name());
        assertArrayEquals(archive.elements(), point.count());
        // The tree's halves retain more than a tenth of the heap too, and are parts of it, not rows or lines.
        assertEquals(3, archive.evidence().size(), archive.evidence().toString());
    }

    @Test
    void theMapOfGrowingTranscriptsCountsItsFourEntriesNotTheObjectsItsTableDominates() {
        Suspect transcripts = report.suspects().get(1);
        assertEquals(SuspectKind.LARGE_RETAINER, transcripts.kind(), transcripts.title());
        assertEquals("growing", transcripts.trend().jsonName());
        assertTrue(transcripts.title().startsWith("java.util.HashMap at static " + PROGRAM + ".TRANSCRIPTS retains "),
                transcripts.title());
        Long[] channels = {(long) OneHolderGrowing.CHANNELS, (long) OneHolderGrowing.CHANNELS,
            (long) OneHolderGrowing.CHANNELS};
        assertArrayEquals(channels, transcripts.elements());
        // The growth accumulates at the map's table, which sits on the map: the point is the map, with its entries.
        Evidence point = evidence(transcripts, "also accumulation-point: ");
        assertEquals("also accumulation-point: java.util.HashMap at static " + PROGRAM + ".TRANSCRIPTS", point.name());
        assertArrayEquals(channels, point.count());
        assertEquals(1, transcripts.evidence().size(), transcripts.evidence().toString());
    }

    private static Long[] perUnit(int perUnit) {
        return Arrays.stream(OneHolderGrowing.UNITS).mapToObj(units -> (long) units * perUnit).toArray(Long[]::new);
    }

    private static Evidence evidence(Suspect suspect, String part) {
        return suspect.evidence().stream().filter(e -> e.name().contains(part)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + part + " in " + suspect.evidence()));
    }

    private static String titles() {
        return String.join("\n", report.suspects().stream().map(Suspect::title).toList());
    }
}
