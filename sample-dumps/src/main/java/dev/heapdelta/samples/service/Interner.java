package dev.heapdelta.samples.service;

import java.util.Map;
import java.util.WeakHashMap;

/**
 * Canonical diagnostic labels for live objects. Not a leak: the keys are weak, so the entries of finished
 * requests die with them, and only the pooled connections' entries stay.
 */
final class Interner {
    static final Map<Object, String> WEAK = new WeakHashMap<>();

    private Interner() {
    }

    static String labelOf(Object owner, String label) {
        return WEAK.computeIfAbsent(owner, key -> label);
    }
}
