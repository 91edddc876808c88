package dev.heapdelta.app.gui.threads;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.graph.HeapFormat;
import dev.heapdelta.analyzer.threads.ThreadOverview;
import dev.heapdelta.analyzer.threads.ThreadRow;
import dev.heapdelta.app.gui.navigation.Navigator;
import dev.heapdelta.app.gui.navigation.Place;
import dev.heapdelta.app.gui.session.BackgroundJob;
import dev.heapdelta.app.gui.session.Comparison;
import dev.heapdelta.app.gui.session.ObjectRef;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The Threads view's state: the thread overview of one snapshot, read off the FX thread, and the
 * commands that drill into a thread or a local.
 */
public final class ThreadsViewModel {
    private final Comparison comparison;
    private final int snapshot;
    private final Navigator navigator;
    private final ReadOnlyObjectWrapper<List<ThreadLine>> threads = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Reading the threads…");

    public ThreadsViewModel(Comparison comparison, Place.Threads place, Navigator navigator, Executor executor) {
        this.comparison = comparison;
        this.snapshot = place.snapshot();
        this.navigator = navigator;
        Snapshot dump = comparison.snapshot(snapshot);
        BackgroundJob.run(executor, "threads of " + comparison.shortName(snapshot), () -> ThreadOverview.of(dump),
                rows -> {
                    threads.set(rows.stream().map(ThreadLine::of).toList());
                    status.set(describe(dump, rows));
                }, problem -> status.set("Could not read the threads: " + problem.getMessage()));
    }

    private static String describe(Snapshot dump, List<ThreadRow> rows) {
        if (dump.format() == HeapFormat.V8) {
            return rows.size() + " kinds of pinned roots: V8 has no threads; handles and the global objects of each"
                    + " context keep objects alive instead";
        }
        int frames = rows.stream().mapToInt(r -> r.frames().size()).sum();
        int pinned = rows.stream().mapToInt(ThreadRow::pinnedCount).sum();
        return rows.size() + " threads, " + frames + " frames, " + pinned + " objects pinned by frames";
    }

    public ReadOnlyObjectProperty<List<ThreadLine>> threadsProperty() {
        return threads.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public int snapshot() {
        return snapshot;
    }

    public List<String> snapshotNames() {
        return comparison.shortNames();
    }

    public void showSnapshot(int index) {
        if (index != snapshot && index >= 0) {
            navigator.goTo(new Place.Threads(index));
        }
    }

    /** Opens the object a line leads to (a thread, a local) in the inspector. */
    public void open(ThreadLine line) {
        if (line != null && line.object() >= 0) {
            navigator.goTo(new Place.Inspector(new ObjectRef(snapshot, line.object())));
        }
    }
}
