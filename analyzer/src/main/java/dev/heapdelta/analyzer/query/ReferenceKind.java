package dev.heapdelta.analyzer.query;

import java.util.Locale;

/**
 * The kinds of {@code java.lang.ref.Reference} whose referent a path to GC roots may be told to avoid,
 * as MAT's "exclude weak/soft/phantom references" menu does. For V8, only {@link #WEAK} applies: weak
 * edges.
 */
public enum ReferenceKind {
    WEAK("java.lang.ref.WeakReference"),
    SOFT("java.lang.ref.SoftReference"),
    PHANTOM("java.lang.ref.PhantomReference"),
    /** {@code java.lang.ref.FinalReference} (the {@code Finalizer} chain), Android's {@code FinalizerReference}. */
    FINALIZER("java.lang.ref.FinalReference", "java.lang.ref.FinalizerReference");

    private final String[] classNames;

    ReferenceKind(String... classNames) {
        this.classNames = classNames;
    }

    /** The classes whose subclasses' referents are this kind. */
    public String[] classNames() {
        return classNames.clone();
    }

    /** The name used on the command line and in the JSON: {@code weak}, {@code soft}, … */
    public String optionName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind named {@code name} ({@code weak}, {@code Soft}), or null. */
    public static ReferenceKind byOptionName(String name) {
        for (ReferenceKind kind : values()) {
            if (kind.optionName().equalsIgnoreCase(name)) {
                return kind;
            }
        }
        return null;
    }
}
