package dev.heapdelta.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.testing.TestEnvironment;
import dev.heapdelta.analyzer.threads.ParkedThreadsProgram;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code heapdelta threads} on a JVM dumped in the test: the JSON contract and the text view. */
class ThreadsCommandTest {
    @TempDir
    static Path directory;
    static Path dump;

    @BeforeAll
    static void dumpParkedThreads() throws Exception {
        dump = directory.resolve("parked.hprof");
        ParkedThreadsProgram.dumpTo(dump);
    }

    private CliRun run(String... extra) {
        String[] args = new String[extra.length + 4];
        args[0] = "threads";
        args[1] = dump.toString();
        args[2] = "--cache-dir";
        args[3] = directory.resolve("cache").toString();
        System.arraycopy(extra, 0, args, 4, extra.length);
        return CliRun.of(args);
    }

    @Test
    void theJsonListsEachThreadWithItsFramesLinesAndLocals() throws Exception {
        CliRun run = run("--json", "-");
        assertEquals(0, run.exitCode(), run.err());
        List<Map<String, Object>> threads = JsonDocuments.list(JsonDocuments.parse(run.out()), "threads");
        int line = ParkedThreadsProgram.parkLine(TestEnvironment.repositoryRoot());
        int found = 0;
        for (Map<String, Object> thread : threads) {
            for (String field : new String[] {"name", "id", "retainedBytes", "frames"}) {
                assertTrue(thread.containsKey(field), field + " in " + thread);
            }
            String name = (String) thread.get("name");
            if (!name.startsWith(ParkedThreadsProgram.THREAD_PREFIX)) {
                continue;
            }
            found++;
            int length = Integer.parseInt(name.substring(ParkedThreadsProgram.THREAD_PREFIX.length()));
            assertEquals("WAITING", thread.get("state"));
            List<Map<String, Object>> frames = JsonDocuments.list(thread, "frames");
            assertEquals("native", frames.get(0).get("lineKind"));
            Map<String, Object> holder = frames.stream().filter(f -> f.get("method").equals("holdPayload"))
                    .findFirst().orElseThrow();
            assertEquals(ParkedThreadsProgram.class.getName(), holder.get("className"));
            assertEquals("ParkedThreadsProgram.java", holder.get("file"));
            assertEquals((long) line, holder.get("line"));
            List<Map<String, Object>> locals = JsonDocuments.list(holder, "locals");
            assertTrue(locals.stream().allMatch(l -> ((String) l.get("id")).startsWith("0x")), locals.toString());
            Map<String, Object> payload = locals.stream().filter(l -> l.get("className").equals("long[]"))
                    .findFirst().orElseThrow();
            assertEquals((16 + 8L * length + 7) / 8 * 8, payload.get("retainedBytes"));
        }
        assertEquals(ParkedThreadsProgram.PAYLOAD_LENGTHS.length, found);
    }

    @Test
    void theTextShowsEachStackAsJstackDoes() {
        CliRun run = run();
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("at " + ParkedThreadsProgram.class.getName()
                + ".holdPayload(ParkedThreadsProgram.java:"), run.out());
        assertTrue(run.out().contains("(Native Method)"), run.out());
        assertTrue(run.out().contains("java local long[] 0x"), run.out());
    }
}
