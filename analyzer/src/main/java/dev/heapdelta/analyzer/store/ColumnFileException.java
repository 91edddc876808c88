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

    /**
     * Whether {@code problem} is how the JVM reports a bus error on a mapped page: the disk under a
     * column's file filled up after the sparse file was mapped (the files are deleted once mapped, so
     * nothing else can truncate them). It cannot be caught as this exception, only recognised.
     */
    public static boolean isFullDiskUnderAMappedColumn(Throwable problem) {
        return problem instanceof InternalError
                && String.valueOf(problem.getMessage()).contains("unsafe memory access");
    }
}
