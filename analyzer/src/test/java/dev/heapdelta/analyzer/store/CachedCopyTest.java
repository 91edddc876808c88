package dev.heapdelta.analyzer.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachedCopyTest {
    @TempDir
    Path work;

    private static String mode(Path file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    private static List<Path> listing(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.sorted().toList();
        }
    }

    @Test
    void theCopyIsOwnerOnlyWhileItIsWrittenAndAppearsWholeUnderItsNameWithTheSourcesTime() throws IOException {
        Path target = work.resolve("cache/extracted/0123-dump.hprof");
        FileTime sourceTime = FileTime.from(Instant.parse("2026-01-02T03:04:05Z"));
        String written = new CachedCopy(target, "extract a.zip!dump.hprof").write(5, sourceTime, out -> {
            List<Path> during = listing(target.getParent());
            assertEquals(1, during.size(), "only the temporary file while writing: " + during);
            assertTrue(during.get(0).getFileName().toString().endsWith(".partial"), during.toString());
            assertEquals("rw-------", mode(during.get(0)), "private before a byte is in it");
            assertFalse(Files.exists(target), "no half copy under the real name");
            out.write("HPROF".getBytes(StandardCharsets.US_ASCII));
            return "done";
        });
        assertEquals("done", written);
        assertEquals(List.of(target), listing(target.getParent()));
        assertEquals("HPROF", Files.readString(target));
        assertEquals("rw-------", mode(target));
        assertEquals("rwx------", mode(target.getParent()));
        assertEquals(sourceTime, Files.getLastModifiedTime(target));
    }

    @Test
    void aCopyThatFailsHalfwayLeavesTheOldCopyAndNoTemporaryFile() throws IOException {
        Path target = Files.writeString(PrivateDirectory.create(work.resolve("cache")).resolve("key.hprof"), "old");
        IOException e = assertThrows(IOException.class, () -> new CachedCopy(target, "decompress a.gz").write(0, out -> {
            out.write(new byte[1000]);
            throw new IOException("stream broken");
        }));
        assertEquals("stream broken", e.getMessage());
        assertEquals(List.of(target), listing(target.getParent()));
        assertEquals("old", Files.readString(target));
    }

    @Test
    void aSourceClaimingMoreThanTheDiskHasFreeIsRefusedBeforeAByteIsWritten() throws IOException {
        Path target = work.resolve("cache/huge.hprof");
        long free = Files.getFileStore(work).getUsableSpace();
        AtomicBoolean written = new AtomicBoolean();
        IOException e = assertThrows(IOException.class,
                () -> new CachedCopy(target, "decompress huge.hprof.gz").write(free, out -> {
                    written.set(true);
                    return null;
                }));
        assertTrue(e.getMessage().matches("not enough free space in .*cache to decompress huge\\.hprof\\.gz: \\d+ MB free"),
                e.getMessage());
        assertFalse(written.get());
        assertEquals(List.of(), listing(target.getParent()));
    }

    @Test
    void aSourceWithinTheMarginOfFreeSpaceIsCopied() throws IOException {
        long free = Files.getFileStore(work).getUsableSpace();
        Path target = work.resolve("cache/fits.hprof");
        assertThrows(IOException.class, () -> new CachedCopy(target, "extract").write(free - CachedCopy.SPACE_MARGIN / 2,
                out -> null), "half the margin short");
        new CachedCopy(target, "extract").write(free - 2 * CachedCopy.SPACE_MARGIN, out -> null);
        assertTrue(Files.isRegularFile(target));
    }

    @Test
    void theKeyChangesWithWhatIdentifiesTheSourceAndOnlyWithIt() throws IOException {
        Path a = Files.writeString(work.resolve("a.gz"), "first bytes, then the rest");
        Path b = Files.writeString(work.resolve("b.gz"), "first bytes, then another rest");
        String key = CopyKey.start().text("26:1000:").head(a, 11).hex(12);
        assertEquals(24, key.length());
        assertTrue(key.matches("[0-9a-f]+"), key);
        assertEquals(key, CopyKey.start().text("26:1000:").head(b, 11).hex(12), "the same head and identity");
        assertNotEquals(key, CopyKey.start().text("26:1000:").head(b, 20).hex(12));
        assertNotEquals(key, CopyKey.start().text("26:1001:").head(a, 11).hex(12));
        assertEquals(key.substring(0, 16), CopyKey.start().text("26:1000:").head(a, 11).hex(8));
    }
}
