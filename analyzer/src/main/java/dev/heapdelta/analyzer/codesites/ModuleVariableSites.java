package dev.heapdelta.analyzer.codesites;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.mozilla.javascript.CompilerEnvirons;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.EvaluatorException;
import org.mozilla.javascript.Parser;
import org.mozilla.javascript.ast.AstNode;
import org.mozilla.javascript.ast.AstRoot;
import org.mozilla.javascript.ast.FunctionCall;
import org.mozilla.javascript.ast.FunctionNode;
import org.mozilla.javascript.ast.Name;
import org.mozilla.javascript.ast.PropertyGet;

/**
 * The calls on a module variable of a JavaScript source that fill or empty what it holds ({@code push},
 * {@code set}, {@code add}, {@code on}, …), found on Rhino's syntax tree of the module, never by matching
 * text: {@code cache.set(k, v)} counts, a comment or a string that says so does not.
 */
public final class ModuleVariableSites {
    private static final Map<String, CodeSiteKind> KIND_BY_METHOD = Map.ofEntries(
            Map.entry("push", CodeSiteKind.INSERT), Map.entry("unshift", CodeSiteKind.INSERT),
            Map.entry("set", CodeSiteKind.INSERT), Map.entry("add", CodeSiteKind.INSERT),
            Map.entry("on", CodeSiteKind.REGISTER), Map.entry("once", CodeSiteKind.REGISTER),
            Map.entry("addListener", CodeSiteKind.REGISTER), Map.entry("prependListener", CodeSiteKind.REGISTER),
            Map.entry("addEventListener", CodeSiteKind.REGISTER),
            Map.entry("delete", CodeSiteKind.REMOVE), Map.entry("clear", CodeSiteKind.REMOVE),
            Map.entry("splice", CodeSiteKind.REMOVE), Map.entry("shift", CodeSiteKind.REMOVE),
            Map.entry("pop", CodeSiteKind.REMOVE), Map.entry("off", CodeSiteKind.REMOVE),
            Map.entry("removeListener", CodeSiteKind.REMOVE), Map.entry("removeAllListeners", CodeSiteKind.REMOVE),
            Map.entry("removeEventListener", CodeSiteKind.REMOVE));

    private ModuleVariableSites() {
    }

    /**
     * @param fileName the module's file name, as the sites name it
     * @return the sites ranked as Java's are; empty when the source does not parse (Rhino knows ES2015 short
     *     of classes and async functions)
     */
    public static List<CodeSite> find(String source, String fileName, String variable) {
        AstRoot root;
        try {
            CompilerEnvirons environment = new CompilerEnvirons();
            environment.setLanguageVersion(Context.VERSION_ES6);
            environment.setRecordingComments(false);
            root = new Parser(environment).parse(withoutShebang(source), fileName, 1);
        } catch (EvaluatorException e) {
            return List.of();
        }
        List<CodeSite> sites = new ArrayList<>();
        root.visit(node -> {
            if (node instanceof FunctionCall call && call.getTarget() instanceof PropertyGet property
                    && property.getTarget() instanceof Name name && name.getIdentifier().equals(variable)) {
                CodeSiteKind kind = KIND_BY_METHOD.get(property.getProperty().getIdentifier());
                if (kind != null) {
                    sites.add(new CodeSite(fileName, enclosingFunction(call), fileName, call.getLineno(),
                            variable + "." + property.getProperty().getIdentifier(), kind, false, null));
                }
            }
            return true;
        });
        sites.sort(Comparator.comparingInt((CodeSite site) -> site.kind().ordinal()).thenComparingInt(CodeSite::line));
        return List.copyOf(sites);
    }

    private static String enclosingFunction(AstNode node) {
        for (AstNode at = node.getParent(); at != null; at = at.getParent()) {
            if (at instanceof FunctionNode function) {
                return function.getFunctionName() == null ? "(anonymous)" : function.getFunctionName().getIdentifier();
            }
        }
        return "(module)";
    }

    /** Node accepts a {@code #!} first line; Rhino would not. Blanked, so that line numbers stay. */
    private static String withoutShebang(String source) {
        if (!source.startsWith("#!")) {
            return source;
        }
        int end = source.indexOf('\n');
        return end < 0 ? "" : "//" + source.substring(2);
    }
}
