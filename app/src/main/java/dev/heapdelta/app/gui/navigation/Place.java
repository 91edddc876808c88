package dev.heapdelta.app.gui.navigation;

import dev.heapdelta.analyzer.query.PathExclusions;
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

    /** A paths view: what its paths are computed without is part of the place, so history keeps it. */
    sealed interface Paths extends Place {
        PathExclusions exclusions();

        /** The same paths without {@code other}: another place, so that Back returns to these. */
        Paths withExclusions(PathExclusions other);
    }

    /** The shortest path from a GC root to one object, without the excluded references (by default every referent). */
    record ObjectPath(ObjectRef object, PathExclusions exclusions) implements Paths {
        public ObjectPath(ObjectRef object) {
            this(object, PathExclusions.defaults());
        }

        @Override
        public ObjectPath withExclusions(PathExclusions other) {
            return new ObjectPath(object, other);
        }
    }

    /** The merged shortest paths of every instance of a class, as MAT merges them, without the excluded references. */
    record ClassPaths(String classKey, String className, int snapshot, PathExclusions exclusions) implements Paths {
        public ClassPaths(String classKey, String className, int snapshot) {
            this(classKey, className, snapshot, PathExclusions.defaults());
        }

        @Override
        public ClassPaths withExclusions(PathExclusions other) {
            return new ClassPaths(classKey, className, snapshot, other);
        }
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
