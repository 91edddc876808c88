package dev.heapdelta.analyzer.leaks;

import dev.heapdelta.analyzer.format.ObjectIds;
import dev.heapdelta.analyzer.format.PathStepRow;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.graph.ObjectKind;
import dev.heapdelta.analyzer.query.PathKeys;
import java.util.List;
import java.util.Locale;

/**
 * The npm package a V8 container is held inside when its key starts at the program's own variable:
 * {@code Module(app.js) › loadProfile › …} names the user's memoized function, and the package that
 * made it ({@code lru-memoizer}, whose closure holds the cache) is said in a reason line, since the
 * package's own variable ({@code cache} of each call of its factory) names no single object.
 */
final class PackageOnPath {
    private static final String MODULE = "Module(";
    private static final String CONTEXT = "system / Context";

    private PackageOnPath() {
    }

    /**
     * The reason line, or null: when the key starts at a {@code Module(…)} variable and a function
     * defined in a package other than that module lies on the path after the variable.
     */
    static String reason(HeapGraph graph, String pathKey, List<PathStepRow> path) {
        String[] key = pathKey.split(PathKeys.SEPARATOR, 3);
        if (path == null || key.length < 2 || !key[0].startsWith(MODULE)) {
            return null;
        }
        String module = key[0].substring(MODULE.length(), key[0].length() - 1);
        int anchor = -1;
        for (int i = 0; i < path.size(); i++) {
            if (CONTEXT.equals(path.get(i).className()) && key[1].equals(path.get(i).edge())) {
                anchor = i;
            }
        }
        for (int i = anchor + 1; anchor >= 0 && i < path.size(); i++) {
            int object = graph.findObjectById(ObjectIds.parse(path.get(i).id()));
            if (object < 0 || graph.kindOf(object) != ObjectKind.V8_CLOSURE) {
                continue;
            }
            String npmPackage = graph.details().npmPackageOf(object);
            if (npmPackage != null && !npmPackage.equals(module)) {
                return String.format(Locale.ROOT, "held inside the npm package %s: the path enters it at its"
                        + " function at %s", npmPackage, graph.details().locationOf(object));
            }
        }
        return null;
    }
}
