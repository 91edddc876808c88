package dev.heapdelta.analyzer.oql;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.dominators.DominatorTree;
import dev.heapdelta.analyzer.graph.EdgeKind;
import dev.heapdelta.analyzer.graph.FieldValue;
import dev.heapdelta.analyzer.graph.HeapFormat;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.graph.ObjectKind;
import dev.heapdelta.analyzer.graph.RootKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a query reads from the heap: fields (read lazily from the dump, one object at a time), the
 * built-in attributes, the functions over the dominator tree and the references, and MAT's
 * class-specific names ({@code toString}). Performance: a field read is one positional read of the dump.
 */
final class ObjectAccess {
    /** Strings longer than this are cut when compared or shown; MAT's resolvers cut at 1024 characters. */
    static final int STRING_LIMIT = 100_000;

    private final Snapshot snapshot;
    private final HeapGraph graph;
    private final DominatorTree tree;
    private final Map<Integer, Integer> classByClassObject = new HashMap<>();
    private Map<Integer, String> rootInfoByObject;
    private final int threadClass;
    /**
     * The fields of the objects read last: a row names the same object's fields several times (in WHERE and in
     * the select list), and each read of them is a positional read of the dump.
     */
    private final Map<Integer, List<FieldValue>> recentFields = new java.util.LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, List<FieldValue>> eldest) {
            return size() > RECENT_OBJECTS;
        }
    };
    private static final int RECENT_OBJECTS = 64;
    private final Map<Integer, String> onlyReferenceByClass = new HashMap<>();

    ObjectAccess(Snapshot snapshot) {
        this.snapshot = snapshot;
        this.graph = snapshot.graph();
        this.tree = snapshot.dominatorTree();
        int thread = -1;
        for (int c = 0; c < graph.classCount(); c++) {
            int classObject = graph.heapClass(c).classObject();
            if (classObject >= 0) {
                classByClassObject.put(classObject, c);
            }
            if (graph.className(c).equals("java.lang.Thread")) {
                thread = c;
            }
        }
        this.threadClass = thread;
    }

    HeapGraph graph() {
        return graph;
    }

    DominatorTree tree() {
        return tree;
    }

    boolean isInAnalysis(int object) {
        return object >= 0 && object < graph.objectCount() && tree.isReachable(object);
    }

    /** The class an HPROF class object stands for, or -1 when the object is no class object. */
    int classOfClassObject(int object) {
        Integer c = classByClassObject.get(object);
        return c == null ? -1 : c;
    }

    /** A class as a query value: its class object where the dump has one, otherwise an {@link OqlClass}. */
    Object classValue(int classIndex) {
        if (classIndex < 0) {
            return null;
        }
        int classObject = graph.heapClass(classIndex).classObject();
        return classObject >= 0 && isInAnalysis(classObject) ? new OqlObject(classObject) : new OqlClass(classIndex);
    }

    /** A field by name, the most derived class's where names repeat; statics for a class object. */
    Object field(int object, String name) {
        if (graph.format() == HeapFormat.HPROF && graph.kindOf(object) == ObjectKind.INSTANCE
                && name.equals(onlyReferenceField(graph.classOf(object), object))) {
            return soleReference(object);
        }
        for (FieldValue field : fieldsOf(object)) {
            if (field.name().equals(name)) {
                return value(field);
            }
        }
        if (name.equals("length")) {
            return lengthProperty(object);
        }
        if (graph.kindOf(object) == ObjectKind.CLASS) {
            // As in Java and in MAT, a class's static fields include those it inherits.
            int c = classOfClassObject(object);
            int superClass = c < 0 ? -1 : graph.heapClass(c).superClass();
            int superObject = superClass < 0 ? -1 : graph.heapClass(superClass).classObject();
            if (superObject >= 0 && superObject != object) {
                return field(superObject, name);
            }
        }
        return null;
    }

    /**
     * {@code .length} where the object has no such field: an array's length, or for a V8 {@code Array} (whose
     * length is a Smi, no node of the snapshot) its element edges, as DESIGN.md counts a V8 array's elements.
     */
    private Object lengthProperty(int object) {
        if (isArray(object) && graph.format() == HeapFormat.HPROF) {
            return length(object);
        }
        if (graph.format() != HeapFormat.V8) {
            return null;
        }
        long elements = 0;
        for (int e = graph.firstEdge(object); e < graph.endEdge(object); e++) {
            if (graph.edgeKind(e) == EdgeKind.V8_ELEMENT) {
                elements++;
            }
        }
        return elements == 0 && !graph.classNameOf(object).equals("Array") ? null : (Object) elements;
    }

    /**
     * The name of a class's one reference field when it has exactly one (a String's {@code value}), learnt
     * from the first instance read; null otherwise. Such a field needs no read of the dump: the reader
     * emitted an edge for it exactly when it points to an object of the dump.
     */
    private String onlyReferenceField(int classIndex, int instance) {
        if (classIndex < 0) {
            return null;
        }
        String known = onlyReferenceByClass.get(classIndex);
        if (known == null) {
            String only = "";
            int references = 0;
            for (FieldValue field : fieldsOf(instance)) {
                if (field.type().equals("object")) {
                    references++;
                    only = field.name();
                }
            }
            known = references == 1 ? only : "";
            onlyReferenceByClass.put(classIndex, known);
        }
        return known.isEmpty() ? null : known;
    }

    private Object soleReference(int object) {
        for (int e = graph.firstEdge(object); e < graph.endEdge(object); e++) {
            EdgeKind kind = graph.edgeKind(e);
            if (kind == EdgeKind.FIELD || kind == EdgeKind.REFERENT) {
                return referenceValue(graph.edgeTarget(e));
            }
        }
        return null;
    }

    private List<FieldValue> fieldsOf(int object) {
        List<FieldValue> fields = recentFields.get(object);
        if (fields == null) {
            fields = graph.details().fields(object);
            recentFields.put(object, fields);
        }
        return fields;
    }

    Object value(FieldValue field) {
        if (field.target() >= 0) {
            return referenceValue(field.target());
        }
        if (field.isReference()) {
            return null;
        }
        long bits = field.bits();
        return switch (field.type()) {
            case "boolean" -> bits != 0;
            case "char" -> (char) bits;
            case "float" -> (double) Float.intBitsToFloat((int) bits);
            case "double" -> Double.longBitsToDouble(bits);
            case "byte", "short", "int", "long" -> bits;
            // V8 edges that are no references (a hidden number, say): show what the edge says.
            default -> field.text().isEmpty() ? null : field.text();
        };
    }

    private Object referenceValue(int target) {
        if (graph.format() == HeapFormat.V8 && graph.kindOf(target) == ObjectKind.V8_NUMBER) {
            return numberOf(graph.details().label(target));
        }
        return new OqlObject(target);
    }

    private static Object numberOf(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException notLong) {
            try {
                return Double.parseDouble(text.trim());
            } catch (NumberFormatException notNumber) {
                return text;
            }
        }
    }

    boolean isArray(int object) {
        ObjectKind kind = graph.kindOf(object);
        return kind == ObjectKind.OBJECT_ARRAY || kind == ObjectKind.PRIMITIVE_ARRAY || kind == ObjectKind.V8_ARRAY;
    }

    /** The element count of an array; null for anything else, as MAT has no length there. */
    Object length(int object) {
        return isArray(object) ? (Object) graph.details().arrayLength(object) : null;
    }

    /** The elements of an array (or the edges of a V8 array) as values, null elements included. */
    List<Object> elements(int object) {
        List<Object> values = new ArrayList<>();
        for (FieldValue field : graph.details().fields(object)) {
            values.add(value(field));
        }
        return values;
    }

    Object attribute(Object value, String name, int position) {
        if (value == null) {
            return null;
        }
        if (value instanceof OqlClass type) {
            return switch (name) {
                case "name", "displayName" -> graph.className(type.classIndex());
                default -> null;
            };
        }
        if (!(value instanceof OqlObject ref)) {
            throw new OqlException("@" + name + " needs an object, not " + ValueOperations.describe(value), position);
        }
        int object = ref.index();
        ObjectKind kind = graph.kindOf(object);
        return switch (name) {
            case "objectId" -> (long) object;
            case "objectAddress" -> graph.idOf(object);
            case "class", "clazz" -> classValue(graph.classOf(object));
            case "usedHeapSize" -> graph.shallowSizeOf(object);
            case "retainedHeapSize" -> tree.retainedSizeOf(object);
            case "length" -> length(object);
            case "GCRootInfo" -> rootInfo(object);
            case "valueArray" -> kind == ObjectKind.PRIMITIVE_ARRAY ? elements(object) : null;
            case "referenceArray" -> kind == ObjectKind.OBJECT_ARRAY || kind == ObjectKind.V8_ARRAY
                    ? elements(object) : null;
            case "displayName" -> displayName(object);
            case "name" -> {
                int c = classOfClassObject(object);
                yield c >= 0 ? graph.className(c) : null;
            }
            default -> throw new OqlException("unknown attribute @" + name, position);
        };
    }

    String displayName(int object) {
        String specific = classSpecificName(object);
        String head = graph.kindOf(object) == ObjectKind.CLASS ? "class " + graph.className(classOfClassObject(object))
                : snapshot.displayClassNameOf(object);
        String id = dev.heapdelta.analyzer.format.ObjectIds.format(graph, object);
        return head + " @ " + id + (specific == null || specific.isEmpty() ? "" : "  " + specific);
    }

    /** MAT's {@code @GCRootInfo}: the root kinds of a GC root, or null when the object is none. */
    private String rootInfo(int object) {
        if (rootInfoByObject == null) {
            Map<Integer, Set<String>> kinds = new HashMap<>();
            for (int r = 0; r < graph.rootRecordCount(); r++) {
                RootKind kind = graph.rootKind(r);
                // MAT attributes frame and JNI-local roots of a known thread to the thread: no root of their own.
                boolean attributed = (kind == RootKind.JAVA_FRAME || kind == RootKind.JNI_LOCAL)
                        && graph.rootThread(r) >= 0;
                if (!attributed && kind != RootKind.V8_SYNTHETIC_ROOT) {
                    kinds.computeIfAbsent(graph.rootObject(r), o -> new LinkedHashSet<>()).add(kind.displayName());
                }
            }
            Map<Integer, String> info = new HashMap<>();
            kinds.forEach((o, names) -> info.put(o, String.join(", ", names)));
            rootInfoByObject = info;
        }
        return rootInfoByObject.get(object);
    }

    /** Distinct targets of an object's references, in edge order: MAT's {@code outbounds}. */
    List<Object> outbounds(int object) {
        Set<Integer> targets = new LinkedHashSet<>();
        for (int e = graph.firstEdge(object); e < graph.endEdge(object); e++) {
            int target = graph.edgeTarget(e);
            if (isInAnalysis(target)) {
                targets.add(target);
            }
        }
        return objects(targets);
    }

    /** Distinct objects referring to an object: MAT's {@code inbounds}. Builds the incoming index once. */
    List<Object> inbounds(int object) {
        var incoming = graph.incoming();
        Set<Integer> sources = new LinkedHashSet<>();
        for (int i = incoming.firstIncoming(object); i < incoming.endIncoming(object); i++) {
            int source = incoming.source(i);
            if (isInAnalysis(source)) {
                sources.add(source);
            }
        }
        return objects(sources);
    }

    /** The objects an object immediately dominates: MAT's {@code dominators(o)}. */
    List<Object> dominated(int object) {
        List<Object> result = new ArrayList<>();
        for (int child : tree.childrenOf(object)) {
            result.add(new OqlObject(child));
        }
        return result;
    }

    /** The immediate dominator, or null at the top of the tree. */
    Object dominatorOf(int object) {
        int dominator = tree.immediateDominatorOf(object);
        return dominator < 0 || dominator == tree.virtualRoot() ? null : new OqlObject(dominator);
    }

    private static List<Object> objects(Set<Integer> indexes) {
        List<Object> result = new ArrayList<>(indexes.size());
        for (int index : indexes) {
            result.add(new OqlObject(index));
        }
        return result;
    }

    /**
     * MAT's class-specific name, what {@code toString(o)} gives: a String's or a char[]'s text, a Thread's
     * name, a boxed value, a class's name; the dump's own label otherwise (V8 strings and names).
     */
    String classSpecificName(int object) {
        ObjectKind kind = graph.kindOf(object);
        if (graph.format() == HeapFormat.V8) {
            String text = graph.details().stringValue(object, STRING_LIMIT);
            return text != null ? text : graph.details().label(object);
        }
        if (kind == ObjectKind.CLASS) {
            int c = classOfClassObject(object);
            return c < 0 ? "" : graph.className(c);
        }
        String className = graph.classNameOf(object);
        if (kind == ObjectKind.PRIMITIVE_ARRAY) {
            return className.equals("char[]") ? characters(object, -1) : "";
        }
        if (kind != ObjectKind.INSTANCE) {
            return "";
        }
        switch (className) {
            case "java.lang.String" -> {
                String text = graph.details().stringValue(object, STRING_LIMIT);
                return text == null ? "" : text;
            }
            case "java.lang.StringBuilder", "java.lang.StringBuffer" -> {
                return builderText(object);
            }
            case "java.lang.Integer", "java.lang.Long", "java.lang.Short", "java.lang.Byte", "java.lang.Boolean",
                    "java.lang.Character", "java.lang.Float", "java.lang.Double" -> {
                Object value = field(object, "value");
                return value == null ? "" : String.valueOf(value);
            }
            default -> {
                if (isThread(object) || className.equals("java.lang.ThreadGroup")) {
                    return nameField(object);
                }
                return "";
            }
        }
    }

    private boolean isThread(int object) {
        for (int c = graph.classOf(object); c >= 0; c = graph.heapClass(c).superClass()) {
            if (c == threadClass) {
                return true;
            }
        }
        return false;
    }

    private String nameField(int object) {
        Object name = field(object, "name");
        if (name instanceof OqlObject ref) {
            return graph.classNameOf(ref.index()).equals("char[]") ? characters(ref.index(), -1)
                    : classSpecificName(ref.index());
        }
        return "";
    }

    private String builderText(int object) {
        Object value = field(object, "value");
        Object count = field(object, "count");
        if (!(value instanceof OqlObject array) || !(count instanceof Long length)) {
            return "";
        }
        if (graph.classNameOf(array.index()).equals("char[]")) {
            return characters(array.index(), length.intValue());
        }
        Object coder = field(object, "coder");
        StringBuilder text = new StringBuilder();
        List<FieldValue> bytes = graph.details().fields(array.index());
        boolean utf16 = coder instanceof Long code && code == 1;
        int unit = utf16 ? 2 : 1;
        for (int i = 0; i + unit - 1 < bytes.size() && text.length() < length; i += unit) {
            int first = (int) bytes.get(i).bits() & 0xff;
            text.append(utf16 ? (char) (first | ((int) bytes.get(i + 1).bits() & 0xff) << 8) : (char) first);
        }
        return text.toString();
    }

    private String characters(int array, int limit) {
        List<FieldValue> chars = graph.details().fields(array);
        int length = limit < 0 ? chars.size() : Math.min(limit, chars.size());
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) chars.get(i).bits());
        }
        return text.toString();
    }
}
