package dev.heapdelta.app.gui.navigation;

import dev.heapdelta.app.gui.session.ObjectRef;

/** Where the user is in the app: one entry of the back/forward history. */
public sealed interface Place {

    /** The start screen: choose or drop dumps. */
    record Welcome() implements Place {
    }

    /** "What leaked?": totals, charts and the ranked suspects. */
    record Overview() implements Place {
    }

    /** The diff table of every class. */
    record Classes() implements Place {
    }

    /**
     * The instances of one class in one snapshot, largest first.
     *
     * @param selected the instance to select and show when the list opens (a suspect's container), or null
     */
    record Instances(String classKey, String className, int snapshot, ObjectRef selected) implements Place {
        public Instances(String classKey, String className, int snapshot) {
            this(classKey, className, snapshot, null);
        }
    }

    /**
     * The instances of one class that one object holds: those in its dominator subtree that no other
     * instance of the class dominates (what a suspect's evidence counts), largest first.
     */
    record HeldInstances(ObjectRef holder, String classKey, String className) implements Place {
    }

    /** The dominator tree of one snapshot, from its root or from one object. */
    record Dominators(int snapshot, ObjectRef from) implements Place {
    }

    /** The shortest strong path from a GC root to one object. */
    record ObjectPath(ObjectRef object) implements Place {
    }

    /** The merged shortest paths of every instance of a class, as MAT merges them. */
    record ClassPaths(String classKey, String className, int snapshot) implements Place {
    }

    /** The OQL console on one snapshot. */
    record Oql(int snapshot) implements Place {
    }

    /** Fields and values of one object. */
    record Inspector(ObjectRef object) implements Place {
    }

    /** The threads of one snapshot with their stacks and the locals each frame pins (V8: the pinned roots). */
    record Threads(int snapshot) implements Place {
    }

    /** One waste inspection ({@code strings}, {@code collections}, …) over every snapshot. */
    record Inspections(String kind) implements Place {
    }
}
