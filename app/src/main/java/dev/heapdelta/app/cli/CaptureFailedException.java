package dev.heapdelta.app.cli;

/** A heap dump could not be captured; exit code 5. */
public final class CaptureFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CaptureFailedException(String message) {
        super(message);
    }

    public CaptureFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
