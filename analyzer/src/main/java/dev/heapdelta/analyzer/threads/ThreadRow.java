package dev.heapdelta.analyzer.threads;

import java.util.List;

/**
 * One thread of a dump as the Threads view and {@code heapdelta threads} show it. For V8, which has no
 * threads, one row per kind of pinned root (a {@code (GC roots)} category, or the global objects), with
 * no frames and its objects in {@link #pinned}.
 *
 * @param object the thread object's index in the graph (V8: the category node, or -1 for the global objects)
 * @param id the written id ({@code 0x…} or {@code @…}); empty where the row has no object
 * @param state the Java thread state read from {@code threadStatus} ({@code RUNNABLE}, {@code WAITING}, …),
 *     or null where the dump does not have it
 * @param frames innermost first, each with the objects it pins
 * @param pinned objects the thread pins without a known frame (JNI locals of no frame, V8 roots)
 */
public record ThreadRow(int object, String id, String name, String className, String state, long shallowBytes,
        long retainedBytes, List<FrameRow> frames, List<PinnedObject> pinned) {
    public ThreadRow {
        frames = List.copyOf(frames);
        pinned = List.copyOf(pinned);
    }

    /** How many objects its frames and the thread itself pin. */
    public int pinnedCount() {
        int count = pinned.size();
        for (FrameRow frame : frames) {
            count += frame.locals().size();
        }
        return count;
    }
}
