package dev.heapdelta.analyzer.report;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.format.ObjectIds;
import dev.heapdelta.analyzer.format.PathStepRow;
import dev.heapdelta.analyzer.graph.EdgeKind;
import dev.heapdelta.analyzer.graph.HeapFormat;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.leaks.Suspect;
import java.util.List;

/**
 * The module variable that holds a V8 suspect, read off its path to the root: the context step nearest
 * the suspect and the variable it leaves by, with the script whose closures share that context.
 */
final class SuspectModules {
    private static final String CONTEXT = "system / Context";
    private static final String MODULE_PREFIX = "Module(";

    /** A variable of a module's top-level scope: {@code userCache} of {@code map-cache.js}. */
    record ModuleVariable(String scriptFile, String variable) {
    }

    private SuspectModules() {
    }

    /** Null when the suspect is not held through a context variable of a named script. */
    static ModuleVariable of(Suspect suspect, Snapshot snapshot) {
        List<PathStepRow> steps = suspect.pathToRoot();
        if (snapshot.format() != HeapFormat.V8 || steps == null) {
            return null;
        }
        HeapGraph graph = snapshot.graph();
        for (int i = steps.size() - 2; i >= 0; i--) {
            PathStepRow step = steps.get(i);
            if (!CONTEXT.equals(step.className()) || step.edge().isEmpty()) {
                continue;
            }
            int context = graph.findObjectById(ObjectIds.parse(step.id()));
            if (context < 0) {
                continue;
            }
            for (int edge = graph.firstEdge(context); edge < graph.endEdge(context); edge++) {
                if (graph.edgeKind(edge) == EdgeKind.V8_CONTEXT
                        && step.edge().equals(graph.details().edgeName(edge))) {
                    String script = scriptOf(graph.details().anchorName(edge));
                    if (script != null) {
                        return new ModuleVariable(script, step.edge());
                    }
                }
            }
        }
        return null;
    }

    /** The script of an anchor written {@code Module(cart.js) › carts}. */
    private static String scriptOf(String anchor) {
        if (anchor == null || !anchor.startsWith(MODULE_PREFIX)) {
            return null;
        }
        int end = anchor.indexOf(')');
        return end < 0 ? null : anchor.substring(MODULE_PREFIX.length(), end);
    }
}
