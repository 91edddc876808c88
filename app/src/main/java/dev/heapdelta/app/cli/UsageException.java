package dev.heapdelta.app.cli;

/** A usage mistake found after parsing (an option value that does not fit the dump); exit code 1. */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
