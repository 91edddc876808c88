package dev.heapdelta.analyzer.v8;

import dev.heapdelta.analyzer.graph.HeapClass;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * DevTools' Summary grouping: the class name follows the node type ({@code (system)} for hidden
 * objects, {@code (compiled code)}, {@code Function} for closures, {@code (string)}, {@code (array)}
 * and so on), objects and native nodes are named by their constructor (plain objects by their
 * interface), and an object whose constructor has a script location is keyed by that location too,
 * so that two constructors with one name stay two groups.
 */
final class ClassGrouping {
    /** The class table and each node's class index. */
    record Result(List<HeapClass> classes, int[] classByNode) {
    }

    private ClassGrouping() {
    }

    static Result of(RawSnapshot raw, PlainObjectInterfaces.Names interfaceNames) {
        int hidden = raw.typeIndex("hidden");
        int object = raw.typeIndex("object");
        int nativeType = raw.typeIndex("native");
        int code = raw.typeIndex("code");
        int closure = raw.typeIndex("closure");
        int regexp = raw.typeIndex("regexp");
        int[] locationByNode = locationIndexByNode(raw);
        Map<String, Integer> classByKey = new HashMap<>();
        List<HeapClass> classes = new ArrayList<>();
        int[] classByNode = new int[raw.nodeCount];
        String[] typeClassNames = new String[raw.meta.nodeTypes().size() + 1];
        // Most nodes' class follows from their type, or from their name index alone: remember those.
        int[] classByTypeSlot = new int[typeClassNames.length];
        Arrays.fill(classByTypeSlot, -1);
        // By name index, without boxing: the string table bounds every name V8 writes.
        int[] classByNameIndex = new int[raw.strings.size()];
        Arrays.fill(classByNameIndex, -1);
        Map<Integer, Integer> classByOutsideNameIndex = new HashMap<>();
        // The key text follows from these alone: look them up without building it for every object.
        Map<LocatedName, Integer> classByLocatedName = new HashMap<>();
        Map<String, Integer> classByInterfaceName = new HashMap<>();
        for (int node = 0; node < raw.nodeCount; node++) {
            int type = raw.typeByNode[node];
            boolean named = type == object || type == nativeType;
            boolean located = type == object && locationByNode[node] >= 0;
            String interfaceName = interfaceNames.of(node);
            boolean interfaced = interfaceName != null;
            int slot = type < 0 ? typeClassNames.length - 1 : type;
            if (!located && !interfaced) {
                int cached = named ? knownClass(raw.nameByNode[node], classByNameIndex, classByOutsideNameIndex)
                        : classByTypeSlot[slot];
                if (cached >= 0) {
                    classByNode[node] = cached;
                    continue;
                }
            }
            String name;
            if (type == hidden) {
                name = "(system)";
            } else if (type == object || type == nativeType) {
                // Lost names group together: one class per lost string would be hundreds of made-up classes.
                name = interfaced ? interfaceName : raw.strings.isLost(raw.nameByNode[node]) ? HeapClass.NAME_LOST
                        : constructorName(raw.nodeName(node));
            } else if (type == code) {
                name = "(compiled code)";
            } else if (type == closure) {
                name = "Function";
            } else if (type == regexp) {
                name = "RegExp";
            } else {
                if (typeClassNames[slot] == null) {
                    typeClassNames[slot] = "(" + raw.nodeTypeName(node) + ")";
                }
                name = typeClassNames[slot];
            }
            String key;
            int location = locationByNode[node];
            LocatedName locatedName = null;
            if (located) {
                int[] l = raw.locations;
                locatedName = new LocatedName(l[location * 4 + 1], l[location * 4 + 2], l[location * 4 + 3], name);
                Integer known = classByLocatedName.get(locatedName);
                if (known != null) {
                    classByNode[node] = known;
                    continue;
                }
                key = locatedName.script() + "," + locatedName.line() + "," + locatedName.column() + "," + name;
            } else {
                if (interfaced) {
                    Integer known = classByInterfaceName.get(name);
                    if (known != null) {
                        classByNode[node] = known;
                        continue;
                    }
                }
                key = "," + name;
            }
            Integer classIndex = classByKey.get(key);
            if (classIndex == null) {
                classIndex = classes.size();
                classes.add(new HeapClass(name, key, -1, -1, 0));
                classByKey.put(key, classIndex);
            }
            classByNode[node] = classIndex;
            if (located) {
                classByLocatedName.put(locatedName, classIndex);
            } else if (interfaced) {
                classByInterfaceName.put(name, classIndex);
            }
            if (!located && !interfaced) {
                if (named) {
                    int nameIndex = raw.nameByNode[node];
                    if (nameIndex >= 0 && nameIndex < classByNameIndex.length) {
                        classByNameIndex[nameIndex] = classIndex;
                    } else {
                        classByOutsideNameIndex.put(nameIndex, classIndex);
                    }
                } else {
                    classByTypeSlot[slot] = classIndex;
                }
            }
        }
        return new Result(classes, classByNode);
    }

    private record LocatedName(int script, int line, int column, String name) {
    }

    private static int knownClass(int nameIndex, int[] classByNameIndex, Map<Integer, Integer> classByOutsideNameIndex) {
        if (nameIndex >= 0 && nameIndex < classByNameIndex.length) {
            return classByNameIndex[nameIndex];
        }
        Integer known = classByOutsideNameIndex.get(nameIndex);
        return known == null ? -1 : known;
    }

    /** {@code <div id="a">} groups as {@code <div>}, as DevTools groups DOM nodes. */
    private static String constructorName(String name) {
        if (name.startsWith("<")) {
            int space = name.indexOf(' ');
            return space < 0 ? name : name.substring(0, space) + ">";
        }
        if (name.startsWith("Detached <")) {
            int space = name.indexOf(' ', 10);
            return space < 0 ? name : name.substring(0, space) + ">";
        }
        return name;
    }

    /** For each node, its entry in {@code raw.locations} (the last one listed, as DevTools keeps), or -1. */
    static int[] locationIndexByNode(RawSnapshot raw) {
        int[] result = raw.nodeScratch(0);
        Arrays.fill(result, -1);
        for (int i = 0; i < raw.locationCount; i++) {
            result[raw.locations[i * 4]] = i;
        }
        return result;
    }
}
