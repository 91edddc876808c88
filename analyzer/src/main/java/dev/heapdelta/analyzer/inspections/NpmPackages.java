package dev.heapdelta.analyzer.inspections;

import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.v8.V8ObjectDetails;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The package each V8 object's code comes from, read from the script the snapshot locates it in (a
 * closure's function, an object's constructor): the directory after the last {@code node_modules/}
 * ({@code express}, {@code @scope/name}), {@link #NODE} for Node's own {@code node:} scripts and
 * {@link #APPLICATION} for any other script. Objects the snapshot locates nowhere (strings, arrays, plain
 * objects) belong to none.
 */
final class NpmPackages {
    static final String NODE = "(node)";
    static final String APPLICATION = "(application)";
    private static final String NODE_MODULES = "node_modules/";

    private final int[] groupByObject;
    private final List<String> packages;

    private NpmPackages(int[] groupByObject, List<String> packages) {
        this.groupByObject = groupByObject;
        this.packages = packages;
    }

    static NpmPackages of(HeapGraph graph) {
        int[] groups = new int[graph.objectCount()];
        Arrays.fill(groups, -1);
        List<String> packages = new ArrayList<>();
        if (!(graph.details() instanceof V8ObjectDetails details)) {
            return new NpmPackages(groups, packages);
        }
        Map<String, Integer> groupByPackage = new HashMap<>();
        Map<Integer, Integer> groupByScript = new HashMap<>();
        for (int o = 0; o < groups.length; o++) {
            V8ObjectDetails.Location location = details.location(o);
            if (location == null) {
                continue;
            }
            groups[o] = groupByScript.computeIfAbsent(location.scriptId(), id -> {
                String name = packageOfScript(location.scriptName());
                if (name.isEmpty()) {
                    return -1;
                }
                return groupByPackage.computeIfAbsent(name, n -> {
                    packages.add(n);
                    return packages.size() - 1;
                });
            });
        }
        return new NpmPackages(groups, packages);
    }

    int groupCount() {
        return packages.size();
    }

    int groupOf(int object) {
        return groupByObject[object];
    }

    String packageOf(int group) {
        return packages.get(group);
    }

    /** {@code express} for {@code /app/node_modules/express/lib/router/index.js}; empty for an unnamed script. */
    static String packageOfScript(String scriptName) {
        if (scriptName.isEmpty()) {
            return "";
        }
        if (scriptName.startsWith("node:")) {
            return NODE;
        }
        String path = scriptName.replace('\\', '/');
        int modules = path.lastIndexOf(NODE_MODULES);
        if (modules < 0) {
            return APPLICATION;
        }
        String[] parts = path.substring(modules + NODE_MODULES.length()).split("/");
        if (parts[0].startsWith("@") && parts.length >= 2) {
            return parts[0] + "/" + parts[1];
        }
        return parts[0].isEmpty() ? APPLICATION : parts[0];
    }

    /** A scoped package rolls up into its scope: {@code @scope/name} → {@code @scope}. */
    static String parentOf(String packageName) {
        int slash = packageName.indexOf('/');
        return packageName.startsWith("@") && slash > 0 ? packageName.substring(0, slash) : "";
    }
}
