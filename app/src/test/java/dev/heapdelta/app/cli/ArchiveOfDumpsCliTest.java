package dev.heapdelta.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.samples.Examples;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A support ticket's series as one zip: {@code diff series.zip} compares every dump in it, in the
 * archive's order, exactly as the loose files; {@code series.zip!member} names one; the copies taken
 * out of the archive are announced and deleted.
 */
@SuppressWarnings("unchecked")
class ArchiveOfDumpsCliTest {
    @TempDir
    static Path dir;
    static List<Path> loose = new ArrayList<>();
    static Path zip;

    @BeforeAll
    static void zipTheExampleSeries() throws IOException {
        for (Path gz : Examples.copyTo(Examples.Platform.JAVA, dir.resolve("gz"))) {
            Path plain = dir.resolve(gz.getFileName().toString().replace(".gz", ""));
            try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
                Files.copy(in, plain);
            }
            loose.add(plain);
        }
        zip = dir.resolve("series.zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
            out.putArchiveEntry(new ZipArchiveEntry("README.txt"));
            out.write("three dumps, a minute apart".getBytes());
            out.closeArchiveEntry();
            for (Path dump : loose) {
                out.putArchiveEntry(new ZipArchiveEntry("dumps/" + dump.getFileName()));
                Files.copy(dump, out);
                out.closeArchiveEntry();
            }
        }
    }

    @Test
    void diffOfTheArchiveIsTheDiffOfItsDumpsInOrder() throws IOException {
        Path cache = dir.resolve("cache-diff");
        CliRun archived = CliRun.of("diff", zip.toString(), "--json", "-", "--cache-dir", cache.toString());
        assertEquals(ExitCode.OK, archived.exitCode(), archived.err());
        CliRun plain = CliRun.of("diff", loose.get(0).toString(), loose.get(1).toString(), loose.get(2).toString(),
                "--json", "-", "--no-index-cache");
        assertEquals(ExitCode.OK, plain.exitCode(), plain.err());

        Map<String, Object> fromZip = JsonDocuments.parse(archived.out());
        Map<String, Object> fromFiles = JsonDocuments.parse(plain.out());
        List<Map<String, Object>> snapshots = (List<Map<String, Object>>) fromZip.get("snapshots");
        assertEquals(List.of(zip + "!dumps/leaks-t0.hprof", zip + "!dumps/leaks-t1.hprof", zip + "!dumps/leaks-t2.hprof"),
                snapshots.stream().map(snapshot -> snapshot.get("file")).toList());
        assertEquals(fromFiles.get("suspects"), fromZip.get("suspects"));
        assertEquals(fromFiles.get("classes"), fromZip.get("classes"));

        assertTrue(archived.err().contains(zip + "!dumps/leaks-t2.hprof: extracted copy took "), archived.err());
        try (Stream<Path> left = Files.list(cache.resolve("extracted"))) {
            assertEquals(List.of(), left.toList(), "the extracted copies are deleted after the report");
        }
    }

    @Test
    void aSecondRunCopiesTheMemberAgainAndReusesItsSavedIndex() throws IOException {
        Path cache = dir.resolve("cache-reopen");
        String member = zip + "!dumps/leaks-t1.hprof";
        CliRun first = CliRun.of("summary", member, "--json", "-", "--cache-dir", cache.toString());
        assertEquals(ExitCode.OK, first.exitCode(), first.err());
        CliRun second = CliRun.of("summary", member, "--json", "-", "--cache-dir", cache.toString());
        assertEquals(ExitCode.OK, second.exitCode(), second.err());
        assertTrue(second.err().contains("index cache: reused"), second.err());
        Map<String, Object> json = JsonDocuments.parse(second.out());
        assertEquals(member, json.get("file"));
        assertEquals(JsonDocuments.parse(first.out()).get("classes"), json.get("classes"));
    }

    @Test
    void summaryOfTheArchiveSaysHowToNameOneOrCompareThemAll() {
        CliRun run = CliRun.of("summary", zip.toString(), "--no-index-cache");
        assertEquals(ExitCode.INVALID_INPUT, run.exitCode());
        String message = run.err().strip();
        assertFalse(message.contains("\n"), message);
        assertTrue(message.contains("zip archive holds 3 dumps (dumps/leaks-t0.hprof, dumps/leaks-t1.hprof,"
                + " dumps/leaks-t2.hprof)"), message);
        assertTrue(message.contains("name one as " + zip + "!dumps/leaks-t0.hprof"), message);
        assertTrue(message.contains("heapdelta diff " + zip), message);
    }

    @Test
    void aMemberTheArchiveDoesNotHoldIsNamedWithTheDumpsItHas() {
        CliRun run = CliRun.of("summary", zip + "!leaks-t1.hprof", "--no-index-cache", "--cache-dir",
                dir.resolve("cache-missing").toString());
        assertEquals(ExitCode.INVALID_INPUT, run.exitCode());
        assertTrue(run.err().contains("the archive has no member leaks-t1.hprof (its dumps: dumps/leaks-t0.hprof,"
                + " dumps/leaks-t1.hprof, dumps/leaks-t2.hprof)"), run.err());
    }
}
