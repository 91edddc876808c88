package dev.heapdelta.app.gui.loading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.graph.GraphLimitException;
import dev.heapdelta.analyzer.source.DumpFormatException;
import dev.heapdelta.analyzer.store.ColumnFileException;
import dev.heapdelta.analyzer.store.MappedFileWatch;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the error dialog says: limits of the dump or the machine are told plainly, only bugs as failures. */
class LoadFailureTest {
    @Test
    void aDamagedDumpIsExpectedAndNamesTheOffset() {
        LoadFailure failure = LoadingViewModel.failureOf("a.hprof", new DumpFormatException("a.hprof", 42, "bad"));
        assertTrue(failure.expected());
        assertTrue(failure.problem().contains("42"), failure.problem());
        assertEquals("Cannot open a.hprof", failure.headline());
    }

    @Test
    void limitsOfTheGraphAndOfTheCacheDirectoryAreNotReportedAsBugs() {
        LoadFailure limit = LoadingViewModel.failureOf("big.hprof", new GraphLimitException("references"));
        assertTrue(limit.expected());
        assertTrue(limit.problem().contains("more references than HeapDelta can index"), limit.problem());
        LoadFailure disk = LoadingViewModel.failureOf("big.hprof",
                new ColumnFileException("cannot create the index file /ro/x.col: read-only", new IOException("ro")));
        assertTrue(disk.expected());
        assertTrue(disk.problem().contains("read-only"), disk.problem());
        LoadFailure full = LoadingViewModel.failureOf("big.hprof",
                new InternalError("a fault occurred in an unsafe memory access operation"));
        assertTrue(full.expected());
        assertTrue(full.problem().contains("full"), full.problem());
    }

    @Test
    void aBusErrorWhileADumpUnderAMappingIsCutSaysSoInOneLine(@TempDir Path work) throws IOException {
        Path dump = work.resolve("a.hprof");
        Files.write(dump, new byte[4096]);
        try (FileChannel channel = FileChannel.open(dump, StandardOpenOption.READ, StandardOpenOption.WRITE);
                MappedFileWatch.Watched watched = MappedFileWatch.watch(dump.toString(), channel, 4096)) {
            channel.truncate(1000);
            LoadFailure cut = LoadingViewModel.failureOf(dump.toString(),
                    new InternalError("a fault occurred in a recent unsafe memory access operation in compiled Java code"));
            assertTrue(cut.expected());
            assertEquals("file " + dump + ": cut while open (4096 bytes when opened, now 1000): another process"
                    + " truncated or rewrote it; open it again", cut.problem());
        }
    }

    @Test
    void anythingElseIsABugAndSaysWhat() {
        LoadFailure bug = LoadingViewModel.failureOf("a.hprof", new IllegalStateException("oops"));
        assertFalse(bug.expected());
        assertTrue(bug.problem().contains("IllegalStateException"), bug.problem());
    }
}
