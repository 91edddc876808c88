package dev.heapdelta.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.samples.Examples.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExamplesTest {
    private static final long FIVE_MEGABYTES = 5L * 1024 * 1024;

    @Test
    void javaSeriesIsBundledInSnapshotOrder() {
        assertEquals(List.of("heapdelta/examples/java/leaks-t0.hprof.gz", "heapdelta/examples/java/leaks-t1.hprof.gz",
                "heapdelta/examples/java/leaks-t2.hprof.gz"), Examples.resourceNames(Platform.JAVA));
        assertTrue(Examples.isBundled(Platform.JAVA));
    }

    @Test
    void nodeSeriesIsEitherCompleteOrNotBundledYet() {
        int count = Examples.resourceNames(Platform.NODE).size();
        assertTrue(count == 0 || count == 3, "node examples bundled: " + count);
    }

    @Test
    void copiesAreTheBundledGzipFilesAndEachIsAtMostFiveMegabytes(@TempDir Path directory) throws IOException {
        List<Path> files = Examples.copyTo(Platform.JAVA, directory.resolve("examples"));

        assertEquals(List.of("leaks-t0.hprof.gz", "leaks-t1.hprof.gz", "leaks-t2.hprof.gz"),
                files.stream().map(file -> file.getFileName().toString()).toList());
        for (Path file : files) {
            byte[] copied = Files.readAllBytes(file);
            assertArrayEquals(Files.readAllBytes(Path.of("java").resolve(file.getFileName())), copied, file.toString());
            assertEquals(0x1f, copied[0] & 0xff, "gzip magic");
            assertEquals(0x8b, copied[1] & 0xff, "gzip magic");
            assertTrue(copied.length <= FIVE_MEGABYTES, file + " has " + copied.length + " bytes");
        }
    }

    @Test
    void copyingAgainReplacesTheFiles(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve("leaks-t0.hprof.gz"), "stale");

        List<Path> files = Examples.copyTo(Platform.JAVA, directory);

        assertTrue(Files.size(files.get(0)) > 1000);
    }

    @Test
    void lastJavaDumpIsAnHprofHoldingTheSecretSessionTokens() throws IOException {
        byte[] hprof;
        try (InputStream in = new GZIPInputStream(Examples.class.getClassLoader()
                .getResourceAsStream("heapdelta/examples/java/leaks-t2.hprof.gz"))) {
            hprof = in.readAllBytes();
        }
        String manifestMarker = (String) manifest().get("secretMarker");

        assertEquals("JAVA PROFILE 1.0.2\0", new String(hprof, 0, 19, StandardCharsets.US_ASCII));
        assertTrue(indexOf(hprof, "SECRET-TOKEN-".getBytes(StandardCharsets.US_ASCII)) > 0);
        assertEquals("SECRET-TOKEN-", manifestMarker);
    }

    @Test
    void javaManifestListsTheThreeBundledFiles() throws IOException {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> snapshots = (List<Map<String, Object>>) manifest().get("snapshots");

        assertEquals(List.of("leaks-t0.hprof.gz", "leaks-t1.hprof.gz", "leaks-t2.hprof.gz"),
                snapshots.stream().map(snapshot -> snapshot.get("file")).toList());
        for (Map<String, Object> snapshot : snapshots) {
            assertEquals(Files.size(Path.of("java", (String) snapshot.get("file"))), snapshot.get("bytes"));
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> manifest() throws IOException {
        String json = Examples.manifestJson(Platform.JAVA).orElseThrow();
        return (Map<String, Object>) JsonTree.parse(json);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
