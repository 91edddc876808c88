package dev.heapdelta.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.testing.TestEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench --commands} runs summary (empty cache dir, reopened, no cache) and diff as child processes
 * and prints what the OS measured of each: checked on the bundled example dumps, with no time asserted.
 */
class BenchCommandsTest {
    private static final Path SAMPLES = TestEnvironment.repositoryRoot().resolve("sample-dumps/java");
    private static final Pattern ROW = Pattern.compile(
            " {4}(.+?) +wall +([\\d,]+) ms +CPU +([\\d,]+) ms +peak RSS +([\\d.]+ [KMG]i?B) +wall / read = ([\\d.]+)(.*)");

    @TempDir
    Path out;

    @Test
    void everyUserCommandIsMeasuredAsAChildProcessWithItsPeakResidentSetAndTheRatioToAPlainRead() throws Exception {
        String a = SAMPLES.resolve("leaks-t0.hprof.gz").toString();
        String b = SAMPLES.resolve("leaks-t1.hprof.gz").toString();
        CliRun run = CliRun.of("bench", "--commands", "--memlab", out.toString(), "--out", out.toString(),
                "--monocle", monocleJar(), a, b);
        assertEquals(ExitCode.OK, run.exitCode(), run.out() + run.err());

        String commands = run.out().substring(run.out().indexOf("commands as a user runs them"));
        List<String> rows = commands.lines().filter(line -> ROW.matcher(line).matches()).toList();
        assertEquals(List.of("summary, empty cache dir", "summary, reopened from the index cache",
                "summary --no-index-cache", "summary, empty cache dir", "summary, reopened from the index cache",
                "summary --no-index-cache", "diff, empty cache dir", "diff, reopened from the index cache",
                "diff --no-index-cache", "app, empty cache dir", "app, reopened from the index cache"),
                rows.stream().map(BenchCommandsTest::what).toList(), commands);
        for (String row : rows) {
            Matcher m = ROW.matcher(row);
            assertTrue(m.matches());
            assertFalse(m.group(6).contains("FAILED"), "no child failed: " + row);
            // The app's rows also say when its overview was shown, which precedes its end.
            Matcher shown = Pattern.compile(" {3}overview shown at ([\\d,]+) ms").matcher(m.group(6));
            assertEquals(what(row).startsWith("app, "), shown.matches(), row);
            if (shown.matches()) {
                assertTrue(Long.parseLong(shown.group(1).replace(",", "")) <= wallOf(row), row);
            }
            // A child JVM that read a dump has tens of MB resident: the figure is the OS's, not a heap's.
            assertTrue(m.group(4).endsWith("MB") || m.group(4).endsWith("GB"), row);
            assertTrue(Long.parseLong(m.group(3).replace(",", "")) > 0, row);
        }
        assertTrue(commands.contains("diff / the summaries (empty cache dir, "), commands);
        // The diff against the two summaries, each into an empty cache dir, from the rows' own walls.
        long summaries = wallOf(rows.get(0)) + wallOf(rows.get(3));
        String percent = String.format(Locale.ROOT, "%+.0f", 100.0 * (wallOf(rows.get(6)) - summaries) / summaries);
        assertTrue(commands.contains("diff - (summary A + summary B) = " + percent + " %"), commands);
        // The app opened both dumps headless until their overview was shown, against the diff of the same files.
        assertTrue(commands.contains("app opening 2 files until the overview is shown"), commands);
        assertTrue(Pattern.compile("app - diff \\(empty cache dir, [\\d,]+ ms\\) = [+-][\\d,]+ ms; its overview shown at"
                + " [+-][\\d,]+ ms, then it waits for its index-cache entry as the command does").matcher(commands).find(),
                commands);
        try (var left = Files.list(out)) {
            assertFalse(left.anyMatch(p -> p.getFileName().toString().startsWith("bench-commands-")),
                    "the children's cache directories are deleted");
        }
    }

    /** The Monocle jar the app's UI tests run on, from the test class path. */
    private static String monocleJar() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> Path.of(entry).getFileName().toString().startsWith("openjfx-monocle-"))
                .findFirst().orElseThrow(() -> new AssertionError("no openjfx-monocle jar on the test class path"));
    }

    @Test
    void aBaselineJarIsOnlyForTimingCommandsAndMustExist() {
        String dump = SAMPLES.resolve("leaks-t0.hprof.gz").toString();
        CliRun alone = CliRun.of("bench", "--baseline-jar", dump, dump);
        assertEquals(ExitCode.USAGE, alone.exitCode(), alone.err());
        assertTrue(alone.err().contains("--baseline-jar times the commands: add --commands"), alone.err());
        CliRun missing = CliRun.of("bench", "--commands", "--baseline-jar", out.resolve("old.jar").toString(), dump);
        assertEquals(ExitCode.USAGE, missing.exitCode(), missing.err());
        assertTrue(missing.err().contains("--baseline-jar: file not found: "), missing.err());
    }

    private static long wallOf(String row) {
        Matcher m = ROW.matcher(row);
        assertTrue(m.matches(), row);
        return Long.parseLong(m.group(2).replace(",", ""));
    }

    private static String what(String row) {
        Matcher m = ROW.matcher(row);
        return m.matches() ? m.group(1).strip() : row;
    }
}
