package dev.heapdelta.analyzer.store;

import java.io.IOException;
import java.nio.file.Path;

/** A saved analysis file that is short, inconsistent or fails its checksum: it must not be trusted. */
public final class DamagedImageException extends IOException {
    public DamagedImageException(Path file, long offset, String problem) {
        super(file + ": " + problem + " at offset " + offset);
    }
}
