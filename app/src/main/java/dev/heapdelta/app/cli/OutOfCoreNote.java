package dev.heapdelta.app.cli;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.format.ByteSizes;
import dev.heapdelta.analyzer.store.ColumnStore;
import java.io.PrintWriter;
import java.util.List;

/**
 * Tells the user, on stderr, that a dump was analysed out of core: slower than in memory, and it
 * explains the disk activity and where the index files went.
 */
final class OutOfCoreNote {
    private OutOfCoreNote() {
    }

    static void printFor(List<Snapshot> snapshots, PrintWriter err) {
        for (Snapshot snapshot : snapshots) {
            printFor(snapshot, err);
        }
    }

    static void printFor(Snapshot snapshot, PrintWriter err) {
        ColumnStore store = snapshot.graph().store();
        if (store.isMapped()) {
            err.println("heapdelta: " + snapshot.file() + " was analysed out of core (Java heap "
                    + ByteSizes.human(Runtime.getRuntime().maxMemory()) + "): " + ByteSizes.human(store.mappedBytes())
                    + " of index files mapped in " + store.directory());
            err.flush();
        }
    }
}
