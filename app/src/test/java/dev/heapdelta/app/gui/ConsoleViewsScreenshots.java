package dev.heapdelta.app.gui;

import static dev.heapdelta.app.gui.DrillDownScreenshots.onFx;
import static dev.heapdelta.app.gui.DrillDownScreenshots.save;
import static dev.heapdelta.app.gui.DrillDownScreenshots.shown;
import static dev.heapdelta.app.gui.DrillDownScreenshots.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;

/**
 * Takes the screenshots of docs/ of the OQL console (a query and its retained set), the threads and the
 * inspections on the example series at one window size. Run it under Xvfb, once per size:
 * {@code java -cp … dev.heapdelta.app.gui.ConsoleViewsScreenshots docs 1024 700}.
 */
public final class ConsoleViewsScreenshots {
    private ConsoleViewsScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int width = Integer.parseInt(args[1]);
        int height = Integer.parseInt(args[2]);
        String size = width + "x" + height;
        Files.createDirectories(out);
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        MainViewModel[] model = new MainViewModel[1];
        Stage[] stage = new Stage[1];
        onFx(() -> {
            stage[0] = new Stage();
            // Recent files in memory: a screenshot run must not fill the user's own list.
            model[0] = new MainViewModel(new GuiContext(GuiFixtures.WORKERS,
                    dev.heapdelta.app.gui.session.SnapshotSource.ANALYZER,
                    dev.heapdelta.app.gui.welcome.RecentFiles.inMemory(), GuiFixtures::exampleFiles));
            GuiLauncher.createWindow(stage[0], model[0]);
            stage[0].setX(0);
            stage[0].setY(0);
            stage[0].setWidth(width);
            stage[0].setHeight(height);
            stage[0].show();
            model[0].open(GuiFixtures.exampleFiles());
        });
        waitUntil(() -> model[0].comparisonProperty().get() != null, 300);
        waitUntil(() -> shown(stage[0], "#suspectCard-1"), 300);

        onFx(model[0]::showOql);
        waitUntil(() -> shown(stage[0], "#oqlQuery"), 60);
        onFx(() -> {
            ((TextArea) stage[0].getScene().lookup("#oqlQuery")).setText(
                    "SELECT s, toString(s.userId) AS user, s.attributes.@length AS attributes,\n"
                    + "       s.@retainedHeapSize AS retained\n"
                    + "FROM dev.heapdelta.samples.service.Session s\nWHERE s.attributes.@length > 0");
            ((Button) stage[0].getScene().lookup("#oqlRunButton")).fire();
        });
        waitUntil(() -> !((Button) stage[0].getScene().lookup("#oqlRunButton")).isDisabled(), 120);
        settle(500);
        onFx(() -> ((Button) stage[0].getScene().lookup("#oqlRetainedButton")).fire());
        waitUntil(() -> ((Label) stage[0].getScene().lookup("#oqlRetained")).getText()
                .startsWith("Retained together"), 120);
        settle(3000);
        save(stage[0], out.resolve("oql-console-" + size + ".png"));

        onFx(model[0]::showThreads);
        settle(6000);
        save(stage[0], out.resolve("threads-" + size + ".png"));

        onFx(model[0]::showInspections);
        settle(30000);
        save(stage[0], out.resolve("inspections-" + size + ".png"));
        Platform.exit();
        System.exit(0);
    }

    private static void settle(long millis) throws InterruptedException {
        Thread.sleep(millis);
        onFx(() -> { });
    }
}
