package dev.heapdelta.analyzer.v8;

/**
 * How a script is named in a path key's {@code Module(…)} anchor: its file name, except that a
 * package's entry file ({@code node_modules/lru-memoizer/lib/index.js}) is named by its package,
 * since every package has an {@code index.js} and the package is what a user knows.
 */
final class ModuleNames {
    private static final String NODE_MODULES = "node_modules/";

    private ModuleNames() {
    }

    static String of(String scriptUrl) {
        String path = scriptUrl.replace('\\', '/');
        String file = V8ObjectDetails.Location.fileNameOf(path);
        int modules = path.lastIndexOf(NODE_MODULES);
        if (modules < 0 || !(file.equals("index.js") || file.equals("index.cjs") || file.equals("index.mjs"))) {
            return file;
        }
        String name = packageOf(path);
        return name == null ? file : name;
    }

    /** The package a script under {@code node_modules/} belongs to ({@code @scope/name} or {@code name}), or null. */
    static String packageOf(String scriptUrl) {
        String path = scriptUrl.replace('\\', '/');
        int modules = path.lastIndexOf(NODE_MODULES);
        if (modules < 0) {
            return null;
        }
        String[] parts = path.substring(modules + NODE_MODULES.length()).split("/");
        if (parts.length < 2 || parts[0].isEmpty()) {
            return null;
        }
        if (parts[0].startsWith("@")) {
            return parts.length >= 3 ? parts[0] + "/" + parts[1] : null;
        }
        return parts[0];
    }
}
