package dev.heapdelta.analyzer.store;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A mapped column's file or directory could not be created or mapped (read-only, no space, no
 * permission): a fault of the machine, neither of the dump nor of HeapDelta, so callers report its
 * message rather than a stack trace.
 */
public final class ColumnFileException extends UncheckedIOException {
    public ColumnFileException(String message, IOException cause) {
        super(message, cause);
    }
}
