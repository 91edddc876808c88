package dev.heapdelta.app.cli;

import dev.heapdelta.analyzer.leaks.SuspectKind;

/** The SARIF rule of each suspect kind: what code scanning shows at the top of an alert. */
final class SarifRules {
    private SarifRules() {
    }

    /** PascalCase, as SARIF's reportingDescriptor.name asks. */
    static String name(SuspectKind kind) {
        StringBuilder name = new StringBuilder();
        for (String word : kind.jsonName().split("-")) {
            name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return name.toString();
    }

    static String shortDescription(SuspectKind kind) {
        return switch (kind) {
            case GROWING_COLLECTION -> "A collection grew at every heap dump";
            case LISTENER_ACCUMULATION -> "Listeners accumulate and are never removed";
            case GROWING_CLASS -> "Instances of a class accumulate";
            case ACCUMULATION_POINT -> "Retained growth concentrates under one object";
            case LARGE_RETAINER -> "One object retains a large share of the heap";
            case LARGE_COLLECTION -> "A collection is among the largest of the heap";
            case DUPLICATE_CLASS -> "A class is defined by several class loaders";
            case CLASSLOADER_LEAK -> "Each redeploy leaves a class loader alive";
        };
    }

    static String fullDescription(SuspectKind kind) {
        return switch (kind) {
            case GROWING_COLLECTION -> "A map, list, set or queue reachable from a GC root held more entries in each "
                    + "heap dump than in the one before. Entries that are added and never removed are the most common"
                    + " memory leak: find where they are added (the result's location, where known) and what should "
                    + "remove them, or bound the collection.";
            case LISTENER_ACCUMULATION -> "Listeners, callbacks or handlers were registered and never unregistered: "
                    + "each registration keeps its listener, and everything the listener captures, alive.";
            case GROWING_CLASS -> "The number of live instances of one class grew at every dump, and no single "
                    + "collection explains it.";
            case ACCUMULATION_POINT -> "The retained size under one object (a dominator) grew across the dumps: "
                    + "whatever accumulates is kept alive through it.";
            case LARGE_RETAINER -> "A single object retains more than 10% of the heap.";
            case LARGE_COLLECTION -> "In a single heap dump, with no trend to judge, a collection holds many entries"
                    + " and retains much of the heap: worth a look, not a proven leak.";
            case DUPLICATE_CLASS -> "The same class name is defined by several class loaders: a redeployed "
                    + "application or plugin whose old loader is still reachable leaks all of its classes.";
            case CLASSLOADER_LEAK -> "The same classes are defined by more class loaders at every dump: each "
                    + "redeploy of an application or plugin leaves its loader, and all of its classes and statics, "
                    + "reachable; the result's path is what keeps the oldest one alive.";
        };
    }

    /** A growing leak fails a build; a large or plateaued structure is worth a look. */
    static String defaultLevel(SuspectKind kind) {
        return kind == SuspectKind.LARGE_RETAINER || kind == SuspectKind.LARGE_COLLECTION
                || kind == SuspectKind.DUPLICATE_CLASS ? "warning" : "error";
    }
}
