package dev.heapdelta.app.gui.paths;

import dev.heapdelta.app.gui.session.ObjectSummary;
import java.util.List;

/**
 * One row of a path tree, root-first: an object, the field by which its parent row reaches it, and
 * for merged paths how many of the class's instances are reached through it.
 *
 * @param object null for a row that stands for {@code hiddenChildren} smaller branches
 * @param edge the field, property or {@code [i]} of the parent row that leads here; empty at a GC root
 * @param rootKinds what kind of GC root the object is ({@code System Class}); empty when it is none
 * @param referencedObjects instances of the class whose shortest path runs through this row
 * @param referencedShallowBytes their shallow size
 */
public record PathNode(ObjectSummary object, String edge, String rootKinds, long referencedObjects,
        long referencedShallowBytes, List<PathNode> children, int hiddenChildren) {

    public boolean isMore() {
        return object == null;
    }
}
