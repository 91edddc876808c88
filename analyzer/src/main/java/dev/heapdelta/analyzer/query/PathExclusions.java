package dev.heapdelta.analyzer.query;

import dev.heapdelta.analyzer.graph.RootKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a path to GC roots may not go through, as MAT's "Path to GC Roots" offers it: the referents of
 * some kinds of reference, chosen fields ({@link FieldExclusion}), and GC roots of chosen kinds, which
 * then start no path. The default excludes every referent and nothing else: the paths HeapDelta has
 * always shown, and that path keys are built from.
 *
 * @param references the reference kinds whose referents are not followed
 * @param fields the fields not followed
 * @param roots the root kinds that start no path
 */
public record PathExclusions(Set<ReferenceKind> references, List<FieldExclusion> fields, Set<RootKind> roots) {
    private static final PathExclusions DEFAULTS = new PathExclusions(EnumSet.allOf(ReferenceKind.class), List.of(),
            Set.of());

    public PathExclusions {
        references = references.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(references));
        fields = List.copyOf(fields);
        roots = roots.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roots));
    }

    /** Every referent excluded, nothing else: the paths of path keys and reports. */
    public static PathExclusions defaults() {
        return DEFAULTS;
    }

    public boolean isDefault() {
        return equals(DEFAULTS);
    }

    public PathExclusions withReferences(Set<ReferenceKind> kinds) {
        return new PathExclusions(kinds, fields, roots);
    }

    public PathExclusions withFields(List<FieldExclusion> exclusions) {
        return new PathExclusions(references, exclusions, roots);
    }

    public PathExclusions withRoots(Set<RootKind> kinds) {
        return new PathExclusions(references, fields, kinds);
    }

    /** The reference kinds in their declared order, as {@code weak}, {@code soft}, …, for the JSON and the text. */
    public List<String> referenceNames() {
        return EnumSet.allOf(ReferenceKind.class).stream().filter(references::contains)
                .map(ReferenceKind::optionName).toList();
    }

    /** The root kinds by MAT's display names ({@code JNI Global}), in declared order. */
    public List<String> rootNames() {
        return EnumSet.allOf(RootKind.class).stream().filter(roots::contains).map(RootKind::displayName).toList();
    }

    public List<String> fieldNames() {
        return fields.stream().map(FieldExclusion::toString).toList();
    }

    /** The word that asks for no reference kind at all: MAT's "with all references". */
    public static final String NO_REFERENCE_KINDS = "none";
    /** The prefix of a root kind: {@code root:JNI Global}. */
    public static final String ROOT_PREFIX = "root:";

    /**
     * Exclusions as written on the command line, one per item: a reference kind ({@code weak}, {@code soft},
     * {@code phantom}, {@code finalizer}, or {@code none} for no kind), a root kind ({@code root:JNI Global}),
     * or a field in MAT's syntax ({@code java.lang.Thread:<locals>}, {@code sun.misc.Cleaner:next,prev}, a bare
     * class for all its fields). When no item names a reference kind, every referent stays excluded, as by default.
     *
     * @throws IllegalArgumentException saying which item is wrong
     */
    public static PathExclusions parse(List<String> items) {
        Set<ReferenceKind> references = EnumSet.noneOf(ReferenceKind.class);
        boolean referencesNamed = false;
        List<FieldExclusion> fields = new ArrayList<>();
        Set<RootKind> roots = EnumSet.noneOf(RootKind.class);
        for (String item : items) {
            String text = item.strip();
            ReferenceKind kind = ReferenceKind.byOptionName(text);
            if (kind != null) {
                references.add(kind);
                referencesNamed = true;
            } else if (text.equalsIgnoreCase(NO_REFERENCE_KINDS)) {
                referencesNamed = true;
            } else if (text.regionMatches(true, 0, ROOT_PREFIX, 0, ROOT_PREFIX.length())) {
                roots.add(rootKindNamed(text.substring(ROOT_PREFIX.length())));
            } else {
                fields.add(FieldExclusion.parse(text));
            }
        }
        return new PathExclusions(referencesNamed ? references : EnumSet.allOf(ReferenceKind.class), fields, roots);
    }

    /**
     * A root kind by MAT's display name or the constant's, in any case, with spaces, hyphens or
     * underscores alike: {@code JNI Global}, {@code jni-global}, {@code JNI_GLOBAL}.
     *
     * @throws IllegalArgumentException naming the kinds there are
     */
    public static RootKind rootKindNamed(String name) {
        String wanted = normalised(name);
        for (RootKind kind : RootKind.values()) {
            if (normalised(kind.displayName()).equals(wanted) || normalised(kind.name()).equals(wanted)) {
                return kind;
            }
        }
        List<String> known = new ArrayList<>();
        for (RootKind kind : RootKind.values()) {
            known.add(kind.displayName());
        }
        throw new IllegalArgumentException("no GC root kind '" + name + "'; the kinds are " + String.join(", ", known));
    }

    private static String normalised(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", " ");
    }
}
