package dev.heapdelta.app.gui;

import dev.heapdelta.analyzer.testing.TestEnvironment;
import dev.heapdelta.app.codesites.LeakingShop;
import dev.heapdelta.app.gui.codesites.ApplicationClasses;
import dev.heapdelta.app.gui.codesites.ApplicationClassesDialog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;

/**
 * Screenshots of a suspect card with its code sites and of the Application classes dialog, on the dumps
 * of {@link LeakingShop}. Run it under Xvfb, once per size:
 * {@code java -cp … dev.heapdelta.app.gui.CodeSitesScreenshots OUT 1600 1000}.
 */
public final class CodeSitesScreenshots {
    private CodeSitesScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Files.createDirectories(Path.of(args[0]));
        int width = Integer.parseInt(args[1]);
        int height = Integer.parseInt(args[2]);
        String size = width + "x" + height;
        LeakingShop shop = LeakingShop.build(TestEnvironment.temporaryDirectory("heapdelta-shop"));
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        MainViewModel[] model = new MainViewModel[1];
        Stage[] stage = new Stage[1];
        DrillDownScreenshots.onFx(() -> {
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
            model[0].open(shop.dumps);
        });
        DrillDownScreenshots.waitUntil(() -> DrillDownScreenshots.shown(stage[0], "#suspectCard-1"), 300);
        DrillDownScreenshots.onFx(() -> model[0].setApplicationClasses(new ApplicationClasses(shop.classes.toString(),
                shop.sources.toString())));
        DrillDownScreenshots.waitUntil(() -> DrillDownScreenshots.shown(stage[0], "#codeSite-1-0"), 300);
        Thread.sleep(3000);
        DrillDownScreenshots.onFx(() -> scrollTo(stage[0], "#codeSite-1-0"));
        Thread.sleep(1500);
        DrillDownScreenshots.save(stage[0], out.resolve("card-code-sites-" + size + ".png"));
        DrillDownScreenshots.onFx(() -> scrollTo(stage[0], "#otherPath-" + rankWithOtherPath(stage[0]) + "-0"));
        Thread.sleep(1500);
        DrillDownScreenshots.save(stage[0], out.resolve("card-other-path-" + size + ".png"));
        DrillDownScreenshots.onFx(() -> ApplicationClassesDialog.show(stage[0], model[0].applicationClasses(),
                classes -> { }));
        Thread.sleep(2000);
        DrillDownScreenshots.save(stage[0], out.resolve("application-classes-dialog-" + size + ".png"));
        Platform.exit();
        System.exit(0);
    }

    private static int rankWithOtherPath(Stage stage) {
        for (int rank = 1; rank < 50; rank++) {
            if (stage.getScene().lookup("#otherPath-" + rank + "-0") != null) {
                return rank;
            }
        }
        return 1;
    }

    /** Scrolls the overview so that the node is near the top of its viewport. */
    private static void scrollTo(Stage stage, String id) {
        Node node = stage.getScene().lookup(id);
        for (Node parent = node; parent != null; parent = parent.getParent()) {
            if (parent instanceof ScrollPane pane) {
                double y = pane.getContent().sceneToLocal(node.localToScene(0, 0)).getY() - 200;
                double range = pane.getContent().getLayoutBounds().getHeight() - pane.getViewportBounds().getHeight();
                pane.setVvalue(range <= 0 ? 0 : Math.max(0, Math.min(1, y / range)));
                return;
            }
        }
    }
}
