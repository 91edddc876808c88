package dev.heapdelta.analyzer.query;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * References a path may not use, in Eclipse MAT's syntax {@code class:field,field}: from instances of
 * the class or of its subclasses (and from the class object itself, for statics) through the named
 * fields, or through every field when none is named. The class is its name or a regular expression
 * over names, as in MAT. {@code <locals>} names every thread-local pseudo-field ({@code <Java Local>},
 * {@code <JNI Local>}, …).
 *
 * @param classPattern a class name, or a regular expression matching whole names
 * @param fields the field names; empty for all of the class's references
 */
public record FieldExclusion(String classPattern, Set<String> fields) {
    /** The pseudo-field that stands for all of a thread's stack-frame and JNI-local references. */
    public static final String THREAD_LOCALS = "<locals>";

    public FieldExclusion {
        if (classPattern.isBlank()) {
            throw new IllegalArgumentException("exclusion '" + classPattern + "' names no class");
        }
        fields = Set.copyOf(new LinkedHashSet<>(fields));
    }

    /** Parses {@code java.lang.Thread:<locals>}, {@code sun.misc.Cleaner:next,prev} or a bare class name. */
    public static FieldExclusion parse(String text) {
        String spec = text.strip();
        int colon = spec.indexOf(':');
        if (colon < 0) {
            return new FieldExclusion(spec, Set.of());
        }
        Set<String> names = new LinkedHashSet<>();
        for (String name : spec.substring(colon + 1).split(",")) {
            if (!name.isBlank()) {
                names.add(name.strip());
            }
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("exclusion '" + text + "' names no field after ':'");
        }
        return new FieldExclusion(spec.substring(0, colon).strip(), names);
    }

    /** Whether a class name is this exclusion's: the pattern itself, or a whole match of it as a regular expression. */
    public Predicate<String> classNameMatcher() {
        Pattern regex;
        try {
            regex = Pattern.compile(classPattern);
        } catch (PatternSyntaxException notARegex) {
            return classPattern::equals;
        }
        return name -> name.equals(classPattern) || regex.matcher(name).matches();
    }

    /** True when the reference named {@code fieldName} (kind {@code threadLocal}) from a matching object is excluded. */
    public boolean excludesField(String fieldName, boolean threadLocal) {
        return fields.isEmpty() || fields.contains(fieldName) || threadLocal && fields.contains(THREAD_LOCALS);
    }

    /** MAT's syntax, as parsed. */
    @Override
    public String toString() {
        return fields.isEmpty() ? classPattern : classPattern + ":" + String.join(",", fields.stream().sorted().toList());
    }
}
