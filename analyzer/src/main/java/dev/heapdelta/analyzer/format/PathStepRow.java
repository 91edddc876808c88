package dev.heapdelta.analyzer.format;

/**
 * One step of a path to a GC root as reports show it, root-first.
 *
 * @param id the object's id in its written form
 * @param className a fully qualified Java name or a DevTools class name
 * @param edge the field or property leading to the next step, {@code []} for an index, empty at the end
 * @param label a class object's {@code class SessionStore} (the class whose statics it holds), or empty
 * @param indexedEdge the edge as the JSON writes it: an index keeps its number ({@code [125]})
 */
public record PathStepRow(String id, String className, String edge, String label, String indexedEdge) {

    /** A step without a label, whose edge is written as it is. */
    public PathStepRow(String id, String className, String edge) {
        this(id, className, edge, "", edge);
    }

    /** {@code class SessionStore} for a class object, the class name otherwise: who holds the next edge. */
    public String holder() {
        return label.isEmpty() ? className : label;
    }
}
