package dev.heapdelta.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BadInputTest {
    @TempDir
    Path dir;

    @Test
    void emptyFileIsInvalidInputWithOffset() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.hprof"));
        CliRun run = CliRun.of("summary", empty.toString());
        assertEquals(ExitCode.INVALID_INPUT, run.exitCode());
        assertOneLineNaming(run.err(), empty.toString());
    }

    @Test
    void textFileIsNotADump() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.hprof"), "just some notes\n");
        CliRun run = CliRun.of("summary", text.toString(), "--json", "-");
        assertEquals(ExitCode.INVALID_INPUT, run.exitCode());
        assertOneLineNaming(run.err(), text.toString());
        assertTrue(run.err().contains("not a heap dump"), run.err());
    }

    @Test
    void gzipOfSomethingElseIsNotADump() throws IOException {
        Path gz = dir.resolve("fake.hprof.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("hello".getBytes(StandardCharsets.UTF_8));
        }
        CliRun run = CliRun.of("summary", gz.toString());
        assertEquals(ExitCode.INVALID_INPUT, run.exitCode());
        assertOneLineNaming(run.err(), gz.toString());
    }

    @Test
    void brokenGzipIsInvalidInput() throws IOException {
        Path gz = Files.write(dir.resolve("broken.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2});
        CliRun run = CliRun.of("summary", gz.toString());
        assertEquals(ExitCode.INVALID_INPUT, run.exitCode());
        assertOneLineNaming(run.err(), gz.toString());
    }

    @Test
    void missingFileIsInvalidInput() {
        String missing = dir.resolve("nope.hprof").toString();
        CliRun run = CliRun.of("summary", missing);
        assertEquals(ExitCode.INVALID_INPUT, run.exitCode());
        // A wrong path has no byte offset to name: the line says what is wrong instead.
        assertEquals("heapdelta: file not found: " + missing, run.err().strip());
    }

    @Test
    void unknownOptionIsUsageError() {
        CliRun run = CliRun.of("summary", "--frobnicate", "x");
        assertEquals(ExitCode.USAGE, run.exitCode());
    }

    @Test
    void diffNeedsAFile() {
        assertEquals(ExitCode.USAGE, CliRun.of("diff").exitCode());
    }

    @Test
    void diffOfOneMissingFileIsUnreadableInputNotUsage() {
        assertEquals(ExitCode.INVALID_INPUT, CliRun.of("diff", dir.resolve("a.hprof").toString()).exitCode());
    }

    @Test
    void badGrowthThresholdIsUsageError() throws IOException {
        Path text = Files.writeString(dir.resolve("a.txt"), "x");
        assertEquals(ExitCode.USAGE, CliRun.of("diff", text.toString(), text.toString(), "--fail-on-growth",
                "lots").exitCode());
    }

    @Test
    void badWeakRefsValueIsUsageError() {
        assertEquals(ExitCode.USAGE, CliRun.of("summary", "x", "--weak-refs=sometimes").exitCode());
    }

    @Test
    void versionPrintsTheVersion() {
        CliRun run = CliRun.of("--version");
        assertEquals(ExitCode.OK, run.exitCode());
        assertTrue(run.out().startsWith("heapdelta "), run.out());
    }

    private static void assertOneLineNaming(String err, String file) {
        String trimmed = err.strip();
        assertFalse(trimmed.contains("\n"), "one line expected: " + err);
        assertTrue(trimmed.contains(file), err);
        assertTrue(trimmed.contains("offset"), err);
        assertFalse(trimmed.contains("Exception"), err);
    }

    @Test
    void aDumpBeyondTheGraphsIndexesIsOneLineNotAnInternalError() {
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine command = HeapDeltaCommand.commandLine();
        command.setErr(new java.io.PrintWriter(err, true));
        int code = new ExitCodeMapper().handleExecutionException(
                new dev.heapdelta.analyzer.graph.GraphLimitException("references"), command, null);
        assertEquals(ExitCode.INVALID_INPUT, code);
        String text = err.toString().strip();
        assertFalse(text.contains("\n"), text);
        assertTrue(text.contains("more references than HeapDelta can index"), text);
        assertFalse(text.contains("internal error"), text);
    }
}
