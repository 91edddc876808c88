package dev.heapdelta.app.capture.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Asserts the mode of files HeapDelta writes: dumps and exports are private to their user. */
public final class FileModes {
    private FileModes() {
    }

    public static void assertOwnerOnly(Path file) throws IOException {
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)),
                file + " must be readable by its owner only (0600)");
    }
}
