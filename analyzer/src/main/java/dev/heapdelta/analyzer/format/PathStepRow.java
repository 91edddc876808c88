package dev.heapdelta.analyzer.format;

/**
 * One step of a path to a GC root as reports show it, root-first.
 *
 * @param id the object's id in its written form
 * @param className a fully qualified Java name or a DevTools class name
 * @param edge the field or property leading to the next step, {@code []} for an index, empty at the end
 */
public record PathStepRow(String id, String className, String edge) {
}
