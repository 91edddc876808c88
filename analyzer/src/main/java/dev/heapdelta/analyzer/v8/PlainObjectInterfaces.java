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
    static Names namesOf(RawSnapshot raw) {
        int objectType = raw.typeIndex("object");
        int propertyType = raw.edgeTypeIndex("property");
        if (objectType < 0) {
            return Names.NONE;
        }
        java.util.BitSet objectNames = objectNames(raw);
        // Both steps depend on an object only through its property names in edge order, and most
        // objects share that list with many others: work once per distinct list (shape).
        int[] shapeByNode = raw.nodeScratch(1);
        Map<Shape, Integer> shapeIds = new HashMap<>();
        List<int[]> shapes = new ArrayList<>();
        int[] objectsByShape = new int[16];
        Shape probe = new Shape(new int[16], 0);
        for (int node = 0; node < raw.nodeCount; node++) {
            if (!isPlainObject(raw, node, objectType, objectNames)) {
                shapeByNode[node] = -1;
                continue;
            }
            probe = propertyNameIndexes(raw, node, propertyType, probe);
            Integer id = shapeIds.get(probe);
            if (id == null) {
                id = shapes.size();
                int[] names = java.util.Arrays.copyOf(probe.names, probe.length);
                shapes.add(names);
                shapeIds.put(new Shape(names, names.length), id);
                if (id == objectsByShape.length) {
                    objectsByShape = java.util.Arrays.copyOf(objectsByShape, id * 2);
                }
            }
            objectsByShape[id]++;
            shapeByNode[node] = id;
        }
        List<Definition> definitions = infer(raw, shapes, objectsByShape);
        if (definitions.isEmpty()) {
            return Names.NONE;
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
        String[] nameByShape = new String[shapes.size()];
        for (int shape = 0; shape < shapes.size(); shape++) {
            properties.clear();
            for (int nameIndex : shapes.get(shape)) {
                properties.add(raw.string(nameIndex));
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
                nameByShape[shape] = match.name();
            }
        }
        return new Names(shapeByNode, nameByShape);
    }

    /**
     * Each node's interface name (null for none) through its shape, rather than a node-sized array
     * of references. The shape column is the snapshot's second work array: read it before the next
     * pass takes that array.
     */
    record Names(int[] shapeByNode, String[] nameByShape) {
        static final Names NONE = new Names(null, null);

        String of(int node) {
            if (shapeByNode == null) {
                return null;
            }
            int shape = shapeByNode[node];
            return shape < 0 ? null : nameByShape[shape];
        }
    }

    /** A list of property name indexes, compared by content; the lookup probe is reused, stored keys are not. */
    private static final class Shape {
        int[] names;
        int length;
        int hash;

        Shape(int[] names, int length) {
            this.names = names;
            this.length = length;
            rehash();
        }

        void rehash() {
            int h = 1;
            for (int i = 0; i < length; i++) {
                h = 31 * h + names[i];
            }
            hash = h;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Shape shape && java.util.Arrays.equals(names, 0, length, shape.names, 0, shape.length);
        }
    }

    /** Fills {@code probe} with the name indexes of the node's property edges, in edge order. */
    private static Shape propertyNameIndexes(RawSnapshot raw, int node, int propertyType, Shape probe) {
        int length = 0;
        int[] names = probe.names;
        for (int e = raw.firstEdgeByNode[node]; e < raw.firstEdgeByNode[node + 1]; e++) {
            if (raw.typeByEdge[e] == propertyType) {
                if (length == names.length) {
                    names = java.util.Arrays.copyOf(names, length * 2);
                }
                names[length++] = raw.nameOrIndexByEdge[e];
            }
        }
        probe.names = names;
        probe.length = length;
        probe.rehash();
        return probe;
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
        // Only a string read from the file can be "Object"; lost ones stand in as "<string N lost>".
        for (int i = 0; i < raw.strings.readCount(); i++) {
            if (raw.strings.get(i).equals("Object")) {
                result.set(i);
            }
        }
        return result;
    }

    /**
     * The interfaces, from the distinct property name lists in order of first appearance and the
     * number of objects with each: the same as counting object by object.
     */
    private static List<Definition> infer(RawSnapshot raw, List<int[]> shapes, int[] objectsByShape) {
        Map<String, int[]> countByName = new LinkedHashMap<>();
        Map<String, List<String>> propertiesByName = new HashMap<>();
        int total = 0;
        List<String> properties = new ArrayList<>();
        for (int shape = 0; shape < shapes.size(); shape++) {
            int objects = objectsByShape[shape];
            total += objects;
            StringBuilder name = new StringBuilder("{");
            properties.clear();
            for (int nameIndex : shapes.get(shape)) {
                String edgeName = raw.string(nameIndex);
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
                countByName.put(key, new int[] {objects});
                propertiesByName.put(key, List.copyOf(properties));
            } else {
                count[0] += objects;
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
