package dev.heapdelta.analyzer.codesites;

import java.util.Set;

/**
 * The known mutators of containers, listener lists and schedulers, by method name: the JDK and the
 * libraries are never scanned, so what {@code put} or {@code addListener} does is taken from this table.
 */
final class ContainerCalls {
    private static final Set<String> INSERTS = Set.of("put", "putIfAbsent", "putAll", "computeIfAbsent", "compute",
            "merge", "add", "addAll", "offer", "offerFirst", "offerLast", "push", "addFirst", "addLast", "addElement",
            "set", "schedule", "scheduleAtFixedRate", "scheduleWithFixedDelay", "append");
    private static final Set<String> REGISTRATIONS = Set.of("addHandler", "register", "on", "once", "subscribe",
            "addObserver", "addShutdownHook", "attach", "bind");
    private static final Set<String> REMOVALS = Set.of("remove", "removeIf", "removeAll", "retainAll", "clear",
            "poll", "pollFirst", "pollLast", "removeFirst", "removeLast", "removeElement", "invalidate",
            "invalidateAll", "cleanUp", "removeHandler", "unregister", "off", "unsubscribe", "deleteObserver",
            "removeShutdownHook", "cancel", "purge", "shutdown", "shutdownNow", "evict", "pop", "detach");
    /** Calls that hand back the container itself or the value it holds: followed like the field's value. */
    private static final Set<String> ACCESSORS = Set.of("get", "asMap", "getHandlers", "orElseThrow", "join",
            "getListeners", "computeIfAbsent", "getQueue", "synchronizedMap", "synchronizedList");

    private ContainerCalls() {
    }

    /** The kind of a call on the container, or null when the call neither fills nor empties it. */
    static CodeSiteKind kindOf(String methodName) {
        if (INSERTS.contains(methodName)) {
            return CodeSiteKind.INSERT;
        }
        if (REGISTRATIONS.contains(methodName) || isListenerRegistration(methodName)) {
            return CodeSiteKind.REGISTER;
        }
        if (REMOVALS.contains(methodName) || methodName.startsWith("remove") && methodName.endsWith("Listener")) {
            return CodeSiteKind.REMOVE;
        }
        return null;
    }

    static boolean isAccessor(String methodName) {
        return ACCESSORS.contains(methodName);
    }

    private static boolean isListenerRegistration(String methodName) {
        return methodName.startsWith("add") && (methodName.endsWith("Listener") || methodName.endsWith("Handler")
                || methodName.endsWith("Observer") || methodName.endsWith("Callback") || methodName.endsWith("Hook"));
    }
}
