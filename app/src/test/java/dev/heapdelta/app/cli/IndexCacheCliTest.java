package dev.heapdelta.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.testing.TestEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
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

    @Test
    void everyFileOfAnIndexCacheEntryIsReadableByItsOwnerOnly() throws Exception {
        // The entry holds the dump's graph and the inspector's strings: what the dump holds.
        CliRun run = summary();
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        Path entry = onlyEntry();
        assertEquals(PosixFilePermissions.fromString("rwx------"), Files.getPosixFilePermissions(entry));
        List<Path> files;
        try (Stream<Path> listing = Files.list(entry)) {
            files = listing.toList();
        }
        assertTrue(files.size() >= 4, "graph, details, tree, histogram and manifest expected in " + files);
        for (Path file : files) {
            assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(file),
                    file.toString());
        }
    }

    @Test
    void aReopenedSummaryReadsOnlyTheReportItsEntryKeepsAndPrintsTheSameTable() throws Exception {
        CliRun fresh = summary("--top", "12");
        assertEquals(ExitCode.OK, fresh.exitCode(), fresh.err());
        Path entry = onlyEntry();
        Path kept = entry.resolve("result-summary-v1-top12.bin");
        assertTrue(Files.isRegularFile(kept), "no kept report in " + entry);
        assertEquals(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"),
                Files.getPosixFilePermissions(kept));

        // Same size, other bytes: only reading the graph image (its checksum) can tell.
        damageKeepingSize(entry.resolve("graph.bin"));
        CliRun reopened = summary("--top", "12");
        assertEquals(ExitCode.OK, reopened.exitCode(), reopened.err());
        assertTrue(reopened.err().contains("index cache: reused " + entry), reopened.err());
        assertFalse(reopened.err().contains("damaged"), reopened.err());
        assertEquals(withoutTimingsLine(fresh.out()), withoutTimingsLine(reopened.out()));

        // Another --top is not kept: that summary reads the graph, finds the damage and analyses afresh.
        CliRun other = summary("--top", "7");
        assertEquals(ExitCode.OK, other.exitCode(), other.err());
        assertTrue(other.err().contains("ignored a damaged entry"), other.err());
    }

    @Test
    void aKeptReportThatDoesNotMatchIsDeletedAndTheSummaryReopensTheGraphInstead() throws Exception {
        CliRun fresh = summary("--json", "-");
        assertEquals(ExitCode.OK, fresh.exitCode(), fresh.err());
        Path kept = onlyEntry().resolve("result-summary-v1-top50.bin");
        byte[] bytes = Files.readAllBytes(kept);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(kept, bytes);

        CliRun reopened = summary("--json", "-");
        assertEquals(ExitCode.OK, reopened.exitCode(), reopened.err());
        assertTrue(reopened.err().contains("index cache: reused"), reopened.err());
        assertEquals(withoutTimings(fresh.out()), withoutTimings(reopened.out()));
        assertFalse(java.util.Arrays.equals(bytes, Files.readAllBytes(kept)), "the damaged report was kept");

        CliRun afresh = summary("--json", "-", "--no-index-cache");
        assertEquals(withoutTimings(fresh.out()), withoutTimings(afresh.out()));
    }

    private Path onlyEntry() throws java.io.IOException {
        try (var entries = Files.list(cache.resolve("index"))) {
            java.util.List<Path> all = entries.toList();
            assertEquals(1, all.size(), all.toString());
            return all.get(0);
        }
    }

    private static void damageKeepingSize(Path file) throws java.io.IOException {
        byte[] bytes = Files.readAllBytes(file);
        for (int i = bytes.length / 3; i < bytes.length / 3 + 64 && i < bytes.length; i++) {
            bytes[i] ^= (byte) 0xa5;
        }
        Files.write(file, bytes);
    }

    private static String withoutTimingsLine(String table) {
        return table.replaceAll("(?m)^timings: .*$", "");
    }
}
