package dev.heapdelta.analyzer.report;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.codesites.HolderField;
import dev.heapdelta.analyzer.format.ObjectIds;
import dev.heapdelta.analyzer.format.PathStepRow;
import dev.heapdelta.analyzer.graph.FieldValue;
import dev.heapdelta.analyzer.graph.HeapFormat;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.graph.ObjectKind;
import dev.heapdelta.analyzer.leaks.Suspect;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields that hold a Java suspect's container, read off its path to a GC root step by step (the
 * class of each step and the field it leaves by), never off its title or path key: nearest first, so
 * {@code PaymentGateway.retryTimers} comes before {@code static PaymentGateway.INSTANCE}. A value held
 * by a ThreadLocal is held by the field that holds that ThreadLocal.
 */
final class SuspectHolders {
    private static final String CLASS_OBJECT = "java.lang.Class";
    private static final String THREAD_LOCAL_ENTRY = "java.lang.ThreadLocal$ThreadLocalMap$Entry";

    private SuspectHolders() {
    }

    /** @param snapshot the snapshot the suspect's path was taken in (its last one) */
    static List<HolderField> of(Suspect suspect, Snapshot snapshot) {
        List<HolderField> holders = new ArrayList<>();
        List<PathStepRow> steps = suspect.pathToRoot();
        if (snapshot.format() != HeapFormat.HPROF || steps == null) {
            return holders;
        }
        HeapGraph graph = snapshot.graph();
        for (int i = steps.size() - 2; i >= 0; i--) {
            PathStepRow step = steps.get(i);
            if (!isFieldName(step.edge())) {
                continue;
            }
            if (THREAD_LOCAL_ENTRY.equals(step.className()) && "value".equals(step.edge())) {
                holders.addAll(holdersOfThreadLocal(graph, objectOf(graph, step)));
            }
            if (CLASS_OBJECT.equals(step.className())) {
                String declaring = classNameOfClassObject(graph, objectOf(graph, step));
                if (declaring != null) {
                    holders.add(new HolderField(declaring, step.edge(), true));
                }
            } else {
                holders.add(new HolderField(step.className(), step.edge(), false));
            }
        }
        return holders;
    }

    private static int objectOf(HeapGraph graph, PathStepRow step) {
        try {
            return graph.findObjectById(ObjectIds.parse(step.id()));
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    private static String classNameOfClassObject(HeapGraph graph, int object) {
        if (object < 0 || graph.kindOf(object) != ObjectKind.CLASS) {
            return null;
        }
        String label = graph.details().label(object);
        return label.startsWith("class ") && !label.equals("class ?") ? label.substring("class ".length()) : null;
    }

    /** The fields that refer to the entry's ThreadLocal (its referent), found by one pass over the edges. */
    private static List<HolderField> holdersOfThreadLocal(HeapGraph graph, int entry) {
        List<HolderField> holders = new ArrayList<>();
        if (entry < 0) {
            return holders;
        }
        int threadLocal = -1;
        for (FieldValue field : graph.details().fields(entry)) {
            if ("referent".equals(field.name())) {
                threadLocal = field.target();
            }
        }
        if (threadLocal < 0) {
            return holders;
        }
        for (int object = 0; object < graph.objectCount(); object++) {
            for (int edge = graph.firstEdge(object); edge < graph.endEdge(object); edge++) {
                if (graph.edgeTarget(edge) != threadLocal || object == entry) {
                    continue;
                }
                String name = graph.details().edgeName(edge);
                if (!isFieldName(name) || "referent".equals(name)) {
                    continue;
                }
                if (graph.kindOf(object) == ObjectKind.CLASS) {
                    String declaring = classNameOfClassObject(graph, object);
                    if (declaring != null) {
                        holders.add(new HolderField(declaring, name, true));
                    }
                } else {
                    holders.add(new HolderField(graph.classNameOf(object), name, false));
                }
            }
        }
        return holders;
    }

    private static boolean isFieldName(String edge) {
        return edge != null && !edge.isEmpty() && Character.isJavaIdentifierStart(edge.charAt(0))
                && edge.chars().allMatch(Character::isJavaIdentifierPart);
    }
}
