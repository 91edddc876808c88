package dev.heapdelta.app.gui;

import dev.heapdelta.app.gui.navigation.Place;
import dev.heapdelta.app.gui.overview.SuspectCard;
import dev.heapdelta.app.gui.session.Comparison;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Takes the documentation screenshots: opens the example series in a 1280×800 window and saves the
 * overview, the class table, a path to GC roots, the inspector, the OQL console, the threads and the
 * string inspection as PNGs. Run it under Xvfb:
 * {@code xvfb-run -s "-screen 0 1280x800x24" java -cp … dev.heapdelta.app.gui.ScreenshotTour docs}.
 */
public final class ScreenshotTour {
    private ScreenshotTour() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs");
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
            stage[0].show();
            model[0].open(GuiFixtures.exampleFiles());
        });
        waitUntil(() -> model[0].comparisonProperty().get() != null, 300);
        settle(3000);
        save(stage[0].getScene(), out.resolve("overview.png"));

        onFx(model[0]::showClasses);
        settle(1500);
        save(stage[0].getScene(), out.resolve("diff-table.png"));

        onFx(() -> {
            SuspectCard first = model[0].overview().suspects().get(0);
            model[0].overview().openPath(first);
        });
        settle(4000);
        save(stage[0].getScene(), out.resolve("path-to-gc-roots.png"));

        onFx(() -> model[0].navigator().goTo(new Place.Instances("dev.heapdelta.samples.service.Session",
                "dev.heapdelta.samples.service.Session", 2)));
        settle(3000);
        save(stage[0].getScene(), out.resolve("instances.png"));
        onFx(() -> {
            Comparison comparison = model[0].comparisonProperty().get();
            comparison.objectOf(comparison.report().suspects().get(0))
                    .ifPresent(ref -> model[0].navigator().goTo(new Place.Dominators(ref.snapshot(), ref)));
        });
        settle(2000);
        save(stage[0].getScene(), out.resolve("dominator-tree.png"));
        onFx(() -> {
            Comparison comparison = model[0].comparisonProperty().get();
            int[] sessions = comparison.classIndexesOf(2, "dev.heapdelta.samples.service.Session");
            var graph = comparison.snapshot(2).graph();
            for (int o = 0; o < graph.objectCount(); o++) {
                if (graph.classOf(o) == sessions[0]) {
                    model[0].navigator().goTo(new Place.Inspector(new dev.heapdelta.app.gui.session.ObjectRef(2, o)));
                    return;
                }
            }
        });
        settle(3000);
        save(stage[0].getScene(), out.resolve("inspector.png"));

        onFx(model[0]::showOql);
        settle(1500);
        onFx(() -> {
            ((javafx.scene.control.TextArea) stage[0].getScene().lookup("#oqlQuery")).setText(
                    "SELECT s, toString(s.userId) AS user, s.attributes.@length AS attributes,\n"
                    + "       s.@retainedHeapSize AS retained\n"
                    + "FROM dev.heapdelta.samples.service.Session s\nWHERE s.attributes.@length > 0");
            ((javafx.scene.control.Button) stage[0].getScene().lookup("#oqlRunButton")).fire();
        });
        waitUntil(() -> !((javafx.scene.control.Button) stage[0].getScene().lookup("#oqlRunButton")).isDisabled(), 120);
        settle(500);
        onFx(() -> ((javafx.scene.control.Button) stage[0].getScene().lookup("#oqlRetainedButton")).fire());
        waitUntil(() -> ((javafx.scene.control.Label) stage[0].getScene().lookup("#oqlRetained")).getText()
                .startsWith("Retained together"), 120);
        settle(1000);
        save(stage[0].getScene(), out.resolve("oql-console.png"));
        onFx(model[0]::showThreads);
        settle(3000);
        save(stage[0].getScene(), out.resolve("threads.png"));
        onFx(model[0]::showInspections);
        settle(30000);
        save(stage[0].getScene(), out.resolve("inspections.png"));
        Platform.exit();
        System.exit(0);
    }

    private static void onFx(Runnable action) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                action.run();
            } finally {
                done.countDown();
            }
        });
        if (!done.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the FX thread did not run the step");
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(100);
        }
    }

    private static void settle(long millis) throws InterruptedException {
        Thread.sleep(millis);
        onFx(() -> { });
    }

    private static void save(Scene scene, Path file) throws InterruptedException {
        onFx(() -> {
            WritableImage image = scene.snapshot(null);
            int width = (int) image.getWidth();
            int height = (int) image.getHeight();
            BufferedImage buffered = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            PixelReader pixels = image.getPixelReader();
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    buffered.setRGB(x, y, pixels.getArgb(x, y));
                }
            }
            try {
                ImageIO.write(buffered, "png", file.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        System.out.println("saved " + file);
    }
}
