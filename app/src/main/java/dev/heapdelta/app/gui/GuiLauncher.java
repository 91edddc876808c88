package dev.heapdelta.app.gui;

import atlantafx.base.theme.PrimerLight;
import dev.heapdelta.analyzer.analysis.AnalysisOptions;
import dev.heapdelta.analyzer.source.ArchiveMember;
import dev.heapdelta.app.gui.loading.StartupLoads;
import dev.heapdelta.app.gui.session.SnapshotSource;
import dev.heapdelta.app.gui.oql.OqlQueryStore;
import dev.heapdelta.app.gui.welcome.PreferencesRecentFiles;
import dev.heapdelta.samples.Examples;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Starts the desktop app. This class does not extend {@link Application}, so the shaded jar's plain
 * main class can start JavaFX from the classpath; the {@link Application} is the nested {@link Fx}.
 */
public final class GuiLauncher {
    public static final double WIDTH = 1280;
    public static final double HEIGHT = 800;

    private static volatile Startup startup = new Startup(List.of(), false);
    private static volatile OverviewShownExit timing;
    private static volatile SnapshotSource snapshots = SnapshotSource.ANALYZER;

    /**
     * What to open once the window is up; with {@code overviewShownReport}, the app says there when the
     * overview of the files is shown and ends (timing runs), else it is null.
     */
    public record Startup(List<Path> files, boolean example, PrintWriter overviewShownReport) {
        public Startup(List<Path> files, boolean example) {
            this(files, example, null);
        }
    }

    private GuiLauncher() {
    }

    /** Shows the window and returns the app's exit code when it is closed. */
    public static int launch(Startup what) {
        startup = what;
        timing = what.overviewShownReport() == null ? null : new OverviewShownExit(what.overviewShownReport());
        snapshots = startLoading(what);
        Application.launch(Fx.class);
        return timing == null ? 0 : timing.exitCode();
    }

    /**
     * The files named on the command line start loading now, while JavaFX starts and the window is built, as the
     * window would load them with its defaults once shown; the analyzer's loader when none are named.
     */
    private static SnapshotSource startLoading(Startup what) {
        if (what.example() || what.files().isEmpty()) {
            return SnapshotSource.ANALYZER;
        }
        try {
            // The dumps as the window's load reads them: a zip archive of several stands for its members.
            List<Path> dumps = ArchiveMember.expand(what.files().stream().map(Path::toString).toList()).stream()
                    .map(Path::of).toList();
            return StartupLoads.begin(dumps, AnalysisOptions.defaults(), SnapshotSource.ANALYZER);
        } catch (IOException e) {
            // The window's own load meets the same problem and says what it is.
            return SnapshotSource.ANALYZER;
        }
    }

    /** The production context: two worker threads, the analyzer's loader, the user's preferences. */
    public static GuiContext productionContext(ExecutorService executor) {
        return productionContext(executor, SnapshotSource.ANALYZER);
    }

    private static GuiContext productionContext(ExecutorService executor, SnapshotSource snapshots) {
        return new GuiContext(executor, snapshots, PreferencesRecentFiles.forUser(),
                platform -> Examples.copyTo(platform, exampleDirectory()),
                dev.heapdelta.app.gui.codesites.PreferencesApplicationClasses.forUser(), OqlQueryStore.forUser());
    }

    /** Where the bundled example is copied: the user's cache directory, so that it survives a reboot. */
    static Path exampleDirectory() {
        String cache = System.getenv("XDG_CACHE_HOME");
        Path base = cache != null && !cache.isBlank() ? Path.of(cache)
                : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("heapdelta").resolve("examples").resolve("java");
    }

    /** Builds the window content for a stage: used by the app and by the UI tests. */
    public static MainView createWindow(Stage stage, MainViewModel model) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        MainView view = new MainView(model);
        // The window's size, but no larger than the screen: a 1280×800 window on a 1024×768 display hides
        // both its edges, the tab bar's first tabs and the welcome view's buttons among them.
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double width = Math.min(WIDTH, screen.getWidth());
        double height = Math.min(HEIGHT, screen.getHeight());
        Scene scene = new Scene(view, width, height);
        scene.getStylesheets().add(Objects.requireNonNull(
                GuiLauncher.class.getResource("heapdelta.css"), "heapdelta.css").toExternalForm());
        stage.setScene(scene);
        stage.setTitle("HeapDelta");
        stage.setMinWidth(Math.min(900, width));
        stage.setMinHeight(Math.min(600, height));
        return view;
    }

    /** The JavaFX application. */
    public static final class Fx extends Application {
        private ExecutorService executor;
        private MainViewModel model;

        @Override
        public void start(Stage stage) {
            AtomicInteger threads = new AtomicInteger();
            executor = Executors.newFixedThreadPool(2, task -> {
                Thread thread = new Thread(task, "heapdelta-worker-" + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            model = new MainViewModel(productionContext(executor, snapshots));
            createWindow(stage, model).setLinkOpener(getHostServices()::showDocument);
            if (timing != null) {
                timing.watch(stage.getScene(), model);
            }
            stage.show();
            Startup what = startup;
            if (what.example()) {
                model.openExample();
            } else if (!what.files().isEmpty()) {
                model.open(what.files());
            }
        }

        @Override
        public void stop() throws InterruptedException {
            if (executor == null) {
                return;
            }
            if (timing == null) {
                executor.shutdownNow();
                return;
            }
            // A timing run ends as a session would go on: the index-cache entries the app writes once the
            // overview is shown are finished, so that the next run reopens them, as a summary's run writes its own.
            // The search for suspects is cancelled and not waited for, as when the user leaves the app: summary
            // does not search them, and the workers are daemons.
            model.cancelSuspectSearch();
            executor.shutdown();
            model.loading().awaitIndexCacheSaves();
        }
    }
}
