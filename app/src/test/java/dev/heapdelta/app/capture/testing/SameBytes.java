package dev.heapdelta.app.capture.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Asserts that a copied file is byte for byte its source without holding either in memory: the fixture
 * dump is the test JVM's own heap, as large as everything the earlier tests of the run keep, and two
 * arrays of it beside that heap ran a CI run's test JVM out of its 3 GB.
 */
public final class SameBytes {
    private SameBytes() {
    }

    public static void assertSameBytes(Path expected, Path actual) throws IOException {
        assertSameBytes(expected, actual, "");
    }

    public static void assertSameBytes(Path expected, Path actual, String message) throws IOException {
        long mismatch = Files.mismatch(expected, actual);
        if (mismatch >= 0) {
            fail(String.format("%s%s (%,d bytes) and %s (%,d bytes) differ from byte %,d",
                    message.isEmpty() ? "" : message + ": ", expected, Files.size(expected), actual,
                    Files.size(actual), mismatch));
        }
    }
}
