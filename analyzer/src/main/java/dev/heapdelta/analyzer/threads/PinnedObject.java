package dev.heapdelta.analyzer.threads;

import dev.heapdelta.analyzer.graph.RootKind;

/**
 * An object a thread's frame (or a V8 root category) holds.
 *
 * @param object its index in the graph, for drilling down
 * @param id the written id ({@code 0x…} or {@code @…})
 * @param label a short label (a string's start, {@code class Name}); may be empty
 */
public record PinnedObject(int object, String id, String className, String label, long shallowBytes,
        long retainedBytes, RootKind kind) {
}
