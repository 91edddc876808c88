package dev.heapdelta.analyzer.codesites;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Containers inside the JDK that applications fill through a library call rather than through a field
 * of their own: the root logger's handlers are filled by {@code Logger.addHandler}, a Timer's queue by
 * {@code Timer.schedule}. Keyed by the holding class and field as they appear on a path to a GC root.
 */
final class LibraryContainers {
    /** One library method that fills or empties the container; any owner when {@code owners} is empty. */
    record Mutator(Set<String> owners, Set<String> names, CodeSiteKind kind) {
        boolean matches(String owner, String name) {
            return names.contains(name) && (owners.isEmpty() || owners.contains(owner));
        }
    }

    private static final Set<String> LOGGER = Set.of("java/util/logging/Logger");
    private static final Set<String> TIMER = Set.of("java/util/Timer");
    private static final Set<String> RUNTIME = Set.of("java/lang/Runtime");
    private static final Set<String> SCHEDULED = Set.of("java/util/concurrent/ScheduledExecutorService",
            "java/util/concurrent/ScheduledThreadPoolExecutor");
    private static final Set<String> SCHEDULE = Set.of("schedule", "scheduleAtFixedRate", "scheduleWithFixedDelay");

    private static final Map<String, List<Mutator>> MUTATORS_BY_FIELD = Map.of(
            "java.util.logging.Logger$ConfigurationData.handlers", List.of(
                    new Mutator(LOGGER, Set.of("addHandler"), CodeSiteKind.REGISTER),
                    new Mutator(LOGGER, Set.of("removeHandler"), CodeSiteKind.REMOVE)),
            "java.util.TaskQueue.queue", List.of(
                    new Mutator(TIMER, SCHEDULE, CodeSiteKind.INSERT),
                    new Mutator(TIMER, Set.of("cancel", "purge"), CodeSiteKind.REMOVE)),
            "java.lang.ApplicationShutdownHooks.hooks", List.of(
                    new Mutator(RUNTIME, Set.of("addShutdownHook"), CodeSiteKind.REGISTER),
                    new Mutator(RUNTIME, Set.of("removeShutdownHook"), CodeSiteKind.REMOVE)),
            "java.util.concurrent.ScheduledThreadPoolExecutor$DelayedWorkQueue.queue", List.of(
                    new Mutator(SCHEDULED, SCHEDULE, CodeSiteKind.INSERT),
                    new Mutator(SCHEDULED, Set.of("shutdown", "shutdownNow", "purge"), CodeSiteKind.REMOVE)));

    private LibraryContainers() {
    }

    /** The library calls that fill the container behind this field, or an empty list when it is not one. */
    static List<Mutator> mutatorsOf(HolderField holder) {
        return MUTATORS_BY_FIELD.getOrDefault(holder.declaringClass() + "." + holder.fieldName(), List.of());
    }

    static Set<String> allMethodNames() {
        java.util.Set<String> names = new java.util.HashSet<>();
        MUTATORS_BY_FIELD.values().forEach(list -> list.forEach(m -> names.addAll(m.names())));
        return names;
    }
}
