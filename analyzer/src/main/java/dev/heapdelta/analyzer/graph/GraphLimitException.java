package dev.heapdelta.analyzer.graph;

/**
 * A dump beyond what the graph can index: objects, references and their lists are numbered with
 * 32-bit ints, as in Eclipse MAT, so about 2^31 of each. Not a bug and not a damaged file: the user is
 * told the limit, in one line.
 */
public final class GraphLimitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public GraphLimitException(String what) {
        super("the dump holds more " + what + " than HeapDelta can index (2,147,483,639: its object graph uses"
                + " 32-bit indexes)");
    }
}
