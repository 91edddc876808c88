package dev.heapdelta.analyzer.query;

import dev.heapdelta.analyzer.dominators.RetentionRule;
import dev.heapdelta.analyzer.graph.EdgeKind;
import dev.heapdelta.analyzer.graph.HeapFormat;
import dev.heapdelta.analyzer.graph.HeapGraph;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@link PathExclusions} compiled against one graph, for the breadth-first search of
 * {@link ShortestPaths}: which entries start paths and which edges a path may take. Performance: O(classes ·
 * exclusions + roots) to build; per edge a table look-up, and one read of the source's record for the
 * objects whose class has an excluded field.
 */
final class ExcludedReferences {
    private static final byte NO_REFERENCE_KIND = -1;

    private final HeapGraph graph;
    private final RetentionRule rule;
    private final boolean followsWeakV8Edges;
    /** Per class, the ordinal of the {@link ReferenceKind} its instances are, or -1. */
    private final byte[] referenceKindByClass;
    private final boolean[] referentExcludedByKind = new boolean[ReferenceKind.values().length];
    /** Per class, the field exclusions that apply to its instances (its own and its super classes'). */
    private final List<List<FieldExclusion>> fieldExclusionsByClass = new ArrayList<>();
    /** Class objects whose statics an exclusion names. */
    private final Map<Integer, List<FieldExclusion>> fieldExclusionsByClassObject = new HashMap<>();
    private final BitSet allowedEntries;
    private final Set<Long> allowedThreadLocals;

    private int namedSource = -1;
    private String[] namesOfSourceEdges;
    private int excludingSource = -1;
    private List<FieldExclusion> exclusionsOfSource = List.of();

    ExcludedReferences(HeapGraph graph, PathExclusions exclusions) {
        this.graph = graph;
        boolean hprof = graph.format() == HeapFormat.HPROF;
        this.rule = hprof ? RetentionRule.matDefault() : RetentionRule.devTools(graph);
        this.followsWeakV8Edges = !hprof && !exclusions.references().contains(ReferenceKind.WEAK);
        for (ReferenceKind kind : exclusions.references()) {
            referentExcludedByKind[kind.ordinal()] = true;
        }
        int classes = graph.classCount();
        referenceKindByClass = new byte[classes];
        List<Predicate<String>> matchers = exclusions.fields().stream().map(FieldExclusion::classNameMatcher).toList();
        for (int c = 0; c < classes; c++) {
            referenceKindByClass[c] = referenceKindOf(c);
            List<FieldExclusion> applying = new ArrayList<>();
            for (int x = c, depth = 0; x >= 0 && depth <= classes; x = graph.heapClass(x).superClass(), depth++) {
                String name = graph.className(x);
                for (int i = 0; i < matchers.size(); i++) {
                    if (matchers.get(i).test(name) && !applying.contains(exclusions.fields().get(i))) {
                        applying.add(exclusions.fields().get(i));
                    }
                }
            }
            fieldExclusionsByClass.add(applying.isEmpty() ? List.of() : List.copyOf(applying));
            int classObject = graph.heapClass(c).classObject();
            if (classObject >= 0) {
                List<FieldExclusion> statics = new ArrayList<>();
                for (int i = 0; i < matchers.size(); i++) {
                    if (matchers.get(i).test(graph.className(c))) {
                        statics.add(exclusions.fields().get(i));
                    }
                }
                if (!statics.isEmpty()) {
                    fieldExclusionsByClassObject.put(classObject, statics);
                }
            }
        }
        if (exclusions.roots().isEmpty()) {
            allowedEntries = null;
            allowedThreadLocals = null;
        } else {
            allowedEntries = new BitSet();
            allowedThreadLocals = new HashSet<>();
            for (int r = 0; r < graph.rootRecordCount(); r++) {
                if (exclusions.roots().contains(graph.rootKind(r))) {
                    continue;
                }
                if (graph.rootThread(r) < 0) {
                    allowedEntries.set(graph.rootObject(r));
                } else {
                    allowedThreadLocals.add(pair(graph.rootThread(r), graph.rootObject(r)));
                }
            }
        }
    }

    /** The reference kind of class {@code c}'s instances: the first of its super classes that names one. */
    private byte referenceKindOf(int c) {
        int classes = graph.classCount();
        for (int x = c, depth = 0; x >= 0 && depth <= classes; x = graph.heapClass(x).superClass(), depth++) {
            String name = graph.className(x);
            for (ReferenceKind kind : ReferenceKind.values()) {
                for (String kindClass : kind.classNames()) {
                    if (kindClass.equals(name)) {
                        return (byte) kind.ordinal();
                    }
                }
            }
        }
        return NO_REFERENCE_KIND;
    }

    /** True when {@code entry} is a root of a kind not excluded. */
    boolean startsPaths(int entry) {
        return allowedEntries == null || graph.syntheticRoot() == entry || allowedEntries.get(entry);
    }

    /** True when a path may go from {@code source} over {@code edge}. */
    boolean follows(int source, int edge) {
        byte kind = graph.edgeKindCode(edge);
        if (kind == EdgeKind.REFERENT.code() && referentExcluded(source)) {
            return false;
        }
        if (!rule.retains(graph, source, edge)
                && !(followsWeakV8Edges && kind == EdgeKind.V8_WEAK.code() && !graph.isNeverRetaining(edge))) {
            return false;
        }
        boolean threadLocal = kind == EdgeKind.THREAD_LOCAL.code();
        if (threadLocal && allowedThreadLocals != null
                && !allowedThreadLocals.contains(pair(source, graph.edgeTarget(edge)))) {
            return false;
        }
        List<FieldExclusion> applying = fieldExclusionsOf(source);
        if (applying.isEmpty()) {
            return true;
        }
        if (namedSource != source) {
            namesOfSourceEdges = graph.details().edgeNamesOf(graph, source);
            namedSource = source;
        }
        String name = namesOfSourceEdges[edge - graph.firstEdge(source)];
        for (FieldExclusion exclusion : applying) {
            if (exclusion.excludesField(name, threadLocal)) {
                return false;
            }
        }
        return true;
    }

    private boolean referentExcluded(int source) {
        int c = graph.classOf(source);
        byte kind = c < 0 ? NO_REFERENCE_KIND : referenceKindByClass[c];
        // A referent of a Reference outside the four families (none in the JDK) counts as weak.
        return referentExcludedByKind[kind == NO_REFERENCE_KIND ? ReferenceKind.WEAK.ordinal() : kind];
    }

    /** The search asks about one source's edges in a row, so the last answer is kept. */
    private List<FieldExclusion> fieldExclusionsOf(int source) {
        if (source != excludingSource) {
            List<FieldExclusion> statics = fieldExclusionsByClassObject.isEmpty() ? null
                    : fieldExclusionsByClassObject.get(source);
            int c = graph.classOf(source);
            exclusionsOfSource = statics != null ? statics : c < 0 ? List.of() : fieldExclusionsByClass.get(c);
            excludingSource = source;
        }
        return exclusionsOfSource;
    }

    private static long pair(int thread, int object) {
        return ((long) thread << 32) | (object & 0xffffffffL);
    }
}
