package dev.heapdelta.app.gui;

import dev.heapdelta.app.gui.session.SnapshotSource;
import dev.heapdelta.app.gui.welcome.RecentFiles;
import dev.heapdelta.samples.Examples;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * What the app needs from outside, injected so that tests can replace it: where background work
 * runs, how dumps are read, where recent files are kept, and how the bundled example is copied out.
 */
public record GuiContext(Executor executor, SnapshotSource snapshots, RecentFiles recentFiles,
        ExampleSeries example) {

    /** Copies a bundled example series (Java or Node.js) to files and returns them in snapshot order. */
    @FunctionalInterface
    public interface ExampleSeries {
        List<Path> copy(Examples.Platform platform) throws IOException;
    }
}
