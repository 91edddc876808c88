package dev.heapdelta.analyzer.oql;

/**
 * A query that cannot be parsed or evaluated: one line naming what is wrong and the character position
 * in the query (1-based), or no position when the problem lies in the dump rather than in the text.
 */
public final class OqlException extends RuntimeException {
    private final int position;

    public OqlException(String message, int position) {
        super(position > 0 ? "OQL error at position " + position + ": " + message : "OQL error: " + message);
        this.position = position;
    }

    /** The 1-based character where the problem starts, or 0 when it is not in the text. */
    public int position() {
        return position;
    }
}
