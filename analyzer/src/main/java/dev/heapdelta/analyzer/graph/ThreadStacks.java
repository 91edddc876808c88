package dev.heapdelta.analyzer.graph;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The threads of a dump with their stacks, as the format records them (HPROF: ROOT_THREAD_OBJECT,
 * STACK TRACE and STACK FRAME records, and the frame depth of each ROOT_JAVA_FRAME and ROOT_JNI_LOCAL).
 * Empty for formats without stacks (V8).
 *
 * @param traces every stack trace of the file, thread stacks and (old hprof agent) allocation sites, in file order
 * @param threads the thread objects the dump names, in record order
 * @param frameRoots the objects a thread's frame pins, in record order
 */
public record ThreadStacks(List<Trace> traces, List<ThreadRecord> threads, List<FrameRoot> frameRoots) {
    public static final ThreadStacks NONE = new ThreadStacks(List.of(), List.of(), List.of());

    public ThreadStacks {
        traces = List.copyOf(traces);
        threads = List.copyOf(threads);
        frameRoots = List.copyOf(frameRoots);
    }

    /** One STACK TRACE: its frames, innermost first. */
    public record Trace(int serial, int threadSerial, List<StackFrame> frames) {
        public Trace {
            frames = List.copyOf(frames);
        }
    }

    /**
     * A thread object of the dump.
     *
     * @param object the thread object's index in the graph
     * @param traceSerial the serial of its stack trace; 0 when the dump gives none
     */
    public record ThreadRecord(int object, int serial, int traceSerial) {
    }

    /**
     * An object a frame of a thread pins.
     *
     * @param thread the thread object's index in the graph
     * @param object the pinned object's index in the graph
     * @param depth the frame, from 0 (innermost); -1 when the dump names no frame
     */
    public record FrameRoot(int thread, int object, int depth, RootKind kind) {
    }

    /** The trace with this serial, or null. */
    public Trace trace(int serial) {
        for (Trace trace : traces) {
            if (trace.serial() == serial) {
                return trace;
            }
        }
        return null;
    }

    /** Traces by serial, for callers looking up many. */
    public Map<Integer, Trace> tracesBySerial() {
        Map<Integer, Trace> bySerial = new HashMap<>();
        for (Trace trace : traces) {
            bySerial.putIfAbsent(trace.serial(), trace);
        }
        return bySerial;
    }
}
