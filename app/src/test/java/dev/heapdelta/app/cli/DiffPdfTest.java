package dev.heapdelta.app.cli;

import static dev.heapdelta.app.capture.testing.FileModes.assertOwnerOnly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.app.pdf.PdfText;
import dev.heapdelta.samples.Examples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code heapdelta diff A B --pdf OUT}: the report is written beside the table or the JSON, and bad paths fail early. */
class DiffPdfTest {
    @TempDir
    static Path dir;

    static List<Path> dumps;

    @BeforeAll
    static void copyTheBundledExample() throws Exception {
        dumps = Examples.copyTo(Examples.Platform.JAVA, dir.resolve("dumps"));
    }

    @Test
    void diffWritesThePdfAndSaysWhere() throws Exception {
        Path out = dir.resolve("report.pdf");
        CliRun run = CliRun.of("diff", dumps.get(0).toString(), dumps.get(2).toString(), "--pdf", out.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        PdfText pdf = PdfText.of(out);
        assertTrue(run.out().contains("Leak report: " + out + " (" + pdf.pages() + " pages)"), run.out());
        assertTrue(pdf.containsIgnoringWrapping("HashMap at static SessionStore.CACHE grew from 500 to 6,000 entries"));
        assertTrue(pdf.text().contains("two dumps only"), "a two-dump report says a plateau cannot be told apart");
    }

    @Test
    void jsonOnStandardOutputStaysPureWhenAPdfIsWrittenToo() throws Exception {
        Path out = dir.resolve("with-json.pdf");
        CliRun run = CliRun.of("diff", dumps.get(0).toString(), dumps.get(1).toString(), "--json", "-", "--pdf",
                out.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        assertTrue(run.out().strip().startsWith("{") && run.out().strip().endsWith("}"), run.out());
        assertFalse(run.out().contains("Leak report:"));
        assertTrue(Files.size(out) > 10_000);
    }

    @Test
    void aPdfPathInAMissingDirectoryIsABadUsageFoundBeforeAnyDumpIsRead() {
        Path out = dir.resolve("no-such-directory").resolve("report.pdf");
        CliRun run = CliRun.of("diff", "missing-a.hprof", "missing-b.hprof", "--pdf", out.toString());
        assertEquals(ExitCode.USAGE, run.exitCode());
        assertTrue(run.err().contains("does not exist"), run.err());
        assertFalse(run.err().contains("missing-a.hprof"), "the dumps were not read: " + run.err());
    }

    @Test
    void theReportAndTheJsonExportAreOwnerOnlyEvenWhenTheyReplaceWorldReadableFiles() throws Exception {
        Path pdf = Files.writeString(dir.resolve("replaced.pdf"), "old");
        Path json = Files.writeString(dir.resolve("replaced.json"), "old");
        Files.setPosixFilePermissions(pdf, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(json, PosixFilePermissions.fromString("rw-rw-rw-"));

        CliRun run = CliRun.of("diff", dumps.get(0).toString(), dumps.get(1).toString(), "--json", json.toString(),
                "--pdf", pdf.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertOwnerOnly(pdf);
        assertOwnerOnly(json);
        assertTrue(Files.readString(json).contains("\"suspects\""), "the JSON was written");
    }
}
