package dev.heapdelta.app.gui.classes;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.query.RetainedSet;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.app.gui.format.HumanSizes;
import dev.heapdelta.app.gui.session.BackgroundJob;
import dev.heapdelta.app.gui.session.Comparison;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * MAT's "Calculate Precise Retained Size" of the classes selected in the class table: what all their
 * instances in the last snapshot retain together, by the dominator tree and one marking pass
 * ({@link RetainedSet}), off the FX thread. A newer selection's answer replaces an older one's.
 */
public final class SelectionRetainedSet {
    private final Comparison comparison;
    private final Executor executor;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private int generation;

    public SelectionRetainedSet(Comparison comparison, Executor executor) {
        this.comparison = comparison;
        this.executor = executor;
    }

    /** {@code Retained set of 2 classes in b.hprof: 1,234 objects, 56,789 bytes (55.5 KB)} once computed. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    public void compute(List<ClassDiffItem> selected) {
        if (selected.isEmpty()) {
            return;
        }
        int snapshot = comparison.size() - 1;
        List<String> keys = selected.stream().map(ClassDiffItem::key).distinct().toList();
        String what = keys.size() == 1 ? selected.get(0).name() : keys.size() + " classes";
        String where = comparison.shortNames().get(snapshot);
        int run = ++generation;
        text.set("Computing the retained set of " + what + "…");
        BackgroundJob.run(executor, "retained set of " + what, () -> {
            Snapshot opened = comparison.snapshot(snapshot);
            BitSet classes = new BitSet();
            for (String key : keys) {
                for (int c : comparison.classIndexesOf(snapshot, key)) {
                    classes.set(c);
                }
            }
            return RetainedSet.of(opened.dominatorTree(), ClassInstances.of(opened, classes), CancelSignal.NEVER);
        }, result -> {
            if (run == generation) {
                text.set(describe(what, where, result));
            }
        }, problem -> {
            if (run == generation) {
                text.set("Could not compute the retained set: " + problem.getMessage());
            }
        });
    }

    static String describe(String what, String where, RetainedSet.Result result) {
        return String.format(Locale.ROOT, "Retained set of %s in %s: %s objects, %,d bytes (%s)", what, where,
                HumanSizes.count(result.count()), result.retainedBytes(), HumanSizes.size(result.retainedBytes()));
    }
}
