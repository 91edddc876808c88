package dev.heapdelta.app.gui;

import dev.heapdelta.app.gui.navigation.Place;
import dev.heapdelta.app.gui.overview.SuspectCard;
import dev.heapdelta.app.gui.session.Comparison;
import dev.heapdelta.samples.Examples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Takes the drill-down screenshots of docs/ at one window size: the overview, the first suspect's entries,
 * the dominator tree with its snapshot picker, and the V8 Comparison columns. Run it under Xvfb, once per
 * size: {@code java -cp … dev.heapdelta.app.gui.DrillDownScreenshots docs 1600 1000}.
 */
public final class DrillDownScreenshots {
    private DrillDownScreenshots() {
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
        waitUntil(() -> shown(stage[0], "#trendChart"), 300);
        settle(6000);
        save(stage[0], out.resolve("overview-" + size + ".png"));

        onFx(() -> {
            SuspectCard first = model[0].overview().suspects().get(0);
            model[0].overview().openEntries(first);
        });
        waitUntil(() -> rowsShown(stage[0], "#instancesTable") && !shown(stage[0], "#overviewView"), 300);
        settle(6000);
        save(stage[0], out.resolve("suspect-entries-" + size + ".png"));

        onFx(() -> model[0].navigator().goTo(new Place.Dominators(2, null)));
        waitUntil(() -> shown(stage[0], "#dominatorTree") && !shown(stage[0], "#instancesTable"), 300);
        settle(6000);
        save(stage[0], out.resolve("dominator-tree-snapshot-picker-" + size + ".png"));

        List<Path> node = GuiFixtures.exampleFiles(Examples.Platform.NODE);
        Comparison java = model[0].comparisonProperty().get();
        onFx(() -> model[0].open(List.of(node.get(0), node.get(node.size() - 1))));
        waitUntil(() -> model[0].comparisonProperty().get() != java, 300);
        waitUntil(() -> shown(stage[0], "#suspectCard-1"), 300);
        settle(3000);
        onFx(model[0]::showClasses);
        waitUntil(() -> rowsShown(stage[0], "#classTable"), 300);
        settle(6000);
        save(stage[0], out.resolve("v8-comparison-" + size + ".png"));
        Platform.exit();
        System.exit(0);
    }

    static boolean shown(Stage stage, String id) {
        boolean[] found = {false};
        try {
            onFx(() -> found[0] = stage.getScene().lookup(id) != null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return found[0];
    }

    private static boolean rowsShown(Stage stage, String id) {
        boolean[] found = {false};
        try {
            onFx(() -> found[0] = stage.getScene().lookup(id) instanceof javafx.scene.control.TableView<?> table
                    && !table.getItems().isEmpty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return found[0];
    }

    static void onFx(Runnable action) throws InterruptedException {
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

    static void waitUntil(java.util.function.BooleanSupplier condition, int seconds) throws Exception {
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

    /** The whole window as the X server shows it, taken with ImageMagick's {@code import}. */
    static void save(Stage stage, Path file) throws Exception {
        Process grab = new ProcessBuilder("import", "-window", "root", "-crop",
                (int) stage.getWidth() + "x" + (int) stage.getHeight() + "+0+0", file.toString())
                .inheritIO().start();
        if (!grab.waitFor(60, TimeUnit.SECONDS) || grab.exitValue() != 0) {
            throw new IllegalStateException("import failed for " + file);
        }
        System.out.println("saved " + file);
    }
}
