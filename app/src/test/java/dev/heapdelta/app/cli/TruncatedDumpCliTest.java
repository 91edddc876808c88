package dev.heapdelta.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.graph.HeapClass;
import dev.heapdelta.analyzer.robustness.TruncatedCopies;
import dev.heapdelta.analyzer.testing.SnapshotLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The truncation sweep through the command line: a cut sample dump ends in exit code 4 with
 * {@code "partial": true} and what was lost in the JSON, or in exit code 2 with one line on stderr.
 * A V8 snapshot cut after its first complete node always ends in exit code 4.
 */
class TruncatedDumpCliTest {
    private static final int CUTS = Integer.getInteger("heapdelta.cli.sweep.cuts", 50);

    @TempDir
    Path dir;

    static Stream<String> sampleDumps() {
        return TruncatedCopies.SAMPLE_DUMPS.stream();
    }

    @ParameterizedTest
    @MethodSource("sampleDumps")
    void aCutSampleDumpIsAPartialSummaryOrInvalidInput(String relative) throws Exception {
        Path inflated = TruncatedCopies.inflated(TruncatedCopies.sampleDump(relative), dir);
        long firstNodeEnd = relative.contains(".heapsnapshot")
                ? SnapshotLayout.of(Files.readAllBytes(inflated)).firstCompleteNodeEnd() : Long.MAX_VALUE;
        for (long cut : TruncatedCopies.cutOffsets(relative + "#cli", Files.size(inflated), CUTS)) {
            Path copy = TruncatedCopies.prefix(inflated, cut, dir.resolve("cut-" + cut));
            CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> CliRun.of("summary", copy.toString(), "--json", "-", "--top", "5"));
            String where = copy + " (" + relative + " cut at " + cut + "): exit " + run.exitCode() + ", " + run.err();
            if (run.exitCode() == ExitCode.PARTIAL_ANALYSIS) {
                String json = run.out();
                assertTrue(Pattern.compile("\"partial\"\\s*:\\s*true").matcher(json).find(), where);
                long lostBytes = number(json, "lostBytes", where);
                long lostRecords = number(json, "lostRecords", where);
                assertTrue(Pattern.compile("\"warnings\"\\s*:\\s*\\[\\s*\"").matcher(json).find(), where);
                assertTrue(lostBytes > 0 || lostRecords > 0 || json.contains("HEAP_DUMP_END"), where);
                assertOneLine(run.err(), copy.toString(), where);
            } else {
                assertTrue(cut < firstNodeEnd, "a snapshot cut after its first node is partial: " + where);
                assertEquals(ExitCode.INVALID_INPUT, run.exitCode(), where);
                assertOneLine(run.err(), copy.toString(), where);
                assertTrue(run.err().contains("offset"), where);
            }
            Files.delete(copy);
        }
    }

    @org.junit.jupiter.api.Test
    void aDiffWithASnapshotCutInsideItsNodesSaysWhatThatSnapshotLost() throws Exception {
        Path base = TruncatedCopies.inflated(TruncatedCopies.sampleDump("sample-dumps/node/leaks-t0.heapsnapshot.gz"), dir);
        Path whole = TruncatedCopies.inflated(TruncatedCopies.sampleDump("sample-dumps/node/leaks-t1.heapsnapshot.gz"), dir);
        SnapshotLayout layout = SnapshotLayout.of(Files.readAllBytes(whole));
        SnapshotLayout.Section nodes = layout.section("nodes");
        long cut = (nodes.valueStart() + nodes.valueEnd()) / 2;
        Path copy = TruncatedCopies.prefix(whole, cut, dir.resolve("t1-cut.heapsnapshot"));
        CliRun run = CliRun.of("diff", base.toString(), copy.toString(), "--json", "-");
        String where = "exit " + run.exitCode() + ", " + run.err();
        assertEquals(ExitCode.PARTIAL_ANALYSIS, run.exitCode(), where);
        String cutSnapshot = run.out().substring(run.out().indexOf(copy.toString()));
        assertTrue(Pattern.compile("\"objects\"\\s*:\\s*" + layout.completeNodesBefore(cut) + "\\b").matcher(cutSnapshot)
                .find(), cutSnapshot.substring(0, Math.min(600, cutSnapshot.length())));
        assertTrue(Pattern.compile("\"partial\"\\s*:\\s*true").matcher(cutSnapshot).find(), where);
        assertTrue(number(cutSnapshot, "lostRecords", where) >= layout.nodeCount() - layout.completeNodesBefore(cut), where);
        assertTrue(cutSnapshot.contains("truncated at byte " + cut + " inside \\\"nodes\\\""), where);
    }

    @org.junit.jupiter.api.Test
    void classesWhoseNamesACutLostAreNeverLeakSuspects() throws Exception {
        Path base = TruncatedCopies.inflated(TruncatedCopies.sampleDump("sample-dumps/node/leaks-t0.heapsnapshot.gz"), dir);
        Path whole = TruncatedCopies.inflated(TruncatedCopies.sampleDump("sample-dumps/node/leaks-t2.heapsnapshot.gz"), dir);
        SnapshotLayout.Section strings = SnapshotLayout.of(Files.readAllBytes(whole)).section("strings");
        Path copy = TruncatedCopies.prefix(whole, strings.valueStart() + 10, dir.resolve("t2-no-strings.heapsnapshot"));
        CliRun run = CliRun.of("diff", base.toString(), copy.toString(), "--json", "-");
        String where = "exit " + run.exitCode() + ", " + run.err();
        assertEquals(ExitCode.PARTIAL_ANALYSIS, run.exitCode(), where);
        assertTrue(run.out().contains(HeapClass.NAME_LOST), "the diff lists the lost-name class: " + where);
        String suspects = run.out().substring(run.out().indexOf("\"suspects\""));
        Matcher titles = Pattern.compile("\"title\"\\s*:\\s*\"([^\"]*)\",\\s*\"className\"\\s*:\\s*\"([^\"]*)\"")
                .matcher(suspects);
        int count = 0;
        while (titles.find()) {
            count++;
            assertFalse(titles.group(1).contains("lost"), "a suspect titled by a lost name: " + titles.group(1));
            assertFalse(titles.group(2).equals(HeapClass.NAME_LOST), "a suspect of the lost-name class: " + titles.group(1));
        }
        assertTrue(count > 0, "the leaks that grew are still found in what was read: " + where);
    }

    private static long number(String json, String field, String where) {
        Matcher matcher = Pattern.compile("\"" + field + "\"\\s*:\\s*(\\d+)").matcher(json);
        assertTrue(matcher.find(), field + " missing: " + where);
        return Long.parseLong(matcher.group(1));
    }

    private static void assertOneLine(String err, String file, String where) {
        String trimmed = err.strip();
        assertFalse(trimmed.contains("\n"), "one line on stderr: " + where);
        assertTrue(trimmed.contains(file), where);
        assertFalse(trimmed.contains("Exception"), where);
    }
}
