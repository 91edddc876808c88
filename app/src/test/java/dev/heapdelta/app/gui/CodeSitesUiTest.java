package dev.heapdelta.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.app.codesites.LeakingShop;
import dev.heapdelta.app.gui.codesites.ApplicationClasses;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * File › Application classes… on the dumps of a generated leaking program ({@link LeakingShop}, compiled and
 * run by the test): once its class folder and sources are set, the static map's card says where it is
 * filled, file and line from the program's own source text, and the scheduler's card shows the worker
 * thread's path beside its static one.
 */
@ExtendWith(ApplicationExtension.class)
class CodeSitesUiTest {
    @TempDir
    static Path directory;

    static LeakingShop shop;

    private MainViewModel model;

    @BeforeAll
    static void buildAndRunTheShop() throws Exception {
        shop = LeakingShop.build(directory);
    }

    @Start
    void start(Stage stage) {
        model = GuiFixtures.showMainWindow(stage, GuiFixtures.rememberingLoader());
    }

    @Test
    void applicationClassesSetInTheDialogPutTheFillingLineOnTheCard(FxRobot robot) throws Exception {
        Platform.runLater(() -> model.open(shop.dumps));
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> robot.lookup("#suspectCard-1").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        int rank = rankOf(robot, "static OrderCache.ORDERS");
        assertTrue(robot.lookup("#codeSite-" + rank + "-0").tryQuery().isEmpty(), "no code sites before classes are given");

        robot.clickOn("File");
        robot.clickOn("#applicationClassesMenuItem");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#classPathField").tryQuery().isPresent());
        TextArea classPath = robot.lookup("#classPathField").queryAs(TextArea.class);
        TextArea sources = robot.lookup("#sourcesField").queryAs(TextArea.class);
        robot.interact(() -> {
            classPath.setText(shop.classes.toString());
            sources.setText(shop.sources.toString());
        });
        robot.clickOn("#scanApplicationClassesButton");

        String frame = "OrderCache.remember(" + LeakingShop.fileOf("static-map") + ":" + LeakingShop.lineOf("static-map")
                + ")";
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> codeSiteTexts(robot).stream()
                    .anyMatch(text -> text.startsWith("Filled at " + frame)));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no card says Filled at " + frame + "; status: " + model.statusProperty().get()
                    + "; dialog still open: " + robot.lookup("#applicationClassesDialog").tryQuery().isPresent()
                    + "; code sites: " + codeSiteTexts(robot), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
        int scannedRank = rankOf(robot, "static OrderCache.ORDERS");
        String first = robot.lookup("#codeSite-" + scannedRank + "-0").queryAs(Labeled.class).getText();
        assertEquals("Filled at " + frame + ": Map.put", first);
        assertEquals("    " + LeakingShop.lineOf("static-map") + " | " + LeakingShop.textOf("static-map"),
                robot.lookup("#codeSiteSource-" + scannedRank + "-0").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#codeSiteTally-" + scannedRank).queryAs(Label.class).getText()
                .startsWith("Code: Inserted at"));

        javafx.scene.control.Hyperlink site = robot.lookup("#codeSite-" + scannedRank + "-0")
                .queryAs(javafx.scene.control.Hyperlink.class);
        robot.interact(site::fire);
        String copied = WaitForAsyncUtils.asyncFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString())
                .get(10, TimeUnit.SECONDS);
        assertEquals(frame, copied, "a click copies the frame");
        assertEquals(new ApplicationClasses(shop.classes.toString(), shop.sources.toString()),
                model.applicationClasses(), "remembered for these dumps");
    }

    @Test
    void schedulerCardShowsTheWorkerThreadsPathBesideItsStaticOne(FxRobot robot) throws Exception {
        Platform.runLater(() -> model.open(shop.dumps));
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> robot.lookup("#suspectCard-1").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        int rank = rankOf(robot, "static Jobs.SCHEDULER");
        String other = robot.lookup("#otherPath-" + rank + "-0").queryAs(Label.class).getText();
        assertTrue(other.startsWith("Also from: Thread."), other);
        assertTrue(other.endsWith("ScheduledThreadPoolExecutor$DelayedWorkQueue"), other);
    }

    /** The rank of the card whose path key reads {@code pathKey}. */
    private static int rankOf(FxRobot robot, String pathKey) {
        Set<Node> keys = robot.lookup(node -> node.getId() != null && node.getId().startsWith("suspectPathKey-")).queryAll();
        for (Node key : keys) {
            if (pathKey.equals(((Labeled) key).getText())) {
                return Integer.parseInt(key.getId().substring("suspectPathKey-".length()));
            }
        }
        throw new AssertionError("no card at " + pathKey + " among " + keys.stream().map(k -> ((Labeled) k).getText())
                .toList());
    }

    private static java.util.List<String> codeSiteTexts(FxRobot robot) {
        return robot.lookup(node -> node.getId() != null && node.getId().startsWith("codeSite-")).queryAll().stream()
                .map(node -> ((Labeled) node).getText()).toList();
    }
}
