package dev.heapdelta.app.cli;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.format.ByteSizes;
import dev.heapdelta.analyzer.source.ArchiveMember;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Says how much disk the copy of a dump taken out of a zip archive ({@code series.zip!t1.hprof}) took,
 * and deletes it once the results are printed. A later run copies it again with the same index-cache
 * key, so a saved analysis is still reused.
 */
final class ExtractedCopyNote {
    private ExtractedCopyNote() {
    }

    static void printAndCleanUp(Snapshot snapshot, PrintWriter err) {
        ArchiveMember member = ArchiveMember.parse(snapshot.file());
        if (member == null) {
            return;
        }
        try {
            Path copy = member.copyIn(snapshot.options().readOptions(snapshot.file()).cacheDirectoryOrDefault());
            if (!Files.isRegularFile(copy)) {
                return;
            }
            String size = ByteSizes.human(Files.size(copy));
            // The open graph keeps reading its records through its own handle; where the system refuses to
            // delete an open file, the copy goes when the JVM exits.
            try {
                Files.delete(copy);
            } catch (IOException e) {
                copy.toFile().deleteOnExit();
            }
            err.println("heapdelta: " + snapshot.file() + ": extracted copy took " + size + " in " + copy.getParent()
                    + "; deleted");
        } catch (IOException | RuntimeException e) {
            err.println("heapdelta: " + snapshot.file() + ": could not tidy its extracted copy (" + e.getMessage()
                    + ")");
        } finally {
            err.flush();
        }
    }
}
