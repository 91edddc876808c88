package dev.heapdelta.app.cli;

import dev.heapdelta.analyzer.analysis.IndexCacheUse;
import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.format.ByteSizes;
import dev.heapdelta.analyzer.graph.HeapFormat;
import dev.heapdelta.analyzer.hprof.HprofDetailsImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Says how much disk the inflated copy of a compressed HPROF dump takes, and deletes it once the
 * results are printed unless the index cache keeps it (a cache entry reads its records from it).
 */
final class InflatedCopyNote {
    private InflatedCopyNote() {
    }

    static void printAndCleanUp(Snapshot snapshot, PrintWriter err) {
        if (snapshot.format() != HeapFormat.HPROF) {
            return;
        }
        Path dump = Path.of(snapshot.file());
        try {
            if (!Files.isRegularFile(dump)) {
                return;
            }
            Path copy = HprofDetailsImage.recordFile(dump,
                    snapshot.options().readOptions(snapshot.file()).cacheDirectoryOrDefault());
            if (copy == null || copy.equals(dump)) {
                return;
            }
            String size = ByteSizes.human(Files.size(copy));
            IndexCacheUse.Status status = snapshot.indexCache().status();
            if (status == IndexCacheUse.Status.SAVED || status == IndexCacheUse.Status.REUSED) {
                err.println("heapdelta: " + dump + ": inflated copy " + copy + " takes " + size
                        + " (kept: the saved index reads its records from it)");
                return;
            }
            // The open graph keeps reading its records through its own handle; where the system
            // refuses to delete an open file, the copy goes when the JVM exits.
            try {
                Files.delete(copy);
            } catch (IOException e) {
                copy.toFile().deleteOnExit();
            }
            err.println("heapdelta: " + dump + ": inflated copy took " + size + " in " + copy.getParent()
                    + "; deleted, as no saved index reads from it");
        } catch (IOException | RuntimeException e) {
            err.println("heapdelta: " + dump + ": could not tidy its inflated copy (" + e.getMessage() + ")");
        } finally {
            err.flush();
        }
    }
}
