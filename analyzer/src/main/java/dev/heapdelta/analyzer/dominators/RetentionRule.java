package dev.heapdelta.analyzer.dominators;

import dev.heapdelta.analyzer.graph.EdgeKind;
import dev.heapdelta.analyzer.graph.HeapGraph;

/**
 * Which edges keep their target alive, for reachability, dominators and retained sizes. A table by
 * edge kind, plus V8's rule that shortcut edges count only from the synthetic root.
 */
public final class RetentionRule {
    private final boolean[] retainsByKindCode = new boolean[32];
    private final int shortcutSource;
    private final String description;
    private final boolean honoursNeverRetainingEdges;

    private RetentionRule(String description, int shortcutSource, EdgeKind... notRetaining) {
        this(description, shortcutSource, false, notRetaining);
    }

    private RetentionRule(String description, int shortcutSource, boolean honoursNeverRetainingEdges,
            EdgeKind... notRetaining) {
        this.description = description;
        this.honoursNeverRetainingEdges = honoursNeverRetainingEdges;
        this.shortcutSource = shortcutSource;
        java.util.Arrays.fill(retainsByKindCode, true);
        for (EdgeKind kind : notRetaining) {
            retainsByKindCode[kind.code()] = false;
        }
    }

    /** Eclipse MAT's default: every reference retains, {@code Reference.referent} included. */
    public static RetentionRule matDefault() {
        return new RetentionRule("every reference retains, Reference.referent included (as Eclipse MAT)", -1);
    }

    /** {@code --weak-refs=ignore}: referents of weak, soft, phantom and finalizer references do not retain. */
    public static RetentionRule ignoringReferents() {
        return new RetentionRule("Reference.referent does not retain (weak, soft, phantom, final)", -1,
                EdgeKind.REFERENT);
    }

    /**
     * Chrome DevTools: weak edges never retain; shortcut edges retain only from the synthetic root; and
     * edges the reader marked as never retaining ({@link HeapGraph#isNeverRetaining}) do not either.
     */
    public static RetentionRule devTools(HeapGraph graph) {
        return new RetentionRule("weak edges never retain; shortcut edges only from the root (as Chrome DevTools)",
                graph.syntheticRoot(), true, EdgeKind.V8_WEAK, EdgeKind.V8_SHORTCUT);
    }

    /** The rule for {@code graph}'s format with its default settings. */
    public static RetentionRule defaultFor(HeapGraph graph) {
        return switch (graph.format()) {
            case HPROF -> matDefault();
            case V8 -> devTools(graph);
        };
    }

    public boolean retains(HeapGraph graph, int source, int edge) {
        byte kind = graph.edgeKindCode(edge);
        if (honoursNeverRetainingEdges && graph.isNeverRetaining(edge)) {
            return false;
        }
        if (retainsByKindCode[kind]) {
            return true;
        }
        return source == shortcutSource && kind == EdgeKind.V8_SHORTCUT.code();
    }

    /** One sentence for reports: how references were treated in this run. */
    public String description() {
        return description;
    }
}
