package dev.heapdelta.app.cli;

import dev.heapdelta.analyzer.analysis.IndexCacheUse;
import dev.heapdelta.analyzer.analysis.Snapshot;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * Tells the user, on stderr, that a dump was reopened from the index cache instead of analysed (and
 * how to force a fresh analysis), or what went wrong with the cache; a fresh save says nothing.
 */
final class IndexCacheNote {
    private IndexCacheNote() {
    }

    /**
     * Saves the fresh analyses to the index cache, or waits for the writes that the command started in
     * the background while it made and printed its results, then says what the cache did.
     */
    static void saveAndPrintFor(List<Snapshot> snapshots, PrintWriter err) {
        for (Snapshot snapshot : snapshots) {
            saveAndPrintFor(snapshot, err);
        }
    }

    static void saveAndPrintFor(Snapshot snapshot, PrintWriter err) {
        snapshot.saveToIndexCache();
        printFor(snapshot, err);
        CopyNote.printAndCleanUp(snapshot, err);
    }

    private static void printFor(Snapshot snapshot, PrintWriter err) {
        IndexCacheUse use = snapshot.indexCache();
        if (use.warning() != null) {
            err.println("heapdelta: " + snapshot.file() + ": " + use.warning());
        }
        if (use.status() == IndexCacheUse.Status.REUSED) {
            printReused(snapshot.file(), use.entry(), err);
        }
        err.flush();
    }

    /** The note of a dump whose results came from its index-cache entry {@code entry}. */
    static void printReused(String file, Path entry, PrintWriter err) {
        err.println("heapdelta: " + file + ": index cache: reused " + entry + " (--no-index-cache analyses afresh)");
        err.flush();
    }
}
