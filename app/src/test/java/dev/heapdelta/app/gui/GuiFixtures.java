package dev.heapdelta.app.gui;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.testing.TestEnvironment;
import dev.heapdelta.app.gui.session.SnapshotSource;
import dev.heapdelta.app.gui.welcome.RecentFiles;
import dev.heapdelta.samples.Examples;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.stage.Stage;

/** Shared set-up of the UI tests: the bundled example on disk, a loader that reads each dump once per run. */
final class GuiFixtures {
    private static final Map<Path, Snapshot> LOADED = new ConcurrentHashMap<>();
    private static volatile List<Path> exampleFiles;
    static final ExecutorService WORKERS = Executors.newFixedThreadPool(2, task -> {
        Thread thread = new Thread(task, "gui-test-worker");
        thread.setDaemon(true);
        return thread;
    });

    private GuiFixtures() {
    }

    /** The bundled example of {@code platform}: the Java one is copied once per test run, as tests share it. */
    static List<Path> exampleFiles(Examples.Platform platform) {
        if (platform == Examples.Platform.JAVA) {
            return exampleFiles();
        }
        try {
            return Examples.copyTo(platform, TestEnvironment.temporaryDirectory("heapdelta-gui-test"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The example series, copied once per test run. */
    static synchronized List<Path> exampleFiles() {
        if (exampleFiles == null) {
            try {
                Path directory = TestEnvironment.temporaryDirectory("heapdelta-gui-test");
                exampleFiles = Examples.copyTo(Examples.Platform.JAVA, directory);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return exampleFiles;
    }

    /**
     * The analyzer's loader, remembering what it read: several tests open the same example, and reading it
     * once is enough to test the views (no test replaces a comparison, so none is closed). The
     * responsiveness test uses the plain loader instead.
     */
    static SnapshotSource rememberingLoader() {
        return (file, name, options, cancel, progress) -> {
            Snapshot known = LOADED.get(file);
            if (known != null && known.options().equals(options)) {
                return known;
            }
            Snapshot loaded = SnapshotSource.ANALYZER.load(file, name, options, cancel, progress);
            LOADED.put(file, loaded);
            return loaded;
        };
    }

    /** Opens the main window on {@code stage} with a test context. */
    static MainViewModel showMainWindow(Stage stage, SnapshotSource source) {
        GuiContext context = new GuiContext(WORKERS, source, RecentFiles.inMemory(), GuiFixtures::exampleFiles);
        MainViewModel model = new MainViewModel(context);
        GuiLauncher.createWindow(stage, model);
        stage.show();
        return model;
    }
}
