package dev.heapdelta.analyzer.query;

/**
 * One step of a path from a GC root, root-first.
 *
 * @param object the object at this step
 * @param edgeToNext the edge index from this object to the next step, or -1 at the last step
 */
public record PathStep(int object, int edgeToNext) {
}
