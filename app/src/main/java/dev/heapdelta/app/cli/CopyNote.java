package dev.heapdelta.app.cli;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.format.ByteSizes;
import dev.heapdelta.analyzer.hprof.HprofDetailsImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Says how much disk the private copy a dump was read from takes (an inflated or an extracted one), and
 * deletes it once the results are printed unless the index cache still reads from it.
 */
final class CopyNote {
    private CopyNote() {
    }

    /** The note for each copy the snapshot was read from. */
    static void printAndCleanUp(Snapshot snapshot, PrintWriter err) {
        for (DumpCopy kind : DumpCopy.values()) {
            try {
                Path copy = kind.of(snapshot);
                if (copy != null) {
                    printAndCleanUp(snapshot.file(), copy, kind, kind.keptFor(snapshot), err);
                }
            } catch (IOException | RuntimeException e) {
                couldNotTidy(snapshot.file(), kind, e, err);
            }
        }
    }

    /**
     * For results read from the index-cache entry of {@code dump}, without a snapshot: the inflated copy that
     * the entry reads its records from, if the dump has one.
     */
    static void printKeptInflated(String dump, Path cacheDirectory, PrintWriter err) {
        try {
            Path copy = HprofDetailsImage.recordFile(Path.of(dump), cacheDirectory);
            if (copy != null && !copy.equals(Path.of(dump))) {
                printAndCleanUp(dump, copy, DumpCopy.INFLATED, true, err);
            }
        } catch (IOException | RuntimeException e) {
            couldNotTidy(dump, DumpCopy.INFLATED, e, err);
        }
    }

    /**
     * Announces {@code copy} of {@code dump} and deletes it unless {@code kept}; says nothing when it is
     * gone already.
     */
    static void printAndCleanUp(String dump, Path copy, DumpCopy kind, boolean kept, PrintWriter err) {
        try {
            if (!Files.isRegularFile(copy)) {
                return;
            }
            String size = ByteSizes.human(Files.size(copy));
            if (kept) {
                err.println("heapdelta: " + dump + ": " + kind.word + " copy " + copy + " takes " + size
                        + " (kept: the saved index reads its records from it)");
                return;
            }
            // The open graph keeps reading its records through its own handle; where the system refuses to
            // delete an open file, the copy goes when the JVM exits.
            try {
                Files.delete(copy);
            } catch (IOException e) {
                copy.toFile().deleteOnExit();
            }
            err.println("heapdelta: " + dump + ": " + kind.word + " copy took " + size + " in " + copy.getParent()
                    + "; deleted" + kind.deletedBecause);
        } catch (IOException | RuntimeException e) {
            couldNotTidy(dump, kind, e, err);
        } finally {
            err.flush();
        }
    }

    private static void couldNotTidy(String dump, DumpCopy kind, Exception e, PrintWriter err) {
        err.println("heapdelta: " + dump + ": could not tidy its " + kind.word + " copy (" + e.getMessage() + ")");
        err.flush();
    }
}
