package dev.heapdelta.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * One dump opened alone: the first screen is its own analysis (largest retainers with their
 * container, collections, duplicate classes), not a note that suspects need two snapshots.
 */
@ExtendWith(ApplicationExtension.class)
class SingleSnapshotUiTest {
    private MainViewModel model;

    @Start
    void start(Stage stage) {
        model = GuiFixtures.showMainWindow(stage, GuiFixtures.rememberingLoader());
    }

    @Test
    void oneDumpShowsItsLargestRetainerAsTheFirstCard(FxRobot robot) throws Exception {
        List<Path> example = GuiFixtures.exampleFiles();
        Path last = example.get(example.size() - 1);
        Platform.runLater(() -> model.open(List.of(last)));
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> robot.lookup("#suspectCard-1").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("What holds this snapshot's memory", robot.lookup("#suspectHeading").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#singleSnapshotNote").tryQuery().isPresent());
        assertTrue(robot.lookup("#noSuspects").tryQuery().isEmpty());
        assertEquals("static SessionStore.CACHE", robot.lookup("#suspectPathKey-1").queryAs(Labeled.class).getText());
        String title = robot.lookup("#suspectTitle-1").queryAs(Label.class).getText();
        assertTrue(title.endsWith("in 6,000 entries"), title);
    }
}
