package dev.heapdelta.app.gui.threads;

import dev.heapdelta.analyzer.threads.FrameRow;
import dev.heapdelta.analyzer.threads.PinnedObject;
import dev.heapdelta.analyzer.threads.ThreadRow;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of the Threads tree: a thread, one of its frames, or an object a frame pins.
 *
 * @param object the object the line leads to (the thread, the local), or -1 for a frame
 */
public record ThreadLine(String text, String state, long retainedBytes, String id, int object, ThreadRow thread,
        FrameRow frame) {

    static ThreadLine of(ThreadRow thread) {
        return new ThreadLine("\"" + thread.name() + "\"", thread.state() == null ? "" : thread.state(),
                thread.retainedBytes(), thread.id(), thread.object(), thread, null);
    }

    private static ThreadLine of(FrameRow frame) {
        return new ThreadLine("at " + frame.frame().display(), "", -1, "", -1, null, frame);
    }

    private static ThreadLine of(PinnedObject object) {
        String label = object.label().isEmpty() ? "" : "  " + object.label();
        return new ThreadLine(object.kind().displayName().toLowerCase(java.util.Locale.ROOT) + " "
                + object.className() + label, "", object.retainedBytes(), object.id(), object.object(), null, null);
    }

    /** The lines under this one: a thread's frames and frameless objects, a frame's locals. */
    List<ThreadLine> children() {
        List<ThreadLine> children = new ArrayList<>();
        if (thread != null) {
            thread.frames().forEach(f -> children.add(of(f)));
            thread.pinned().forEach(p -> children.add(of(p)));
        } else if (frame != null) {
            frame.locals().forEach(l -> children.add(of(l)));
        }
        return children;
    }

    boolean isLeaf() {
        return thread == null && (frame == null || frame.locals().isEmpty())
                || thread != null && thread.frames().isEmpty() && thread.pinned().isEmpty();
    }
}
