package dev.heapdelta.app.gui.loading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.graph.GraphLimitException;
import dev.heapdelta.analyzer.source.DumpFormatException;
import dev.heapdelta.analyzer.store.ColumnFileException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

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
    void anythingElseIsABugAndSaysWhat() {
        LoadFailure bug = LoadingViewModel.failureOf("a.hprof", new IllegalStateException("oops"));
        assertFalse(bug.expected());
        assertTrue(bug.problem().contains("IllegalStateException"), bug.problem());
    }
}
