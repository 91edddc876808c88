package dev.heapdelta.analyzer.threads;

import dev.heapdelta.analyzer.graph.StackFrame;
import java.util.List;

/** One frame of a thread's stack with the local objects that its ROOT_JAVA_FRAME (or JNI local) records pin. */
public record FrameRow(StackFrame frame, List<PinnedObject> locals) {
    public FrameRow {
        locals = List.copyOf(locals);
    }
}
