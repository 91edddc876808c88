package dev.heapdelta.analyzer.analysis;

/** How {@code java.lang.ref.Reference.referent} counts, the {@code --weak-refs} option. */
public enum WeakReferencePolicy {
    /** As Eclipse MAT: referents retain like any other reference. */
    MAT,
    /** Referents of weak, soft, phantom and finalizer references do not retain. */
    IGNORE
}
