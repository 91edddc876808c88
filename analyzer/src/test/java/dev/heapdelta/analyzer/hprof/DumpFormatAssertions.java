package dev.heapdelta.analyzer.hprof;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.source.DumpFormatException;
import java.nio.file.Path;

/** Asserts that a file is refused with a typed, readable error. */
final class DumpFormatAssertions {
    private DumpFormatAssertions() {
    }

    static DumpFormatException assertUnreadable(Path file, int dumpIndex, String fragment) {
        DumpFormatException e = assertThrows(DumpFormatException.class, () -> Graphs.read(file, dumpIndex));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), "the message names the file: " + e.getMessage());
        return e;
    }
}
