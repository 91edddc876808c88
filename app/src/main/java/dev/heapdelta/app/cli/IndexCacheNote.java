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

    static void printFor(List<Snapshot> snapshots, PrintWriter err) {
        for (Snapshot snapshot : snapshots) {
            printFor(snapshot, err);
        }
    }

    static void printFor(Snapshot snapshot, PrintWriter err) {
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
