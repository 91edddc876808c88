package dev.heapdelta.app.pdf;

import dev.heapdelta.analyzer.format.StringRedaction;

/**
 * Redacts the edge names of a path to a GC root that can carry data from the dump. Field and variable
 * names are code and stay readable; a V8 property name that is not an identifier is most likely a
 * dictionary key (a token, an e-mail, a URL), and is shown only as its length and a short hash.
 */
public final class PathEdgeRedaction {
    private PathEdgeRedaction() {
    }

    /** The edge as a report shows it: itself when strings are shown or when it is a plain name. */
    public static String show(String edge, boolean includeStrings) {
        if (includeStrings || edge == null || isPlainName(edge)) {
            return edge;
        }
        return StringRedaction.redact(edge);
    }

    /**
     * An identifier ({@code CACHE}, {@code this$0}, {@code #secret}), an index ({@code []}, {@code 12}),
     * or a V8 synthetic name in parentheses ({@code (Global handles)}).
     */
    static boolean isPlainName(String edge) {
        if (edge.isEmpty() || edge.equals("[]")) {
            return true;
        }
        if (edge.startsWith("(") && edge.endsWith(")") && edge.indexOf('"') < 0 && edge.indexOf('\'') < 0) {
            return true;
        }
        boolean digitsOnly = true;
        for (int i = 0; i < edge.length(); i++) {
            digitsOnly &= Character.isDigit(edge.charAt(i));
        }
        if (digitsOnly) {
            return true;
        }
        int start = edge.charAt(0) == '#' ? 1 : 0;
        if (start == edge.length() || !Character.isJavaIdentifierStart(edge.charAt(start))) {
            return false;
        }
        for (int i = start + 1; i < edge.length(); i++) {
            if (!Character.isJavaIdentifierPart(edge.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
