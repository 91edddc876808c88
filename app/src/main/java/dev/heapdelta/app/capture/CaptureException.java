package dev.heapdelta.app.capture;

/** A heap dump could not be captured; the message is written for the person who asked, ways out included. */
public final class CaptureException extends Exception {
    private static final long serialVersionUID = 1L;

    public CaptureException(String message) {
        super(message);
    }

    public CaptureException(String message, Throwable cause) {
        super(message, cause);
    }
}
