package dev.heapdelta.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.robustness.TruncatedCopies;
import dev.heapdelta.analyzer.testing.TestEnvironment;
import dev.heapdelta.samples.Examples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The CLI's answers to common mistakes say what to do instead, in one line, with the right exit code. */
class UsageErrorsTest {
    @TempDir
    static Path dir;

    static List<Path> dumps;

    @BeforeAll
    static void copyTheBundledExample() throws Exception {
        dumps = Examples.copyTo(Examples.Platform.JAVA, dir.resolve("dumps"));
    }

    @Test
    void aMistypedCommandIsAnsweredWithTheClosestOne() {
        CliRun run = CliRun.of("difff", "a.hprof", "b.hprof");

        assertEquals(ExitCode.USAGE, run.exitCode());
        assertTrue(run.err().startsWith("heapdelta: unknown command 'difff'; did you mean 'diff'?\n"), run.err());
        assertTrue(CliRun.of("sumary", "a.hprof").err().contains("did you mean 'summary'?"));
        assertTrue(CliRun.of("capure").err().contains("did you mean 'capture'?"));
    }

    @Test
    void aWordNearNoCommandListsTheCommands() {
        CliRun run = CliRun.of("frobnicate");

        assertEquals(ExitCode.USAGE, run.exitCode());
        assertTrue(run.err().contains("unknown command 'frobnicate'; the commands are summary, diff, paths"), run.err());
    }

    @Test
    void aMissingFileIsNamedAsNotFound() {
        Path missing = dir.resolve("no-such-dump.hprof");
        CliRun run = CliRun.of("summary", missing.toString());

        assertEquals(ExitCode.INVALID_INPUT, run.exitCode());
        assertEquals("heapdelta: file not found: " + missing, run.err().strip());
        CliRun diff = CliRun.of("diff", dumps.get(0).toString(), missing.toString());
        assertEquals("heapdelta: file not found: " + missing, diff.err().strip());
    }

    @Test
    void aSeriesMixingAJvmDumpWithANodeSnapshotIsRefusedInOneLine() throws Exception {
        Path node = Examples.copyTo(Examples.Platform.NODE, dir.resolve("node")).get(0);
        CliRun run = CliRun.of("diff", dumps.get(0).toString(), node.toString(), dumps.get(1).toString(),
                "--no-index-cache");
        assertEquals(ExitCode.USAGE, run.exitCode(), run.err());
        assertEquals("heapdelta: cannot compare a V8 heap snapshot (" + node + ") with an HPROF dump (" + dumps.get(0)
                + "): a series is dumps of one process, taken minutes apart", run.err().strip());
    }

    @Test
    void aShortClassNameGetsTheFullyQualifiedNamesEndingWithIt() {
        CliRun run = CliRun.of("paths", dumps.get(0).toString(), "--class", "Session");

        assertEquals(ExitCode.USAGE, run.exitCode());
        assertTrue(run.err().contains("no class Session in " + dumps.get(0)
                + "; did you mean dev.heapdelta.samples.service.Session?"), run.err());
        CliRun full = CliRun.of("paths", dumps.get(0).toString(), "--class", "dev.heapdelta.samples.service.Session");
        assertEquals(ExitCode.OK, full.exitCode(), "the suggested name works: " + full.err());
    }

    @Test
    void aDumpNumberBeyondTheFileSaysWhichNumbersExist() {
        Path twoDumps = TestEnvironment.sharedReference("zoo/mat_oracle_jdk7_21_hprofagent.hprof");
        CliRun run = CliRun.of("summary", twoDumps.toString(), "--dump", "3");

        assertEquals(ExitCode.INVALID_INPUT, run.exitCode());
        assertTrue(run.err().contains("file has 2 dumps; --dump takes 1..2 (got 3)"), run.err());
    }

    @Test
    void whatATruncatedDumpLostIsWrittenWithGroupedDigitsAndTheRightNumber() throws Exception {
        Path inflated = TruncatedCopies.inflated(dumps.get(2), dir);
        Path cut = TruncatedCopies.prefix(inflated, Files.size(inflated) * 2 / 3, dir.resolve("cut.hprof"));

        CliRun table = CliRun.of("summary", cut.toString(), "--top", "3");
        CliRun json = CliRun.of("summary", cut.toString(), "--top", "3", "--json", "-");

        assertEquals(ExitCode.PARTIAL_ANALYSIS, table.exitCode(), table.err());
        long lostBytes = number(json.out(), "lostBytes");
        long lostRecords = number(json.out(), "lostRecords");
        assertTrue(lostBytes >= 1000, "the cut loses more than a thousand bytes: " + lostBytes);
        assertTrue(table.err().contains(String.format(java.util.Locale.ROOT, "(%,d bytes lost)", lostBytes)),
                table.err());
        String records = lostRecords == 1 ? "1 record lost" : String.format(java.util.Locale.ROOT, "%,d records lost",
                lostRecords);
        assertTrue(table.out().contains(records), table.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"summary", "diff", "paths", "oql", "bench", "capture", "gui", "threads"})
    void everyCommandsHelpEndsWithExamples(String command) {
        CliRun run = CliRun.of(command, "--help");

        assertEquals(ExitCode.OK, run.exitCode());
        String examples = run.out().substring(run.out().indexOf("Examples:"));
        long lines = examples.lines().filter(line -> line.startsWith("  heapdelta " + command)).count();
        assertTrue(lines >= 2 && lines <= 3, command + " --help shows 2 or 3 examples:\n" + run.out());
    }

    @Test
    void theTopLevelHelpListsTheExitCodesAndWhereTheExampleDumpsAre() {
        CliRun run = CliRun.of("--help");

        assertEquals(ExitCode.OK, run.exitCode());
        for (String code : List.of("0 ", "1 ", "2 ", "3 ", "4 ", "5 ", "70 ", "130 ")) {
            assertTrue(Pattern.compile("(?m)^\\s+" + code.strip() + "\\s+\\S").matcher(run.out()).find(),
                    "exit code " + code + "is listed:\n" + run.out());
        }
        assertTrue(run.out().contains("heapdelta gui --example"), run.out());
        assertTrue(run.out().contains("sample-dumps/java/leaks-t"), run.out());
        assertTrue(Files.isRegularFile(TestEnvironment.repositoryRoot().resolve("sample-dumps/java/leaks-t0.hprof.gz")),
                "the help points at files that exist");
    }

    private static long number(String json, String field) {
        Matcher matcher = Pattern.compile("\"" + field + "\"\\s*:\\s*(\\d+)").matcher(json);
        assertTrue(matcher.find(), field + " in " + json.substring(0, Math.min(400, json.length())));
        return Long.parseLong(matcher.group(1));
    }
}
