package dev.heapdelta.app.cli;

import dev.heapdelta.analyzer.analysis.IndexCacheUse;
import dev.heapdelta.analyzer.analysis.Snapshot;
import java.io.PrintWriter;
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
            err.println("heapdelta: " + snapshot.file() + ": index cache: reused " + use.entry()
                    + " (--no-index-cache analyses afresh)");
        }
        err.flush();
    }
}
