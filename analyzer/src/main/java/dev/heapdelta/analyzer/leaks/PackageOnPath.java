package dev.heapdelta.analyzer.leaks;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.graph.ObjectKind;
import dev.heapdelta.analyzer.query.PathKeys;
import dev.heapdelta.analyzer.query.PathStep;
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

    private PackageOnPath() {
    }

    /**
     * The reason line, or null: when the key of {@code path} (the path that names the container) starts at
     * a {@code Module(…)} variable and a function defined in a package other than that module lies on the
     * path after the variable.
     */
    static String reason(Snapshot snapshot, List<PathStep> path) {
        PathKeys keys = snapshot.pathKeys();
        int anchor = keys.lastAnchorStep(path);
        if (anchor < 0) {
            return null;
        }
        String anchorName = keys.anchorName(path.get(anchor).edgeToNext());
        int moduleEnd = anchorName.indexOf(")" + PathKeys.SEPARATOR);
        if (!anchorName.startsWith(MODULE) || moduleEnd < 0) {
            return null;
        }
        String module = anchorName.substring(MODULE.length(), moduleEnd);
        HeapGraph graph = snapshot.graph();
        for (int i = anchor + 1; i < path.size(); i++) {
            int object = path.get(i).object();
            if (graph.kindOf(object) != ObjectKind.V8_CLOSURE) {
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
