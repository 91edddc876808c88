package dev.heapdelta.analyzer.leaks;

import dev.heapdelta.analyzer.graph.HeapFormat;
import dev.heapdelta.analyzer.query.JavaContainerClasses;
import java.util.regex.Pattern;

/**
 * Classes that are containers or their machinery (tables, nodes, entries, segments) rather than what
 * they hold ({@link JavaContainerClasses}: not the rest of {@code java.util}), and for V8 the runtime's own groups ({@code (array)}, {@code (string)}, {@code system / …}). They are left out of a collection's evidence and never reported as growing classes:
 * their growth is the collection's, and the collection is the row.
 */
public final class ContainerInternals {
    /** An internal script's module (named without an extension or directory) holding the built-in registry. */
    private static final Pattern RUNTIME_MODULE_REGISTRY =
            Pattern.compile("Module\\([^.()/\\\\]+\\) › (BuiltinModule|NativeModule)\\b");
    /** {@code node:internal/async_hooks}' stack of the async resources whose callbacks are running now. */
    private static final Pattern RUNNING_ASYNC_RESOURCES =
            Pattern.compile("Module\\(async_hooks\\) › execution_async_resources\\b");

    private ContainerInternals() {
    }

    public static boolean isInternalClass(HeapFormat format, String className) {
        if (format == HeapFormat.HPROF) {
            return JavaContainerClasses.isContainerOrMachinery(className) || className.equals("java.lang.Object[]")
                    || className.equals("java.lang.Class") || className.startsWith("java.lang.ref.");
        }
        return className.startsWith("(") || className.startsWith("system / ");
    }

    /**
     * Node's registry of its own built-in modules ({@code BuiltinModule.map} of
     * {@code node:internal/bootstrap/realm}, {@code NativeModule} of {@code loaders} before Node 20):
     * its module objects and their exports fill as the process first uses a built-in (the first HTTP
     * request loads a dozen), which is bounded by the runtime's own list, never a leak. Internal
     * scripts are named without an extension ({@code Module(realm)}), so a user's {@code realm.js}
     * does not match. The shortest path to the registry starts at whichever internal module holds
     * {@code BuiltinModule} first ({@code Module(realm)}, {@code Module(inspect)}, …), so any
     * internal script counts. Likewise {@code execution_async_resources} of
     * {@code node:internal/async_hooks}: the resources whose callbacks are on the stack when a snapshot
     * is taken from a callback (a timer's, a request's), as many as the callbacks nested at that moment.
     */
    public static boolean isRuntimeModuleRegistry(HeapFormat format, String pathKey) {
        return format == HeapFormat.V8 && (RUNTIME_MODULE_REGISTRY.matcher(pathKey).lookingAt()
                || RUNNING_ASYNC_RESOURCES.matcher(pathKey).lookingAt());
    }

}
