package dev.heapdelta.analyzer.leaks;

import dev.heapdelta.analyzer.graph.HeapFormat;

/**
 * Classes that are the machinery of containers (tables, nodes, entries, segments) rather than what
 * they hold, and for V8 the runtime's own groups ({@code (array)}, {@code (string)}, {@code system / …}). They are left out of a collection's evidence and never reported as growing classes:
 * their growth is the collection's, and the collection is the row.
 */
public final class ContainerInternals {
    private ContainerInternals() {
    }

    public static boolean isInternalClass(HeapFormat format, String className) {
        if (format == HeapFormat.HPROF) {
            return className.startsWith("java.util.") || className.startsWith("com.google.common.")
                    || className.startsWith("com.github.benmanes.caffeine.") || className.equals("java.lang.Object[]")
                    || className.equals("java.lang.Class") || className.startsWith("java.lang.ref.")
                    || className.startsWith("java.util.concurrent.");
        }
        return className.startsWith("(") || className.startsWith("system / ");
    }
}
