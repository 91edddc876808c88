package dev.heapdelta.app.gui.session;

import dev.heapdelta.analyzer.diff.ClassDiffRow;
import dev.heapdelta.analyzer.diff.ClassDiffs;
import dev.heapdelta.analyzer.graph.HeapFormat;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.query.ClassHistogram;
import dev.heapdelta.app.gui.classes.ClassDiffItem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The HPROF classes that have no instance in any snapshot of a comparison, as class-table rows. The diff
 * leaves them out (it compares instances), but a leak often lives in such a class's static field:
 * {@code SessionStore.CACHE}. V8 has no class objects, so no such rows.
 */
public final class ClassesWithoutInstances {
    private ClassesWithoutInstances() {
    }

    /** Performance: O(classes · snapshots). */
    public static List<ClassDiffItem> of(Comparison comparison) {
        Set<String> withInstances = new HashSet<>();
        for (ClassDiffRow row : comparison.report().classes()) {
            withInstances.add(row.key());
        }
        Map<String, String> nameByKey = new LinkedHashMap<>();
        for (int s = 0; s < comparison.size(); s++) {
            HeapGraph graph = comparison.snapshot(s).graph();
            if (graph.format() != HeapFormat.HPROF) {
                continue;
            }
            ClassHistogram histogram = comparison.snapshot(s).histogram();
            for (int c = 0; c < graph.classCount(); c++) {
                String key = ClassDiffs.keyOf(graph, graph.heapClass(c));
                if (histogram.count(c) == 0 && !withInstances.contains(key) && graph.heapClass(c).classObject() >= 0) {
                    nameByKey.putIfAbsent(key, graph.heapClass(c).name());
                }
            }
        }
        List<ClassDiffItem> items = new ArrayList<>(nameByKey.size());
        nameByKey.forEach((key, name) -> items.add(ClassDiffItem.withoutInstances(name, key, comparison.size())));
        return items;
    }
}
