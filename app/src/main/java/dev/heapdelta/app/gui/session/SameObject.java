package dev.heapdelta.app.gui.session;

import dev.heapdelta.analyzer.graph.HeapFormat;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.graph.ObjectKind;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Finds one object of a snapshot in another snapshot of the series, for the Δ columns. V8 node ids are
 * stable, so a V8 object is the node with its id. An HPROF class object is the class object of the class of
 * that name; another HPROF object is the object at the same address if it has the same class: a compacting
 * GC moves objects, and then no match is claimed (the Δ shows as –) rather than a wrong one.
 */
public final class SameObject {
    private final Comparison comparison;
    private final Map<Integer, Map<String, Integer>> classObjectByNameBySnapshot = new HashMap<>();
    private final Map<Integer, Map<Integer, String>> nameByClassObjectBySnapshot = new HashMap<>();

    public SameObject(Comparison comparison) {
        this.comparison = comparison;
    }

    /** The object in {@code other} that is {@code object} of {@code snapshot}, if it can be told. */
    public synchronized OptionalInt in(int snapshot, int object, int other) {
        if (other == snapshot) {
            return OptionalInt.of(object);
        }
        HeapGraph from = comparison.snapshot(snapshot).graph();
        HeapGraph to = comparison.snapshot(other).graph();
        if (from.format() != to.format()) {
            return OptionalInt.empty();
        }
        if (from.format() == HeapFormat.HPROF && from.kindOf(object) == ObjectKind.CLASS) {
            String described = nameByClassObject(snapshot).get(object);
            Integer match = classObjects(other).get(described);
            return match == null ? OptionalInt.empty() : OptionalInt.of(match);
        }
        int found = to.findObjectById(from.idOf(object));
        if (found < 0 || !to.classNameOf(found).equals(from.classNameOf(object))) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(found);
    }

    private Map<String, Integer> classObjects(int snapshot) {
        return classObjectByNameBySnapshot.computeIfAbsent(snapshot, s -> {
            HeapGraph graph = comparison.snapshot(s).graph();
            Map<String, Integer> byName = new HashMap<>();
            for (int c = 0; c < graph.classCount(); c++) {
                int classObject = graph.heapClass(c).classObject();
                if (classObject >= 0) {
                    byName.putIfAbsent(graph.heapClass(c).name(), classObject);
                }
            }
            return byName;
        });
    }

    private Map<Integer, String> nameByClassObject(int snapshot) {
        return nameByClassObjectBySnapshot.computeIfAbsent(snapshot, s -> {
            Map<Integer, String> byObject = new HashMap<>();
            classObjects(s).forEach((name, classObject) -> byObject.put(classObject, name));
            return byObject;
        });
    }
}
