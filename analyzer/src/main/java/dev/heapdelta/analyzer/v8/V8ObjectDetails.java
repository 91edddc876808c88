package dev.heapdelta.analyzer.v8;

import dev.heapdelta.analyzer.graph.EdgeKind;
import dev.heapdelta.analyzer.graph.FieldValue;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.graph.ObjectDetails;
import dev.heapdelta.analyzer.graph.ObjectKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a V8 snapshot says about a node beyond the graph's arrays, read from its string table: edge
 * names, node names and labels, string values, and the V8 extras leak detection needs (the script
 * location of constructors and closures, the node type name, the DOM detachedness).
 */
public final class V8ObjectDetails implements ObjectDetails {
    private static final int LABEL_CHARS = 100;
    private static final int CONCATENATION_LIMIT = 1024;

    /** The reader's tables this needs; the node-indexed arrays are by object index. */
    record Tables(List<String> strings, List<String> nodeTypes, byte[] typeByNode, byte[] detachednessByNode,
            int[] locations, int locationCount) {
    }

    /** A script position: V8's 0-based line and column, and the script's name where the snapshot has it. */
    public record Location(int scriptId, int line, int column, String scriptName) {
        /** {@code map-cache.js:13:14}: the script's file name (or {@code script#id}), 1-based line and column. */
        public String text() {
            String script = scriptName.isEmpty() ? "script#" + scriptId : fileNameOf(scriptName);
            return script + ":" + (line + 1) + ":" + (column + 1);
        }

        static String fileNameOf(String url) {
            int slash = Math.max(url.lastIndexOf('/'), url.lastIndexOf('\\'));
            return slash >= 0 && slash < url.length() - 1 ? url.substring(slash + 1) : url;
        }
    }

    private final HeapGraph graph;
    private final Tables tables;
    private final int[] locationByObject;
    private volatile Map<Integer, String> scriptNameById;
    private volatile ClosureContexts closureContexts;

    V8ObjectDetails(HeapGraph graph, Tables tables) {
        this.graph = graph;
        this.tables = tables;
        this.locationByObject = new int[graph.objectCount()];
        java.util.Arrays.fill(locationByObject, -1);
        for (int i = 0; i < tables.locationCount(); i++) {
            locationByObject[tables.locations()[i * 4]] = i;
        }
    }

    Tables tables() {
        return tables;
    }

    private String string(int index) {
        List<String> strings = tables.strings();
        return index >= 0 && index < strings.size() ? strings.get(index) : "";
    }

    /** The node's name as the snapshot has it (DevTools' raw name; {@code Detached } prefixed where DevTools adds it). */
    public String nodeName(int object) {
        return string(graph.nameIndexOf(object));
    }

    /** The node type as the snapshot spells it ({@code object}, {@code closure}, …; {@code undefined} if unlisted). */
    public String typeName(int object) {
        int type = tables.typeByNode()[object];
        return type < 0 ? "undefined" : tables.nodeTypes().get(type);
    }

    /** DevTools' DOM link state after propagation: 0 unknown, 1 attached, 2 detached; -1 without the column. */
    public int detachedness(int object) {
        byte[] states = tables.detachednessByNode();
        return states == null ? -1 : states[object];
    }

    /** Where the object's constructor (or the closure's function) is defined, or null when the snapshot does not say. */
    public Location location(int object) {
        int i = locationByObject[object];
        if (i < 0) {
            return null;
        }
        int[] l = tables.locations();
        int scriptId = l[i * 4 + 1];
        return new Location(scriptId, l[i * 4 + 2], l[i * 4 + 3], scriptName(scriptId));
    }

    /**
     * Path-key anchors for V8: a context variable reads {@code Module(script.js) › name}, where the
     * context belongs to closures created in script.js; a property of the global object reads
     * {@code global › name}. A context that is one of several of the same scope (a package's factory
     * called twice, as two {@code lru-memoizer} memoizers each have their own {@code cache}) is no
     * anchor: its variable names no single object, so the key starts at the anchor before it, the
     * caller's variable that tells them apart.
     */
    @Override
    public String anchorName(int edgeIndex) {
        EdgeKind kind = graph.edgeKind(edgeIndex);
        int source = graph.edgeSource(edgeIndex);
        if (kind == EdgeKind.V8_CONTEXT) {
            if (contextsOfSharedScopes().contains(source)) {
                return null;
            }
            String script = scriptOfContext(source);
            return (script == null ? "Context" : "Module(" + script + ")") + PATH_SEPARATOR + edgeName(edgeIndex);
        }
        if (kind == EdgeKind.V8_PROPERTY && isGlobalObject(source)) {
            return "global" + PATH_SEPARATOR + edgeName(edgeIndex);
        }
        return null;
    }

    private static final String PATH_SEPARATOR = " \u203a ";

    private boolean isGlobalObject(int object) {
        String name = graph.classNameOf(object);
        // The global object: a browser window's is "Window / url" in older Chrome and "Window [JSGlobalObject] / url"
        // now, d8's "global [JSGlobalObject]".
        return name.equals("global") || name.equals("Window") || name.startsWith("Window /")
                || name.contains(" [JSGlobalObject]") || name.equals("globalThis");
    }

    /** The file name of the script whose closures use this context, or null. */
    private String scriptOfContext(int context) {
        return closureContexts().scriptByContext().get(context);
    }

    /** The closures' contexts whose scope another closure's context shares: one per call of the function that made them. */
    private Set<Integer> contextsOfSharedScopes() {
        return closureContexts().ofSharedScopes();
    }

    /** What the closures say of their contexts, from one pass over the closures on first use. */
    private ClosureContexts closureContexts() {
        ClosureContexts known = closureContexts;
        if (known == null) {
            Map<Integer, String> scripts = new HashMap<>();
            Map<Integer, Integer> firstContextByScope = new HashMap<>();
            Set<Integer> shared = new HashSet<>();
            for (int object = 0; object < graph.objectCount(); object++) {
                int context = graph.kindOf(object) == ObjectKind.V8_CLOSURE ? targetNamed(object, "context") : -1;
                if (context < 0) {
                    continue;
                }
                Location location = location(object);
                if (location != null && !location.scriptName().isEmpty()) {
                    scripts.putIfAbsent(context, ModuleNames.of(location.scriptName()));
                }
                int scope = targetNamed(context, "scope_info");
                Integer first = scope < 0 ? null : firstContextByScope.putIfAbsent(scope, context);
                if (first != null && first != context) {
                    shared.add(first);
                    shared.add(context);
                }
            }
            known = new ClosureContexts(scripts, shared);
            closureContexts = known;
        }
        return known;
    }

    private record ClosureContexts(Map<Integer, String> scriptByContext, Set<Integer> ofSharedScopes) {
    }

    @Override
    public String npmPackageOf(int object) {
        Location location = location(object);
        return location == null ? null : ModuleNames.packageOf(location.scriptName());
    }

    @Override
    public String locationOf(int object) {
        Location location = location(object);
        return location == null ? null : location.text();
    }

    /** The name (URL or path) of the script with this id, found through a located closure's shared info; may be empty. */
    public String scriptName(int scriptId) {
        Map<Integer, String> names = scriptNameById;
        if (names == null) {
            names = buildScriptNames();
            scriptNameById = names;
        }
        return names.getOrDefault(scriptId, "");
    }

    private Map<Integer, String> buildScriptNames() {
        Map<Integer, String> names = new HashMap<>();
        int[] l = tables.locations();
        for (int i = 0; i < tables.locationCount(); i++) {
            int scriptId = l[i * 4 + 1];
            int object = l[i * 4];
            if (names.containsKey(scriptId) || graph.kindOf(object) != ObjectKind.V8_CLOSURE) {
                continue;
            }
            int shared = targetNamed(object, "shared");
            int script = shared < 0 ? -1 : targetNamed(shared, "script_or_debug_info");
            if (script < 0 && shared >= 0) {
                script = targetNamed(shared, "script");
            }
            if (script >= 0) {
                int name = targetNamed(script, "name");
                String scriptName = name >= 0 && isString(name) ? nodeName(name) : nodeName(script);
                if (!scriptName.isEmpty()) {
                    names.put(scriptId, scriptName);
                }
            }
        }
        return names;
    }

    private boolean isString(int object) {
        ObjectKind kind = graph.kindOf(object);
        return kind == ObjectKind.V8_STRING || kind == ObjectKind.V8_SLICED_STRING
                || kind == ObjectKind.V8_CONCATENATED_STRING;
    }

    /** The target of the object's first edge with a string name equal to {@code name}, or -1. */
    public int targetNamed(int object, String name) {
        for (int e = graph.firstEdge(object); e < graph.endEdge(object); e++) {
            if (hasStringName(e) && string(graph.edgeLabel(e)).equals(name)) {
                return graph.edgeTarget(e);
            }
        }
        return -1;
    }

    private boolean hasStringName(int edge) {
        EdgeKind kind = graph.edgeKind(edge);
        return kind != EdgeKind.V8_ELEMENT && kind != EdgeKind.V8_HIDDEN;
    }

    @Override
    public String edgeName(int edgeIndex) {
        if (!hasStringName(edgeIndex)) {
            return "[" + Integer.toUnsignedString(graph.edgeLabel(edgeIndex)) + "]";
        }
        return string(graph.edgeLabel(edgeIndex));
    }

    /** The edge type as V8 names it: {@code property}, {@code element}, {@code context}, … */
    public static String edgeTypeName(EdgeKind kind) {
        return switch (kind) {
            case V8_CONTEXT -> "context";
            case V8_ELEMENT -> "element";
            case V8_PROPERTY -> "property";
            case V8_HIDDEN -> "hidden";
            case V8_SHORTCUT -> "shortcut";
            case V8_WEAK -> "weak";
            default -> "internal";
        };
    }

    @Override
    public String label(int object) {
        ObjectKind kind = graph.kindOf(object);
        String value = stringValue(object, LABEL_CHARS);
        if (value != null) {
            return shorten(value);
        }
        String name = nodeName(object);
        if (kind == ObjectKind.V8_CLOSURE) {
            return name.isEmpty() ? "" : name + "()";
        }
        if (kind == ObjectKind.V8_OBJECT && name.equals("Object")) {
            return plainObjectName(object);
        }
        return shorten(name);
    }

    private static String shorten(String text) {
        return text.length() <= LABEL_CHARS ? text : text.substring(0, LABEL_CHARS - 1) + "…";
    }

    /**
     * DevTools' name for a plain object: its property names from both ends, {@code {a, b, ..., y, z}},
     * kept to about 100 characters.
     */
    public String plainObjectName(int object) {
        StringBuilder start = new StringBuilder("{");
        StringBuilder end = new StringBuilder("}");
        int fromStart = graph.firstEdge(object);
        int fromEnd = graph.endEdge(object) - 1;
        boolean nextFromEnd = false;
        while (fromStart <= fromEnd) {
            int edge = nextFromEnd ? fromEnd : fromStart;
            String edgeName = graph.edgeKind(edge) == EdgeKind.V8_PROPERTY ? string(graph.edgeLabel(edge)) : null;
            if (edgeName == null || edgeName.equals("__proto__")) {
                if (nextFromEnd) {
                    fromEnd--;
                } else {
                    fromStart++;
                }
                continue;
            }
            String formatted = PlainObjectInterfaces.formatPropertyName(edgeName);
            if (start.length() > 1 && start.length() + end.length() + formatted.length() > 100) {
                break;
            }
            if (nextFromEnd) {
                fromEnd--;
                if (end.length() > 1) {
                    end.insert(0, ", ");
                }
                end.insert(0, formatted);
            } else {
                fromStart++;
                if (start.length() > 1) {
                    start.append(", ");
                }
                start.append(formatted);
            }
            nextFromEnd = !nextFromEnd;
        }
        if (fromStart <= fromEnd) {
            start.append(", ...");
        }
        if (end.length() > 1) {
            start.append(", ");
        }
        return start.append(end).toString();
    }

    @Override
    public List<FieldValue> fields(int object) {
        List<FieldValue> fields = new ArrayList<>(graph.endEdge(object) - graph.firstEdge(object));
        for (int e = graph.firstEdge(object); e < graph.endEdge(object); e++) {
            fields.add(FieldValue.reference(edgeName(e), edgeTypeName(graph.edgeKind(e)), graph.edgeTarget(e)));
        }
        return fields;
    }

    /** The edge count, which is what {@link #fields} lists. */
    @Override
    public long arrayLength(int object) {
        return graph.endEdge(object) - graph.firstEdge(object);
    }

    @Override
    public String stringValue(int object, int maxChars) {
        ObjectKind kind = graph.kindOf(object);
        if (kind == ObjectKind.V8_STRING || kind == ObjectKind.V8_SLICED_STRING) {
            String value = nodeName(object);
            return value.length() <= maxChars ? value : value.substring(0, Math.max(0, maxChars));
        }
        if (kind == ObjectKind.V8_CONCATENATED_STRING) {
            return concatenation(object, Math.max(0, maxChars));
        }
        return null;
    }

    /** A concatenated string's value, assembled from its {@code first} and {@code second} parts as DevTools does. */
    private String concatenation(int object, int maxChars) {
        int limit = Math.min(maxChars, CONCATENATION_LIMIT);
        StringBuilder value = new StringBuilder();
        int[] stack = new int[64];
        int top = 0;
        stack[top++] = object;
        while (top > 0 && value.length() < limit) {
            int node = stack[--top];
            if (graph.kindOf(node) != ObjectKind.V8_CONCATENATED_STRING) {
                value.append(nodeName(node));
                continue;
            }
            int first = -1;
            int second = -1;
            for (int e = graph.firstEdge(node); e < graph.endEdge(node); e++) {
                if (graph.edgeKind(e) == EdgeKind.V8_INTERNAL) {
                    String name = string(graph.edgeLabel(e));
                    if (name.equals("first")) {
                        first = graph.edgeTarget(e);
                    } else if (name.equals("second")) {
                        second = graph.edgeTarget(e);
                    }
                }
            }
            if (top + 2 > stack.length) {
                stack = java.util.Arrays.copyOf(stack, stack.length * 2);
            }
            if (second >= 0) {
                stack[top++] = second;
            }
            if (first >= 0) {
                stack[top++] = first;
            }
        }
        return value.length() <= maxChars ? value.toString() : value.substring(0, maxChars);
    }
}
