package dev.heapdelta.app.gui;

import dev.heapdelta.app.gui.codesites.ApplicationClassesStore;
import dev.heapdelta.app.gui.session.SnapshotSource;
import dev.heapdelta.app.gui.welcome.RecentFiles;
import dev.heapdelta.samples.Examples;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * What the app needs from outside, injected so that tests can replace it: where background work
 * runs, how dumps are read, where recent files and each comparison's application classes are kept,
 * and how the bundled example is copied out.
 */
public record GuiContext(Executor executor, SnapshotSource snapshots, RecentFiles recentFiles,
        ExampleSeries example, ApplicationClassesStore applicationClasses) {

    /** A context that remembers application classes only for this run. */
    public GuiContext(Executor executor, SnapshotSource snapshots, RecentFiles recentFiles, ExampleSeries example) {
        this(executor, snapshots, recentFiles, example, ApplicationClassesStore.inMemory());
    }

    /** Copies a bundled example series (Java or Node.js) to files and returns them in snapshot order. */
    @FunctionalInterface
    public interface ExampleSeries {
        List<Path> copy(Examples.Platform platform) throws IOException;
    }
}
