package dev.heapdelta.analyzer.hprof;

import dev.heapdelta.analyzer.graph.RootKind;
import dev.heapdelta.analyzer.graph.StackFrame;
import dev.heapdelta.analyzer.graph.ThreadStacks;
import dev.heapdelta.analyzer.store.ImageInput;
import dev.heapdelta.analyzer.store.ImageOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Saves and reads back a dump's {@link ThreadStacks} in the index cache, beside the class table. */
final class ThreadStacksImage {
    private static final int MAX_ITEMS = 1 << 26;

    private ThreadStacksImage() {
    }

    static void write(ThreadStacks stacks, ImageOutput out) throws IOException {
        out.writeInt(stacks.traces().size());
        for (ThreadStacks.Trace trace : stacks.traces()) {
            out.writeInt(trace.serial());
            out.writeInt(trace.threadSerial());
            out.writeInt(trace.frames().size());
            for (StackFrame frame : trace.frames()) {
                out.writeString(frame.className());
                out.writeString(frame.method());
                out.writeString(frame.signature());
                out.writeString(frame.file());
                out.writeInt(frame.line());
            }
        }
        out.writeInt(stacks.threads().size());
        for (ThreadStacks.ThreadRecord thread : stacks.threads()) {
            out.writeInt(thread.object());
            out.writeInt(thread.serial());
            out.writeInt(thread.traceSerial());
        }
        out.writeInt(stacks.frameRoots().size());
        for (ThreadStacks.FrameRoot root : stacks.frameRoots()) {
            out.writeInt(root.thread());
            out.writeInt(root.object());
            out.writeInt(root.depth());
            out.writeByte(root.kind().ordinal());
        }
    }

    static ThreadStacks read(ImageInput in) throws IOException {
        int traceCount = in.readCount(MAX_ITEMS);
        List<ThreadStacks.Trace> traces = new ArrayList<>();
        for (int t = 0; t < traceCount; t++) {
            int serial = in.readInt();
            int threadSerial = in.readInt();
            int frameCount = in.readCount(MAX_ITEMS);
            List<StackFrame> frames = new ArrayList<>();
            for (int f = 0; f < frameCount; f++) {
                frames.add(new StackFrame(in.readString(), in.readString(), in.readString(), in.readString(),
                        in.readInt()));
            }
            traces.add(new ThreadStacks.Trace(serial, threadSerial, frames));
        }
        int threadCount = in.readCount(MAX_ITEMS);
        List<ThreadStacks.ThreadRecord> threads = new ArrayList<>();
        for (int t = 0; t < threadCount; t++) {
            threads.add(new ThreadStacks.ThreadRecord(in.readInt(), in.readInt(), in.readInt()));
        }
        int rootCount = in.readCount(MAX_ITEMS);
        List<ThreadStacks.FrameRoot> roots = new ArrayList<>();
        RootKind[] kinds = RootKind.values();
        for (int r = 0; r < rootCount; r++) {
            int thread = in.readInt();
            int object = in.readInt();
            int depth = in.readInt();
            int kind = in.readByte();
            if (kind < 0 || kind >= kinds.length) {
                throw in.damaged("root kind " + kind);
            }
            roots.add(new ThreadStacks.FrameRoot(thread, object, depth, kinds[kind]));
        }
        return new ThreadStacks(traces, threads, roots);
    }
}
