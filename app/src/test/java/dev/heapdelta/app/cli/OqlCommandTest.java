package dev.heapdelta.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.testing.TestEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code heapdelta oql}: the JSON contract, several dumps, --fail-if and one-line errors, on MAT's test dump. */
class OqlCommandTest {
    private static final String DUMP = TestEnvironment.sharedReference("zoo/mat_sun_jdk5_64bit.hprof").toString();

    @TempDir
    Path dir;

    private CliRun oql(String... arguments) {
        String[] all = new String[arguments.length + 3];
        all[0] = "oql";
        all[1] = "--cache-dir";
        all[2] = dir.resolve("cache").toString();
        System.arraycopy(arguments, 0, all, 3, arguments.length);
        return CliRun.of(all);
    }

    @Test
    void objectResultsHaveIdClassShallowAndRetainedSizes() throws Exception {
        CliRun run = oql(DUMP, "SELECT * FROM java.lang.String s WHERE s.count > 1000 OR s.value.@length > 1000",
                "--json", "-");
        assertEquals(0, run.exitCode(), run.err());
        Map<String, Object> json = JsonDocuments.parse(run.out());
        assertEquals("objects", json.get("kind"));
        assertEquals(3, ((Number) json.get("count")).intValue());
        List<?> objects = (List<?>) json.get("objects");
        assertEquals(3, objects.size());
        Map<?, ?> first = (Map<?, ?>) objects.get(0);
        assertEquals("java.lang.String", first.get("className"));
        assertTrue(((String) first.get("id")).startsWith("0x"));
        assertTrue(((Number) first.get("retainedBytes")).longValue() > ((Number) first.get("shallowBytes")).longValue());
        assertEquals(List.of(), json.get("columns"));
        assertEquals(List.of(), json.get("rows"));
        assertEquals("SELECT * FROM java.lang.String s WHERE s.count > 1000 OR s.value.@length > 1000",
                json.get("query"));
    }

    @Test
    void aSelectListGivesColumnsAndRowsWithObjectsAsIds() throws Exception {
        CliRun run = oql(DUMP, "select toString(s), s.count, s from objects 0x17c38b80 s", "--json", "-");
        assertEquals(0, run.exitCode(), run.err());
        Map<String, Object> json = JsonDocuments.parse(run.out());
        assertEquals("table", json.get("kind"));
        assertEquals(List.of("toString(s)", "s.count", "s"), json.get("columns"));
        assertEquals("[[little, 6, 0x17c38b80]]", String.valueOf(json.get("rows")));
        assertEquals(1, ((Number) json.get("count")).intValue());
    }

    @Test
    void severalDumpsPrintACountEachAndTheJsonListsThem() throws Exception {
        CliRun text = oql(DUMP, DUMP, "SELECT * FROM INSTANCEOF java.lang.ref.Reference");
        assertEquals(0, text.exitCode(), text.err());
        assertEquals(2, text.out().lines().filter(line -> line.endsWith("21 objects")).count(), text.out());
        CliRun json = oql(DUMP, DUMP, "SELECT * FROM INSTANCEOF java.lang.ref.Reference", "--json", "-");
        Map<String, Object> document = JsonDocuments.parse(json.out());
        assertEquals(21, ((Number) document.get("count")).intValue());
        List<?> snapshots = (List<?>) document.get("snapshots");
        assertEquals(2, snapshots.size());
        assertEquals(21, ((Number) ((Map<?, ?>) snapshots.get(1)).get("count")).intValue());
    }

    @Test
    void failIfExitsWithThreeWhenTheConditionHolds() {
        assertEquals(3, oql(DUMP, "SELECT * FROM java.lang.String", "--fail-if", "count > 0").exitCode());
        assertEquals(0, oql(DUMP, "SELECT * FROM java.lang.String", "--fail-if", "count > 492").exitCode());
        CliRun bad = oql(DUMP, "SELECT * FROM java.lang.String", "--fail-if", "size > 0");
        assertEquals(1, bad.exitCode());
        assertTrue(bad.err().contains("position 1"), bad.err());
    }

    @Test
    void aSyntaxErrorIsOneLineWithThePositionAndExitCodeOne() {
        CliRun run = oql(DUMP, "SELECT * FROM java.lang.String s WHERE");
        assertEquals(1, run.exitCode());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("OQL error at position 39"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
        CliRun refused = oql(DUMP, "SELECT * FROM ${snapshot}.getClasses()");
        assertEquals(1, refused.exitCode());
        assertTrue(refused.err().contains("${snapshot}"), refused.err());
    }

    @Test
    void anUnreadableDumpExitsWithTwo() throws Exception {
        Path notADump = Files.writeString(dir.resolve("notes.txt"), "not a heap dump");
        CliRun run = oql(notADump.toString(), "SELECT * FROM java.lang.String");
        assertEquals(2, run.exitCode());
        assertEquals(1, run.err().lines().count(), run.err());
    }
}
