package dev.heapdelta.app.capture;

import dev.heapdelta.analyzer.format.ByteSizes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks the free space where a local dump will be written, before the JVM writes it: a JVM that
 * runs out of disk mid-dump leaves a truncated file and may fill a disk that other services need.
 */
final class LocalDiskSpace {
    private static final double MARGIN = 1.05;

    private LocalDiskSpace() {
    }

    static void requireRoomFor(Path directory, long expectedBytes, CaptureListener listener) throws CaptureException {
        long usable;
        try {
            usable = Files.getFileStore(directory).getUsableSpace();
        } catch (IOException e) {
            listener.warning("could not check the free space in " + directory + ": " + e.getMessage());
            return;
        }
        if (expectedBytes < 0) {
            listener.note("free space in " + directory + ": " + ByteSizes.human(usable)
                    + " (the dump size could not be estimated)");
            return;
        }
        listener.note("free space in " + directory + ": " + ByteSizes.human(usable) + "; the dump needs about "
                + ByteSizes.human(expectedBytes));
        if (usable < expectedBytes * MARGIN) {
            throw new CaptureException("not enough free space in " + directory + ": " + ByteSizes.human(usable)
                    + " free, and the dump needs about " + ByteSizes.human(expectedBytes)
                    + " (the used heap). Free some space, write elsewhere with -o, or add --gzip (4-6x smaller)");
        }
        if (usable < expectedBytes * 2) {
            listener.warning("the dump will take more than half of the free space in " + directory);
        }
    }
}
