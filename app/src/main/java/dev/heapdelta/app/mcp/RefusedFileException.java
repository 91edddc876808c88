package dev.heapdelta.app.mcp;

/** A tool call named a file the server may not read: told to the agent as a tool error, not a crash. */
public final class RefusedFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RefusedFileException(String message) {
        super(message);
    }
}
