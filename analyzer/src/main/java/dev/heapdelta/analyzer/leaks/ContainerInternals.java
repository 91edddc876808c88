package dev.heapdelta.analyzer.leaks;

import dev.heapdelta.analyzer.graph.HeapFormat;
import dev.heapdelta.analyzer.query.JavaContainerClasses;

/**
 * Classes that are containers or their machinery (tables, nodes, entries, segments) rather than what
 * they hold ({@link JavaContainerClasses}: not the rest of {@code java.util}), and for V8 the runtime's own groups ({@code (array)}, {@code (string)}, {@code system / …}). They are left out of a collection's evidence and never reported as growing classes:
 * their growth is the collection's, and the collection is the row.
 */
public final class ContainerInternals {
    private ContainerInternals() {
    }

    public static boolean isInternalClass(HeapFormat format, String className) {
        if (format == HeapFormat.HPROF) {
            return JavaContainerClasses.isContainerOrMachinery(className) || className.equals("java.lang.Object[]")
                    || className.equals("java.lang.Class") || className.startsWith("java.lang.ref.");
        }
        return className.startsWith("(") || className.startsWith("system / ");
    }
}
