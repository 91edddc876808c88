package dev.heapdelta.app.gui;

import dev.heapdelta.app.gui.codesites.ApplicationClassesStore;
import dev.heapdelta.app.gui.oql.OqlQueryStore;
import dev.heapdelta.app.gui.session.SnapshotSource;
import dev.heapdelta.app.gui.welcome.RecentFiles;
import dev.heapdelta.samples.Examples;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * What the app needs from outside, injected so that tests can replace it: where background work
 * runs, how dumps are read, where recent files, each comparison's application classes and the OQL
 * history are kept, and how the bundled example is copied out.
 */
public record GuiContext(Executor executor, SnapshotSource snapshots, RecentFiles recentFiles,
        ExampleSeries example, ApplicationClassesStore applicationClasses, OqlQueryStore oqlQueries) {

    /** A context that remembers application classes and OQL queries only for this run. */
    public GuiContext(Executor executor, SnapshotSource snapshots, RecentFiles recentFiles, ExampleSeries example) {
        this(executor, snapshots, recentFiles, example, ApplicationClassesStore.inMemory(), OqlQueryStore.inMemory());
    }

    /** A context whose OQL history lasts for the run only. */
    public GuiContext(Executor executor, SnapshotSource snapshots, RecentFiles recentFiles, ExampleSeries example,
            ApplicationClassesStore applicationClasses) {
        this(executor, snapshots, recentFiles, example, applicationClasses, OqlQueryStore.inMemory());
    }

    /** A context that remembers application classes only for this run. */
    public GuiContext(Executor executor, SnapshotSource snapshots, RecentFiles recentFiles, ExampleSeries example,
            OqlQueryStore oqlQueries) {
        this(executor, snapshots, recentFiles, example, ApplicationClassesStore.inMemory(), oqlQueries);
    }

    /** Copies a bundled example series (Java or Node.js) to files and returns them in snapshot order. */
    @FunctionalInterface
    public interface ExampleSeries {
        List<Path> copy(Examples.Platform platform) throws IOException;
    }
}
