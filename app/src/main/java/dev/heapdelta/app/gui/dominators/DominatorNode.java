package dev.heapdelta.app.gui.dominators;

import dev.heapdelta.app.gui.session.ObjectSummary;

/**
 * One row of the dominator tree: an object with how many objects it immediately dominates, or a
 * "more" row standing for the {@code hiddenCount} smaller siblings not listed yet.
 *
 * @param object null for a "more" row
 * @param parent the dominator whose children this row belongs to
 * @param shownBefore for a "more" row, how many siblings are already listed
 * @param retainedDelta retained size minus that of the same object in the base snapshot, or
 *     {@link Long#MIN_VALUE} where there is no base or the object is not found in it
 */
public record DominatorNode(ObjectSummary object, int childCount, int parent, int shownBefore, int hiddenCount,
        long hiddenBytes, long retainedDelta) {

    public boolean isMore() {
        return object == null;
    }
}
