package dev.heapdelta.analyzer.graph;

/**
 * One frame of a thread's stack as the dump records it (HPROF STACK FRAME).
 *
 * @param className the declaring class, dotted ({@code java.lang.Thread}), or {@code ?} when the dump names none
 * @param method the method name
 * @param signature the method's JVM descriptor ({@code (J)V}); empty when the dump has none
 * @param file the source file ({@code Thread.java}); empty when unknown
 * @param line the line number as HPROF writes it: positive, or 0 (no line information), -1 (unknown),
 *     -2 (compiled method), -3 (native method)
 */
public record StackFrame(String className, String method, String signature, String file, int line) {

    /** What {@link #line} says about the frame. */
    public enum LineKind {
        NUMBER("line"), NONE("no line information"), UNKNOWN("unknown line"), COMPILED("compiled method"),
        NATIVE("native method");

        private final String description;

        LineKind(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }

        /** The JSON spelling: {@code number}, {@code none}, {@code unknown}, {@code compiled}, {@code native}. */
        public String jsonName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public LineKind lineKind() {
        if (line > 0) {
            return LineKind.NUMBER;
        }
        return switch (line) {
            case 0 -> LineKind.NONE;
            case -2 -> LineKind.COMPILED;
            case -3 -> LineKind.NATIVE;
            default -> LineKind.UNKNOWN;
        };
    }

    /** {@code java.lang.Thread.sleep(Thread.java:339)}, or {@code (Native Method)} etc. as jstack writes them. */
    public String display() {
        String where = switch (lineKind()) {
            case NUMBER -> (file.isEmpty() ? "Unknown Source" : file) + ":" + line;
            case NATIVE -> "Native Method";
            case COMPILED -> (file.isEmpty() ? "" : file + ", ") + "compiled method";
            case NONE, UNKNOWN -> file.isEmpty() ? "Unknown Source" : file;
        };
        return className + "." + method + "(" + where + ")";
    }
}
