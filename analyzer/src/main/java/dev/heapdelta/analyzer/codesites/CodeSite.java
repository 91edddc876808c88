package dev.heapdelta.analyzer.codesites;

/**
 * One statement of the application that fills, registers into or empties a leaking container.
 *
 * @param className the fully qualified binary name of the class whose method holds the statement; for a
 *     JavaScript module, its file name (as {@code file})
 * @param method the method's name as compiled ({@code lambda$remember$0} for a lambda body)
 * @param file the class's SourceFile attribute, or null when it was compiled without one
 * @param line the line from the LineNumberTable, or -1 when it was compiled without one
 * @param call the container method called, as {@code Map.put}
 * @param indirect true when the container reached the statement through a getter, a helper method or a
 *     lambda's captured value rather than being loaded from its field in that method
 * @param sourceText the source line's text, trimmed, when the sources were given; otherwise null
 */
public record CodeSite(String className, String method, String file, int line, String call, CodeSiteKind kind,
        boolean indirect, String sourceText) {

    /** {@code OrderCache.remember(OrderCache.java:41)}, as a stack trace names a frame. */
    public String frame() {
        String where = file == null ? "Unknown Source" : line < 0 ? file : file + ":" + line;
        if (className.equals(file)) {
            return method + "(" + where + ")";
        }
        String simple = className.substring(className.lastIndexOf('.') + 1);
        return simple + "." + method + "(" + where + ")";
    }

    public CodeSite withSourceText(String text) {
        return new CodeSite(className, method, file, line, call, kind, indirect, text);
    }
}
