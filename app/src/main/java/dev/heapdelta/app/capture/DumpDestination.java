package dev.heapdelta.app.capture;

import dev.heapdelta.analyzer.store.PrivateFile;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The output file of a capture. The dump is written beside it under a hidden partial name and moved
 * into place only when complete, so a failed or cancelled capture never leaves a truncated dump
 * under the name the user asked for. The dump is private to its user (0600): it holds what the heap
 * held, tokens and personal data included.
 */
final class DumpDestination {
    private final Path file;
    private final Path partial;
    private final boolean overwrite;

    private DumpDestination(Path file, Path partial, boolean overwrite) {
        this.file = file;
        this.partial = partial;
        this.overwrite = overwrite;
    }

    static DumpDestination prepare(Path requested, boolean overwrite) throws CaptureException {
        Path file = requested.toAbsolutePath().normalize();
        if (Files.isDirectory(file)) {
            throw new CaptureException(file + " is a directory; give the dump's file name with -o");
        }
        if (Files.exists(file) && !overwrite) {
            throw new CaptureException(file + " already exists; choose another name, or add --force to replace it");
        }
        Path parent = file.getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new CaptureException("cannot create the directory " + parent + ": " + e.getMessage(), e);
        }
        if (!Files.isWritable(parent)) {
            throw new CaptureException("cannot write into " + parent + " (permission denied)");
        }
        Path partial = parent.resolve("." + file.getFileName() + ".partial");
        try {
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            throw new CaptureException("cannot remove the leftover " + partial + ": " + e.getMessage(), e);
        }
        return new DumpDestination(file, partial, overwrite);
    }

    Path file() {
        return file;
    }

    /** Where the dump is written until it is complete; it does not exist yet. */
    Path partial() {
        return partial;
    }

    Path directory() {
        return file.getParent();
    }

    /** Moves the complete dump into place; returns its size. */
    long commit() throws CaptureException {
        try {
            long size = Files.size(partial);
            if (size == 0) {
                throw new CaptureException("the dump written to " + partial + " is empty");
            }
            // Whoever wrote it (a JVM, node, docker cp), the dump appears under its name as 0600.
            PrivateFile.restrict(partial);
            try {
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                if (overwrite) {
                    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
                } else {
                    Files.move(partial, file);
                }
            }
            return size;
        } catch (IOException e) {
            throw new CaptureException("cannot move the dump into " + file + ": " + e.getMessage(), e);
        }
    }

    /** Removes a partial dump after a failure; a failure to remove it is not worth hiding the first one. */
    void discard() {
        try {
            Files.deleteIfExists(partial);
        } catch (IOException ignored) {
            // The original failure is what the user needs to see; the leftover is replaced next time.
        }
    }
}
