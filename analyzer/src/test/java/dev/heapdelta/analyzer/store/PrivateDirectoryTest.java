package dev.heapdelta.analyzer.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateDirectoryTest {
    @TempDir
    Path shared;

    @Test
    void newCacheDirectoriesAndTheirMissingParentsAreOwnerOnly() throws IOException {
        Path nested = shared.resolve("heapdelta-cache-me").resolve("index");
        PrivateDirectory.create(nested);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(nested)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(nested.getParent())));
    }

    @Test
    void anExistingCacheDirectoryOthersCanReadIsTightened() throws IOException {
        Path cache = Files.createDirectory(shared.resolve("heapdelta-cache-me"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        PrivateDirectory.create(cache);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache)));
    }

    @Test
    void aCacheDirectoryOfAnotherUserIsRefused() throws IOException {
        Path planted = Files.createDirectory(shared.resolve("heapdelta-cache-me"));
        UserPrincipal other;
        try {
            other = planted.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
            Files.setOwner(planted, other);
        } catch (IOException e) {
            Assumptions.abort("handing a directory to another user needs root: " + e.getMessage());
            return;
        }
        IOException refused = assertThrows(IOException.class, () -> PrivateDirectory.create(planted));
        assertTrue(refused.getMessage().contains("belongs to nobody"), refused.getMessage());
    }

    @Test
    void aLinkInPlaceOfTheCacheDirectoryIsRefused() throws IOException {
        Path target = Files.createDirectory(shared.resolve("elsewhere"));
        Path link = Files.createSymbolicLink(shared.resolve("heapdelta-cache-me"), target);
        assertThrows(IOException.class, () -> PrivateDirectory.create(link));
    }

    @Test
    void anInMemoryTemporaryDirectoryIsNotWhereDumpDataGoesByDefault() throws IOException {
        assertTrue(PrivateDirectory.isInMemoryFileSystem("tmpfs"));
        assertFalse(PrivateDirectory.isInMemoryFileSystem("ext4"));
        Path temporary = Path.of(System.getProperty("java.io.tmpdir"));
        Path chosen = PrivateDirectory.defaultCacheDirectory();
        if (PrivateDirectory.isInMemory(temporary)) {
            assertFalse(chosen.startsWith(temporary), chosen + " is on the in-memory " + temporary);
        } else {
            assertEquals(temporary, chosen.getParent(), "a disk-backed temporary directory keeps the cache");
        }
    }
}
