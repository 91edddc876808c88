package dev.heapdelta.analyzer.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateFileTest {
    @TempDir
    Path directory;

    private static String mode(Path file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    @Test
    void aNewFileIsOwnerOnlyFromItsCreation() throws IOException {
        Path file = directory.resolve("new.json");
        try (OutputStream out = PrivateFile.create(file)) {
            assertEquals("rw-------", mode(file), "already while it is written");
            out.write("{}".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals("rw-------", mode(file));
        assertEquals("{}", Files.readString(file));
    }

    @Test
    void anExistingWorldReadableFileIsNarrowedAndReplaced() throws IOException {
        Path file = Files.writeString(directory.resolve("old.json"), "a much longer old content");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
        try (OutputStream out = PrivateFile.create(file)) {
            out.write("new".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals("rw-------", mode(file));
        assertEquals("new", Files.readString(file));
    }

    @Test
    void aFileAnotherProgramWroteIsRestricted() throws IOException {
        Path file = Files.writeString(directory.resolve("Heap.heapsnapshot"), "{}");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        PrivateFile.restrict(file);
        assertEquals("rw-------", mode(file));
    }
}
