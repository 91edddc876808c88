package dev.heapdelta.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.testing.TestEnvironment;
import dev.heapdelta.samples.LargeHprofShape;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8's out-of-core demonstration, small enough for every build: a generated object-dense dump
 * analysed by a child JVM whose heap is half the dump's size must give the summary that an
 * in-memory analysis gives.
 */
class OutOfCoreCliTest {
    private static final double SCALE = 0.05;

    @TempDir
    Path directory;

    @Test
    void aDumpTwiceTheHeapIsAnalysedOutOfCoreWithTheInMemoryResults() throws Exception {
        Path dump = generate();
        long heapMegabytes = Files.size(dump) / 2 / (1 << 20);

        Path inMemory = directory.resolve("in-memory.json");
        CliRun heap = CliRun.of("summary", dump.toString(), "--storage=heap", "--no-index-cache", "--top=20",
                "--json=" + inMemory);
        assertEquals(0, heap.exitCode(), heap.err());

        Path outOfCore = directory.resolve("out-of-core.json");
        ChildResult child = runChild(heapMegabytes, "summary", dump.toString(), "--top=20", "--no-index-cache",
                "--cache-dir=" + directory.resolve("cache"), "--json=" + outOfCore);
        assertEquals(0, child.exitCode, child.err);
        assertTrue(child.err.contains("analysed out of core"), "AUTO chose the mapped store: " + child.err);

        assertEquals(withoutTimings(inMemory), withoutTimings(outOfCore));
    }

    @Test
    void forcedMappedStorageGivesTheSameSummaryAsTheHeapOnTheSampleDumps() throws IOException {
        for (String sample : List.of("sample-dumps/java/leaks-t2.hprof.gz",
                "sample-dumps/node/leaks-t2.heapsnapshot.gz")) {
            Path file = TestEnvironment.repositoryRoot().resolve(sample);
            Path heapJson = directory.resolve("heap.json");
            Path mappedJson = directory.resolve("mapped.json");
            CliRun heap = CliRun.of("summary", file.toString(), "--storage=heap", "--no-index-cache",
                    "--json=" + heapJson);
            CliRun mapped = CliRun.of("summary", file.toString(), "--storage=mapped", "--no-index-cache",
                    "--cache-dir=" + directory.resolve("cache"), "--json=" + mappedJson);
            assertEquals(0, heap.exitCode(), heap.err());
            assertEquals(0, mapped.exitCode(), mapped.err());
            assertFalse(heap.err().contains("out of core"), heap.err());
            // Without this, a --storage=mapped that was ignored would compare the heap with itself (V8: the
            // reader's arrays stay on the heap, the analyses' columns are mapped).
            assertTrue(mapped.err().contains("analysed out of core"), mapped.err());
            assertEquals(withoutTimings(heapJson), withoutTimings(mappedJson), sample);
        }
    }

    @Test
    void anIndexDirectoryThatCannotBeCreatedIsReportedInOneLine() throws IOException {
        Path cache = Files.createDirectory(directory.resolve("cache"));
        Files.writeString(cache.resolve("columns"), "a file where the index directory should go");
        Path file = TestEnvironment.repositoryRoot().resolve("sample-dumps/java/leaks-t2.hprof.gz");
        CliRun run = CliRun.of("summary", file.toString(), "--storage=mapped", "--no-index-cache",
                "--cache-dir=" + cache);
        assertEquals(ExitCode.INTERNAL_ERROR, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("heapdelta: cannot create the index directory " + cache.resolve("columns")),
                run.err());
        assertEquals(1, run.err().lines().count(), run.err());
    }

    private Path generate() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(LargeHprofShape.childJvmCommand(SCALE, directory))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the generator did not finish");
        assertEquals(0, process.exitValue(), output);
        return LargeHprofShape.outputFile(SCALE, directory);
    }

    private record ChildResult(int exitCode, String err) {
    }

    private static ChildResult runChild(long heapMegabytes, String... args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java,
                "-Xmx" + heapMegabytes + "m", "-cp", System.getProperty("java.class.path"), "dev.heapdelta.app.Main"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the out-of-core analysis did not finish");
        return new ChildResult(process.exitValue(), err);
    }

    /** The JSON text without its one object that may differ between runs, the phase timings. */
    private static String withoutTimings(Path json) throws IOException {
        String text = Files.readString(json);
        String stripped = text.replaceAll("(?s)\"timingsMs\"\\s*:\\s*\\{[^}]*}", "");
        assertTrue(stripped.length() < text.length(), "the summary has its timings: " + json);
        return stripped;
    }
}
