package dev.heapdelta.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one note for both kinds of private copy: each kind's words, its size, deleted or kept. */
class CopyNoteTest {
    @TempDir
    Path cache;

    private String note(Path copy, DumpCopy kind, boolean kept) {
        StringWriter err = new StringWriter();
        CopyNote.printAndCleanUp("series.zip!t1.hprof", copy, kind, kept, new PrintWriter(err));
        return err.toString();
    }

    private Path copyOf(int bytes) throws IOException {
        return Files.write(cache.resolve("0123abcd-t1.hprof"), new byte[bytes]);
    }

    @Test
    void anExtractedCopyIsAnnouncedWithItsSizeAndDeleted() throws IOException {
        Path copy = copyOf(3 * 1024 * 1024);
        assertEquals("heapdelta: series.zip!t1.hprof: extracted copy took 3.0 MB in " + cache + "; deleted"
                + System.lineSeparator(), note(copy, DumpCopy.EXTRACTED, false));
        assertFalse(Files.exists(copy));
    }

    @Test
    void anInflatedCopySaysWhyItCouldGo() throws IOException {
        Path copy = copyOf(2048);
        assertEquals("heapdelta: series.zip!t1.hprof: inflated copy took 2.0 KB in " + cache
                + "; deleted, as no saved index reads from it" + System.lineSeparator(),
                note(copy, DumpCopy.INFLATED, false));
        assertFalse(Files.exists(copy));
    }

    @Test
    void aCopyTheIndexReadsFromIsKeptAndNamed() throws IOException {
        Path copy = copyOf(2048);
        assertEquals("heapdelta: series.zip!t1.hprof: inflated copy " + copy
                + " takes 2.0 KB (kept: the saved index reads its records from it)" + System.lineSeparator(),
                note(copy, DumpCopy.INFLATED, true));
        assertTrue(Files.exists(copy));
    }

    @Test
    void aCopyThatIsGoneAlreadyIsNotMentioned() {
        assertEquals("", note(cache.resolve("never-made.hprof"), DumpCopy.EXTRACTED, false));
    }
}
