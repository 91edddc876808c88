package dev.heapdelta.analyzer.query;

import dev.heapdelta.analyzer.graph.EdgeKind;
import dev.heapdelta.analyzer.graph.FieldValue;
import dev.heapdelta.analyzer.graph.HeapFormat;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.graph.ObjectKind;
import dev.heapdelta.analyzer.graph.RootKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Path keys: a stable, readable name for where an object lives (DESIGN.md §4). The key starts at
 * the last named anchor on the shortest path from a GC root (an HPROF static field, a V8 global
 * property or module variable), or for a Java object reached only from a thread at its holder's
 * field ({@code CheckoutHandler.carts}), and continues with field and property names, root-first.
 * Indexes, map keys and hops inside a container all read {@code []}: keys are unstable across
 * snapshots, and they hold user data.
 */
public final class PathKeys {
    public static final String SEPARATOR = " › ";
    private static final String INDEX = "[]";

    private final HeapGraph graph;
    private final Map<Integer, Integer> classByClassObject = new HashMap<>();
    private JavaContainerClasses containers;

    public PathKeys(HeapGraph graph) {
        this.graph = graph;
        for (int c = 0; c < graph.classCount(); c++) {
            int classObject = graph.heapClass(c).classObject();
            if (classObject >= 0) {
                classByClassObject.put(classObject, c);
            }
        }
    }

    /** Whether the key of {@code path} starts at a named anchor (a static field, a V8 variable or global property). */
    public boolean namesAnchor(List<PathStep> path) {
        return lastAnchorStep(path) >= 0;
    }

    /** The step of {@code path} whose edge is the anchor its key starts at, or -1 when the key names none. */
    public int lastAnchorStep(List<PathStep> path) {
        for (int i = path.size() - 2; i >= 0; i--) {
            if (anchorName(path.get(i).edgeToNext()) != null) {
                return i;
            }
        }
        return -1;
    }

    /** The path key of the last object of {@code path}; empty for an empty path. */
    public String keyOf(List<PathStep> path) {
        if (path.isEmpty()) {
            return "";
        }
        int anchorStep = lastAnchorStep(path);
        String anchor = anchorStep < 0 ? null : anchorName(path.get(anchorStep).edgeToNext());
        List<String> parts = new ArrayList<>();
        int from;
        int holderStep = anchor == null ? holderStep(path) : -1;
        if (anchor != null) {
            parts.add(anchor);
            from = anchorStep + 1;
        } else if (holderStep >= 0) {
            PathStep holder = path.get(holderStep);
            parts.add(simpleName(graph.classNameOf(holder.object())) + "."
                    + graph.details().edgeName(holder.edgeToNext()));
            from = holderStep + 1;
        } else {
            parts.add(describeRoot(path.get(0).object()));
            from = 0;
        }
        for (int i = from; i < path.size() - 1; i++) {
            String step = stepName(path.get(i).object(), path.get(i).edgeToNext());
            if (step.isEmpty()) {
                continue;
            }
            if (step.equals(INDEX) && parts.get(parts.size() - 1).equals(INDEX)) {
                continue;
            }
            parts.add(step);
        }
        return String.join(SEPARATOR, parts);
    }

    /**
     * Without a static field on the path (an object reached only from a thread or a JNI root), the
     * holder is named as the source declares it, {@code CheckoutHandler.carts}: the nearest object of
     * a non-JDK class, outside any container, before the path enters the last container on it (the
     * object itself when it is a container; its entries then read {@code CheckoutHandler.carts › []}).
     * -1 when there is none.
     */
    private int holderStep(List<PathStep> path) {
        if (graph.format() != HeapFormat.HPROF) {
            return -1;
        }
        int last = path.size() - 1;
        int containerEntry = last;
        for (int i = last; i >= 0; i--) {
            if (isContainerish(path.get(i).object()) && (i == 0 || !isContainerish(path.get(i - 1).object()))) {
                containerEntry = i;
                break;
            }
        }
        for (int i = containerEntry - 1; i >= 0; i--) {
            int object = path.get(i).object();
            if (graph.kindOf(object) == ObjectKind.INSTANCE && !isContainerish(object)
                    && !isJdkClass(graph.classNameOf(object))
                    && graph.edgeKind(path.get(i).edgeToNext()) == EdgeKind.FIELD) {
                return i;
            }
        }
        return -1;
    }

    private boolean isContainerish(int object) {
        return graph.kindOf(object) == ObjectKind.OBJECT_ARRAY || containers().isInsideContainer(graph.classOf(object));
    }

    private static boolean isJdkClass(String name) {
        return name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.")
                || name.startsWith("sun.") || name.startsWith("com.sun.");
    }

    private JavaContainerClasses containers() {
        if (containers == null) {
            containers = new JavaContainerClasses(graph);
        }
        return containers;
    }

    /** The anchor an edge is, or null: HPROF static fields here, the rest from the format's details. */
    public String anchorName(int edge) {
        int source = graph.edgeSource(edge);
        if (graph.kindOf(source) == ObjectKind.CLASS && graph.edgeKind(edge) == EdgeKind.FIELD) {
            String field = graph.details().edgeName(edge);
            if (field.startsWith("<")) {
                // A VM pseudo-field such as <resolved_references>: internals, not a program's variable.
                return null;
            }
            Integer owner = classByClassObject.get(source);
            String className = owner == null ? "?" : graph.className(owner);
            return "static " + simpleName(className) + "." + field;
        }
        return graph.details().anchorName(edge);
    }

    /** How one hop reads in a key: a field or property name, {@code []}, or empty to leave it out. */
    String stepName(int source, int edge) {
        EdgeKind kind = graph.edgeKind(edge);
        switch (kind) {
            case V8_INTERNAL, V8_HIDDEN:
                // A backing store's numbered slots are the collection's entries; named internals are left out.
                return isNumbered(graph.details().edgeName(edge)) ? INDEX : "";
            case V8_SHORTCUT, CLASS, CLASS_INTERNAL:
                return "";
            case V8_ELEMENT, ARRAY_ELEMENT:
                return INDEX;
            case THREAD_LOCAL:
                return "local";
            default:
                break;
        }
        if (graph.format() == HeapFormat.HPROF && isCollectionInternal(source)) {
            return INDEX;
        }
        String name = graph.details().edgeName(edge);
        if (graph.format() == HeapFormat.V8 && isTimerLink(source, name)) {
            return INDEX;
        }
        return name.startsWith("[") ? INDEX : name;
    }

    /**
     * Node links a timer list's {@code Timeout}s in a ring ({@code _idleNext}, {@code _idlePrev}): the
     * hops along it are the list's entries, and how far along one sits changes with every timer.
     */
    private boolean isTimerLink(int source, String name) {
        if (!name.equals("_idleNext") && !name.equals("_idlePrev")) {
            return false;
        }
        String className = graph.classNameOf(source);
        return className.equals("TimersList") || className.equals("Timeout");
    }

    /** An edge as paths show it: its name, or {@code []} for an index or a numbered slot. */
    public static String displayEdgeName(String name) {
        return isNumbered(name) ? INDEX : name;
    }

    private static boolean isNumbered(String name) {
        if (name.isEmpty()) {
            return false;
        }
        if (name.startsWith("[")) {
            return true;
        }
        for (int i = 0; i < name.length(); i++) {
            if (!Character.isDigit(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Hops inside a container (out of the container itself, its table, nodes, segments or entry
     * wrappers) are its contents: {@code []}. Any other class keeps its field names, a
     * {@code java.util.logging.Logger}'s {@code handlers} as much as a user's.
     */
    private boolean isCollectionInternal(int object) {
        return graph.kindOf(object) == ObjectKind.OBJECT_ARRAY || containers().isInsideContainer(graph.classOf(object));
    }

    private String describeRoot(int object) {
        if (graph.syntheticRoot() == object) {
            return "(root)";
        }
        String threadName = threadName(object);
        if (threadName != null) {
            return "thread \"" + threadName + "\"";
        }
        RootKind kind = null;
        for (int r = 0; r < graph.rootRecordCount(); r++) {
            if (graph.rootObject(r) == object) {
                kind = graph.rootKind(r);
                break;
            }
        }
        if (graph.kindOf(object) == ObjectKind.CLASS) {
            Integer owner = classByClassObject.get(object);
            return "class " + simpleName(owner == null ? "?" : graph.className(owner));
        }
        String prefix = kind == null ? "(GC roots)" : kind.displayName();
        return prefix + " " + simpleName(graph.classNameOf(object));
    }

    private String threadName(int object) {
        if (graph.format() != HeapFormat.HPROF) {
            return null;
        }
        boolean isThread = false;
        for (int r = 0; r < graph.rootRecordCount(); r++) {
            if (graph.rootObject(r) == object && graph.rootKind(r) == RootKind.THREAD_OBJECT) {
                isThread = true;
                break;
            }
        }
        if (!isThread) {
            return null;
        }
        for (FieldValue field : graph.details().fields(object)) {
            if (field.name().equals("name") && field.target() >= 0) {
                return graph.details().stringValue(field.target(), 80);
            }
        }
        return null;
    }

    /** {@code java.util.Map$Entry} reads {@code Map.Entry}; arrays keep their brackets. */
    public static String simpleName(String className) {
        int dot = className.lastIndexOf('.');
        String simple = dot >= 0 ? className.substring(dot + 1) : className;
        return simple.replace('$', '.');
    }
}
