package dev.heapdelta.analyzer.threads;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.dominators.DominatorTree;
import dev.heapdelta.analyzer.graph.HeapFormat;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.graph.ObjectKind;
import dev.heapdelta.analyzer.graph.RootKind;
import dev.heapdelta.analyzer.graph.StackFrame;
import dev.heapdelta.analyzer.graph.ThreadStacks;
import dev.heapdelta.analyzer.format.ObjectIds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * MAT's Thread Overview: every thread of an HPROF dump with its name, state, retained size and stack,
 * each frame with the local objects its ROOT_JAVA_FRAME records pin. For a V8 snapshot, which has no
 * threads, the pinned roots instead: one row per {@code (GC roots)} category (handles, global handles, …),
 * one per embedder root ({@code C++ roots}, {@code Node / Environment}) and one for the global objects of
 * the contexts. Rows come by descending retained size, as in MAT.
 * Performance: fast, it reads a few fields per thread and walks no heap.
 */
public final class ThreadOverview {
    /** The global objects of the contexts: the synthetic root's children that are no {@code (…)} node. */
    public static final String V8_GLOBAL_OBJECTS = "(global objects)";
    private static final String GC_ROOTS = "(GC roots)";

    private ThreadOverview() {
    }

    public static List<ThreadRow> of(Snapshot snapshot) {
        List<ThreadRow> rows = snapshot.format() == HeapFormat.HPROF ? javaThreads(snapshot) : v8Roots(snapshot);
        List<ThreadRow> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingLong(ThreadRow::retainedBytes).reversed().thenComparing(ThreadRow::name));
        return sorted;
    }

    private static List<ThreadRow> javaThreads(Snapshot snapshot) {
        HeapGraph graph = snapshot.graph();
        ThreadStacks stacks = graph.details().threadStacks();
        Map<Integer, ThreadStacks.Trace> traces = stacks.tracesBySerial();
        Map<Integer, List<ThreadStacks.FrameRoot>> rootsByThread = new LinkedHashMap<>();
        for (ThreadStacks.FrameRoot root : stacks.frameRoots()) {
            rootsByThread.computeIfAbsent(root.thread(), t -> new ArrayList<>()).add(root);
        }
        List<ThreadRow> rows = new ArrayList<>();
        Set<Integer> seen = new LinkedHashSet<>();
        for (ThreadStacks.ThreadRecord thread : stacks.threads()) {
            if (!seen.add(thread.object())) {
                continue;
            }
            ThreadStacks.Trace trace = traces.get(thread.traceSerial());
            List<StackFrame> frames = trace == null ? List.of() : trace.frames();
            rows.add(javaThread(snapshot, thread.object(), frames,
                    rootsByThread.getOrDefault(thread.object(), List.of())));
        }
        return rows;
    }

    private static ThreadRow javaThread(Snapshot snapshot, int thread, List<StackFrame> frames,
            List<ThreadStacks.FrameRoot> roots) {
        HeapGraph graph = snapshot.graph();
        List<Set<Integer>> localsByDepth = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            localsByDepth.add(new LinkedHashSet<>());
        }
        Map<Integer, RootKind> kindByObject = new LinkedHashMap<>();
        Set<Integer> withoutFrame = new LinkedHashSet<>();
        for (ThreadStacks.FrameRoot root : roots) {
            kindByObject.putIfAbsent(root.object(), root.kind());
            if (root.depth() >= 0 && root.depth() < frames.size()) {
                localsByDepth.get(root.depth()).add(root.object());
            } else {
                withoutFrame.add(root.object());
            }
        }
        List<FrameRow> frameRows = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            frameRows.add(new FrameRow(frames.get(i), pinned(snapshot, localsByDepth.get(i), kindByObject)));
        }
        ThreadFields fields = ThreadFields.of(graph, thread);
        DominatorTree tree = snapshot.dominatorTree();
        return new ThreadRow(thread, ObjectIds.format(graph, thread), fields.name(), graph.classNameOf(thread),
                fields.state(), graph.shallowSizeOf(thread), tree.retainedSizeOf(thread), frameRows,
                pinned(snapshot, withoutFrame, kindByObject));
    }

    private static List<PinnedObject> pinned(Snapshot snapshot, Set<Integer> objects, Map<Integer, RootKind> kinds) {
        List<PinnedObject> result = new ArrayList<>();
        for (int object : objects) {
            result.add(pinnedObject(snapshot, object, kinds.getOrDefault(object, RootKind.JAVA_FRAME)));
        }
        return result;
    }

    private static PinnedObject pinnedObject(Snapshot snapshot, int object, RootKind kind) {
        HeapGraph graph = snapshot.graph();
        return new PinnedObject(object, ObjectIds.format(graph, object), snapshot.displayClassNameOf(object),
                snapshot.labelOf(object), graph.shallowSizeOf(object), snapshot.dominatorTree().retainedSizeOf(object),
                kind);
    }

    /**
     * The synthetic root's children: {@code (GC roots)}, whose children are V8's root categories, the
     * embedder's synthetic roots ({@code C++ roots}, {@code Node / Environment}), and the global objects.
     * Synthetic nodes are named by their node name, as DevTools' class of them all is {@code (synthetic)}.
     */
    private static List<ThreadRow> v8Roots(Snapshot snapshot) {
        HeapGraph graph = snapshot.graph();
        int root = graph.syntheticRoot();
        List<ThreadRow> rows = new ArrayList<>();
        if (root < 0) {
            return rows;
        }
        Set<Integer> globals = new LinkedHashSet<>();
        for (int e = graph.firstEdge(root); e < graph.endEdge(root); e++) {
            int child = graph.edgeTarget(e);
            if (graph.kindOf(child) != ObjectKind.V8_SYNTHETIC) {
                globals.add(child);
            } else if (graph.details().label(child).equals(GC_ROOTS)) {
                for (int c = graph.firstEdge(child); c < graph.endEdge(child); c++) {
                    rows.add(v8Row(snapshot, graph.edgeTarget(c)));
                }
            } else {
                rows.add(v8Row(snapshot, child));
            }
        }
        if (!globals.isEmpty()) {
            rows.add(v8Row(snapshot, -1, V8_GLOBAL_OBJECTS, globals));
        }
        return rows;
    }

    private static ThreadRow v8Row(Snapshot snapshot, int category) {
        HeapGraph graph = snapshot.graph();
        Set<Integer> members = new LinkedHashSet<>();
        for (int r = graph.firstEdge(category); r < graph.endEdge(category); r++) {
            members.add(graph.edgeTarget(r));
        }
        return v8Row(snapshot, category, graph.details().label(category), members);
    }

    private static ThreadRow v8Row(Snapshot snapshot, int node, String name, Set<Integer> members) {
        HeapGraph graph = snapshot.graph();
        DominatorTree tree = snapshot.dominatorTree();
        List<PinnedObject> pinned = new ArrayList<>();
        long retained = 0;
        for (int member : members) {
            pinned.add(pinnedObject(snapshot, member, RootKind.V8_GC_ROOT));
        }
        if (node >= 0) {
            retained = tree.retainedSizeOf(node);
        } else {
            for (PinnedObject object : pinned) {
                retained += object.retainedBytes();
            }
        }
        pinned.sort(Comparator.comparingLong(PinnedObject::retainedBytes).reversed());
        return new ThreadRow(node, node < 0 ? "" : ObjectIds.format(graph, node), name,
                node < 0 ? "" : graph.classNameOf(node), null, node < 0 ? 0 : graph.shallowSizeOf(node), retained,
                List.of(), pinned);
    }
}
