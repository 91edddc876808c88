package dev.heapdelta.analyzer.store;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A file HeapDelta maps could not be created, mapped or read: a mapped column's file or directory
 * (read-only, no space, no permission), or a dump that another process cut while its mapped windows were
 * open. A fault of the machine, neither of the dump's format nor of HeapDelta, so callers report its
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
        return isBusErrorOnAMappedPage(problem);
    }

    /**
     * Whether {@code problem} is the JVM's report of a mapped page that the file no longer backs (its disk
     * filled, or the file was cut): an {@link InternalError} that a read from a mapped buffer raises.
     */
    public static boolean isBusErrorOnAMappedPage(Throwable problem) {
        return problem instanceof InternalError
                && String.valueOf(problem.getMessage()).contains("unsafe memory access");
    }
}
