package dev.heapdelta.analyzer.v8;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DevTools' names for plain objects ({@code Object} instances): the property lists shared by enough
 * objects become "interfaces" such as {@code {id, login, plan, roles, avatarSvg}}, and each plain
 * object takes the name of the interface it matches with the most properties (the more popular one on
 * a tie); an object that matches none stays {@code Object}.
 */
final class PlainObjectInterfaces {
    private static final int MIN_INTERFACE_PROPERTY_COUNT = 1;
    private static final int MAX_INTERFACE_NAME_LENGTH = 120;
    private static final int MIN_OBJECT_COUNT_PER_INTERFACE = 2;
    private static final int MIN_OBJECT_PROPORTION_PER_INTERFACE = 1000;

    private record Definition(String name, List<String> properties, int index) {
    }

    private static final class TreeNode {
        final Map<String, TreeNode> next = new HashMap<>();
        Definition match;
        String greatestNext;
    }

    private PlainObjectInterfaces() {
    }

    /** The interface name of every plain object (others: null), by node ordinal. */
    static String[] namesOf(RawSnapshot raw) {
        int objectType = raw.typeIndex("object");
        int propertyType = raw.edgeTypeIndex("property");
        String[] result = new String[raw.nodeCount];
        if (objectType < 0) {
            return result;
        }
        java.util.BitSet objectNames = objectNames(raw);
        List<Definition> definitions = infer(raw, objectType, propertyType, objectNames);
        if (definitions.isEmpty()) {
            return result;
        }
        TreeNode tree = new TreeNode();
        for (Definition definition : definitions) {
            List<String> sorted = new ArrayList<>(definition.properties());
            Collections.sort(sorted);
            TreeNode current = tree;
            for (String property : sorted) {
                TreeNode next = current.next.get(property);
                if (next == null) {
                    next = new TreeNode();
                    current.next.put(property, next);
                    if (current.greatestNext == null || current.greatestNext.compareTo(property) < 0) {
                        current.greatestNext = property;
                    }
                }
                current = next;
            }
            if (current.match == null) {
                current.match = new Definition(definition.name(), sorted, definition.index());
            }
        }
        List<String> properties = new ArrayList<>();
        Set<TreeNode> states = new LinkedHashSet<>();
        for (int node = 0; node < raw.nodeCount; node++) {
            if (!isPlainObject(raw, node, objectType, objectNames)) {
                continue;
            }
            properties.clear();
            for (int e = raw.firstEdgeByNode[node]; e < raw.firstEdgeByNode[node + 1]; e++) {
                if (raw.typeByEdge[e] == propertyType) {
                    properties.add(raw.string(raw.nameOrIndexByEdge[e]));
                }
            }
            Collections.sort(properties);
            states.clear();
            states.add(tree);
            Definition match = better(null, tree.match);
            for (String property : properties) {
                for (TreeNode state : new ArrayList<>(states)) {
                    if (state.greatestNext == null || property.compareTo(state.greatestNext) >= 0) {
                        states.remove(state);
                    }
                    TreeNode next = state.next.get(property);
                    if (next != null) {
                        states.add(next);
                        match = better(match, next.match);
                    }
                }
                if (states.isEmpty()) {
                    break;
                }
            }
            if (match != null) {
                result[node] = match.name();
            }
        }
        return result;
    }

    private static Definition better(Definition a, Definition b) {
        if (b == null) {
            return a;
        }
        if (a == null) {
            return b;
        }
        if (a.properties().size() != b.properties().size()) {
            return a.properties().size() > b.properties().size() ? a : b;
        }
        return a.index() <= b.index() ? a : b;
    }

    private static boolean isPlainObject(RawSnapshot raw, int node, int objectType, java.util.BitSet objectNames) {
        int name = raw.nameByNode[node];
        return raw.typeByNode[node] == objectType && name >= 0 && objectNames.get(name);
    }

    /** The string indexes whose text is {@code Object} (one, unless the table repeats it). */
    private static java.util.BitSet objectNames(RawSnapshot raw) {
        java.util.BitSet result = new java.util.BitSet();
        for (int i = 0; i < raw.strings.size(); i++) {
            if (raw.strings.get(i).equals("Object")) {
                result.set(i);
            }
        }
        return result;
    }

    private static List<Definition> infer(RawSnapshot raw, int objectType, int propertyType,
            java.util.BitSet objectNames) {
        Map<String, int[]> countByName = new LinkedHashMap<>();
        Map<String, List<String>> propertiesByName = new HashMap<>();
        int total = 0;
        List<String> properties = new ArrayList<>();
        for (int node = 0; node < raw.nodeCount; node++) {
            if (!isPlainObject(raw, node, objectType, objectNames)) {
                continue;
            }
            total++;
            StringBuilder name = new StringBuilder("{");
            properties.clear();
            for (int e = raw.firstEdgeByNode[node]; e < raw.firstEdgeByNode[node + 1]; e++) {
                if (raw.typeByEdge[e] != propertyType) {
                    continue;
                }
                String edgeName = raw.string(raw.nameOrIndexByEdge[e]);
                if (edgeName.equals("__proto__")) {
                    continue;
                }
                String formatted = formatPropertyName(edgeName);
                if (name.length() > MIN_INTERFACE_PROPERTY_COUNT
                        && name.length() + formatted.length() > MAX_INTERFACE_NAME_LENGTH) {
                    break;
                }
                if (name.length() != 1) {
                    name.append(", ");
                }
                name.append(formatted);
                properties.add(edgeName);
            }
            if (properties.isEmpty()) {
                continue;
            }
            name.append('}');
            String key = name.toString();
            int[] count = countByName.get(key);
            if (count == null) {
                countByName.put(key, new int[] {1});
                propertiesByName.put(key, List.copyOf(properties));
            } else {
                count[0]++;
            }
        }
        List<Map.Entry<String, int[]>> sorted = new ArrayList<>(countByName.entrySet());
        sorted.sort((a, b) -> Integer.compare(b.getValue()[0], a.getValue()[0]));
        double minCount = Math.max(MIN_OBJECT_COUNT_PER_INTERFACE, total / (double) MIN_OBJECT_PROPORTION_PER_INTERFACE);
        List<Definition> result = new ArrayList<>();
        for (Map.Entry<String, int[]> entry : sorted) {
            if (entry.getValue()[0] < minCount) {
                break;
            }
            result.add(new Definition(entry.getKey(), propertiesByName.get(entry.getKey()), result.size()));
        }
        return result;
    }

    /** DevTools quotes a property name holding a comma, quote or brace, the way JSON.stringify would. */
    static String formatPropertyName(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == ',' || c == '\'' || c == '"' || c == '{' || c == '}') {
                return JsonQuoting.quote(name);
            }
        }
        return name;
    }
}
