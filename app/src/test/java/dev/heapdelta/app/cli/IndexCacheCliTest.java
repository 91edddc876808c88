package dev.heapdelta.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.testing.TestEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code summary} reopens a dump from the index cache, says so on stderr, and prints the same report. */
class IndexCacheCliTest {
    @TempDir
    Path cache;

    private static final Path SAMPLE = TestEnvironment.repositoryRoot().resolve("sample-dumps/java/leaks-t1.hprof.gz");

    private CliRun summary(String... extra) {
        String[] args = new String[4 + extra.length];
        args[0] = "summary";
        args[1] = SAMPLE.toString();
        args[2] = "--cache-dir";
        args[3] = cache.toString();
        System.arraycopy(extra, 0, args, 4, extra.length);
        return CliRun.of(args);
    }

    /** The JSON without its timings, which differ between any two runs. */
    private static String withoutTimings(String json) {
        return json.replaceAll("\"timingsMs\"\\s*:\\s*\\{[^}]*\\}", "");
    }

    @Test
    void aSecondSummaryReusesTheIndexSavedByTheFirstAndSaysSo() throws Exception {
        CliRun first = summary("--json", "-");
        assertEquals(ExitCode.OK, first.exitCode(), first.err());
        assertFalse(first.err().contains("index cache"), first.err());
        assertTrue(Files.isDirectory(cache.resolve("index")));

        CliRun second = summary("--json", "-");
        assertEquals(ExitCode.OK, second.exitCode(), second.err());
        assertTrue(second.err().contains("index cache: reused " + cache.resolve("index")), second.err());
        assertEquals(withoutTimings(first.out()), withoutTimings(second.out()));
    }

    @Test
    void noIndexCacheAnalysesAfreshAndSavesNothing() {
        CliRun run = summary("--no-index-cache");
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        assertFalse(run.err().contains("index cache"), run.err());
        assertFalse(Files.exists(cache.resolve("index")));
        CliRun again = summary("--no-index-cache");
        assertFalse(again.err().contains("index cache"), again.err());
    }

    @Test
    void noIndexCacheRunSaysWhatTheInflatedCopyTookAndLeavesNoCopyBehind() throws Exception {
        CliRun run = summary("--no-index-cache");
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        assertTrue(run.err().matches("(?s).*inflated copy took \\d[^ ]* [KMG]?i?B in .*; deleted.*"), run.err());
        try (var left = Files.walk(cache)) {
            assertEquals(java.util.List.of(), left.filter(p -> p.toString().endsWith(".hprof")).toList());
        }
    }

    @Test
    void cachedRunKeepsTheInflatedCopyTheSavedIndexReadsFromAndSaysItsSize() throws Exception {
        CliRun run = summary();
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        assertTrue(run.err().contains("takes "), run.err());
        try (var left = Files.walk(cache)) {
            assertEquals(1, left.filter(p -> p.toString().endsWith(".hprof")).count());
        }
        CliRun again = summary();
        assertTrue(again.err().contains("index cache: reused"), again.err());
    }
}
