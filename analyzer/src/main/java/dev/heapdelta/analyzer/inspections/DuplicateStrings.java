package dev.heapdelta.analyzer.inspections;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.dominators.DominatorTree;
import dev.heapdelta.analyzer.graph.EdgeKind;
import dev.heapdelta.analyzer.graph.FieldValue;
import dev.heapdelta.analyzer.graph.HeapFormat;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.graph.ObjectKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Strings whose value occurs more than once. HPROF, as MAT's "duplicate strings": each
 * {@code java.lang.String} costs its own shallow size plus its value array's, and a group of n equal
 * strings wastes n − 1 of them. V8, as DevTools' "Duplicated strings" filter
 * ({@code HeapSnapshot.createNamedFilter}): nodes of type {@code string} and {@code concatenated string},
 * keyed by DevTools' name (the value V8 wrote, a concatenation assembled from its parts), leaving out
 * "flat" concatenations (one part empty, V8's own business) and sliced strings; each costs its self
 * size. Unreachable and zero-sized nodes are left out, as the Summary view leaves them out.
 * Performance: reads every reachable string's value once.
 */
public final class DuplicateStrings {
    /** Values longer than this are told apart by their first this-many characters and their length. */
    static final int MAX_CHARS = 1 << 16;

    private DuplicateStrings() {
    }

    /**
     * @param value the shared value, unredacted: callers that export it redact it unless the user opts in
     * @param shallowBytes the strings' shallow sizes, with their value arrays for HPROF
     * @param wastedBytes what the copies beyond the first cost
     * @param sample one of the strings, for drilling down
     */
    public record Group(String value, long count, long shallowBytes, long wastedBytes, int sample) {
    }

    public static List<Group> of(Snapshot snapshot) {
        HeapGraph graph = snapshot.graph();
        DominatorTree tree = snapshot.dominatorTree();
        boolean hprof = graph.format() == HeapFormat.HPROF;
        boolean[] isString = new boolean[graph.classCount()];
        for (int c = 0; c < isString.length; c++) {
            isString[c] = !hprof || graph.className(c).equals("java.lang.String");
        }
        Map<String, long[]> figuresByValue = new HashMap<>();
        for (int o = 0; o < graph.objectCount(); o++) {
            int c = graph.classOf(o);
            if (c < 0 || !isString[c] || !tree.isReachable(o)) {
                continue;
            }
            String value = hprof ? graph.details().stringValue(o, MAX_CHARS) : devToolsStringName(graph, o);
            if (value == null) {
                continue;
            }
            long bytes = graph.shallowSizeOf(o) + (hprof ? valueArrayBytes(graph, o) : 0);
            int sample = o;
            long[] figures = figuresByValue.computeIfAbsent(value, v -> new long[] {0, 0, 0, sample});
            figures[0]++;
            figures[1] += bytes;
            figures[2] = figures[0] == 1 ? bytes : figures[2];
        }
        List<Group> groups = new ArrayList<>();
        for (Map.Entry<String, long[]> entry : figuresByValue.entrySet()) {
            long[] figures = entry.getValue();
            if (figures[0] > 1) {
                groups.add(new Group(entry.getKey(), figures[0], figures[1], figures[1] - figures[2],
                        (int) figures[3]));
            }
        }
        groups.sort(Comparator.comparingLong(Group::wastedBytes).reversed().thenComparing(Group::value));
        return groups;
    }

    /**
     * The name DevTools' filter keys a V8 string by, or null where the filter passes the node by: no
     * string or concatenated string, a flat concatenation, or a node of no size.
     */
    private static String devToolsStringName(HeapGraph graph, int node) {
        ObjectKind kind = graph.kindOf(node);
        if (kind != ObjectKind.V8_STRING && kind != ObjectKind.V8_CONCATENATED_STRING
                || graph.shallowSizeOf(node) == 0 || kind == ObjectKind.V8_CONCATENATED_STRING && isFlat(graph, node)) {
            return null;
        }
        return graph.details().stringValue(node, MAX_CHARS);
    }

    /** A concatenation V8 has flattened: its {@code first} or {@code second} part is the empty string. */
    private static boolean isFlat(HeapGraph graph, int concatenation) {
        for (int e = graph.firstEdge(concatenation); e < graph.endEdge(concatenation); e++) {
            if (graph.edgeKind(e) != EdgeKind.V8_INTERNAL) {
                continue;
            }
            String name = graph.details().edgeName(e);
            if ((name.equals("first") || name.equals("second")) && nameIsEmpty(graph, graph.edgeTarget(e))) {
                return true;
            }
        }
        return false;
    }

    /** The parts of a concatenation are strings; DevTools compares their names, which are their values. */
    private static boolean nameIsEmpty(HeapGraph graph, int node) {
        String value = graph.details().stringValue(node, 1);
        return value != null && value.isEmpty();
    }

    private static long valueArrayBytes(HeapGraph graph, int string) {
        for (FieldValue field : graph.details().fields(string)) {
            if (field.name().equals("value") && field.target() >= 0) {
                return graph.shallowSizeOf(field.target());
            }
        }
        return 0;
    }
}
