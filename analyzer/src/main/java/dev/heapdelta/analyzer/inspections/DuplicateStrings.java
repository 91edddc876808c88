package dev.heapdelta.analyzer.inspections;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.dominators.DominatorTree;
import dev.heapdelta.analyzer.graph.FieldValue;
import dev.heapdelta.analyzer.graph.HeapFormat;
import dev.heapdelta.analyzer.graph.HeapGraph;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Strings whose value occurs more than once. HPROF, as MAT's "duplicate strings": each
 * {@code java.lang.String} costs its own shallow size plus its value array's, and a group of n equal
 * strings wastes n − 1 of them. V8, as DevTools' "Duplicated strings" filter: every {@code (string)}
 * node whose value another {@code (string)} node shares, each costing its self size.
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
        String stringClass = hprof ? "java.lang.String" : "(string)";
        boolean[] isString = new boolean[graph.classCount()];
        for (int c = 0; c < isString.length; c++) {
            isString[c] = graph.className(c).equals(stringClass);
        }
        Map<String, long[]> figuresByValue = new HashMap<>();
        for (int o = 0; o < graph.objectCount(); o++) {
            int c = graph.classOf(o);
            if (c < 0 || !isString[c] || !tree.isReachable(o)) {
                continue;
            }
            String value = graph.details().stringValue(o, MAX_CHARS);
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

    private static long valueArrayBytes(HeapGraph graph, int string) {
        for (FieldValue field : graph.details().fields(string)) {
            if (field.name().equals("value") && field.target() >= 0) {
                return graph.shallowSizeOf(field.target());
            }
        }
        return 0;
    }
}
