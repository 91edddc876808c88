package dev.heapdelta.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.samples.Examples;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Dumps dropped while a comparison is open: the app asks whether they start a new comparison (the default)
 * or join the open one, and warns when the joined dumps come from another process.
 */
@ExtendWith(ApplicationExtension.class)
class OpeningFilesUiTest {
    private MainViewModel model;
    private MainView view;

    @Start
    void start(Stage stage) {
        // Its own reads: a new comparison closes the snapshots it replaces, which other tests share.
        model = GuiFixtures.showMainWindow(stage, dev.heapdelta.app.gui.session.SnapshotSource.ANALYZER);
        view = (MainView) stage.getScene().getRoot();
    }

    @Test
    void droppingADumpOnAComparisonAsksAndStartsANewComparisonByDefault(FxRobot robot) throws Exception {
        openJavaExample(robot);
        Path nodeDump = nodeDump();
        drop(robot, nodeDump);
        Button fresh = robot.lookup("#newComparisonButton").queryAs(Button.class);
        assertTrue(fresh.isDefaultButton(), "a new comparison is the default");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> model.comparisonProperty().get() != null
                && model.comparisonProperty().get().size() == 1);
        assertEquals(List.of(nodeDump), model.comparisonProperty().get().files());
    }

    @Test
    void addingADumpOfAnotherRuntimeWarnsThatTheProcessesDiffer(FxRobot robot) throws Exception {
        openJavaExample(robot);
        List<Path> javaFiles = model.comparisonProperty().get().files();
        drop(robot, nodeDump());
        robot.clickOn("#addToComparisonButton");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> robot.lookup("#processWarningDialog").tryQuery()
                .isPresent());
        assertEquals(javaFiles.size() + 1, model.comparisonProperty().get().size());
        assertEquals(javaFiles, model.comparisonProperty().get().files().subList(0, javaFiles.size()));
        DialogPane warning = robot.lookup("#processWarningDialog").queryAs(DialogPane.class);
        String text = ((Label) warning.getContent()).getText();
        assertTrue(text.contains("different runtimes"), text);
    }

    private void drop(FxRobot robot, Path file) throws Exception {
        // As the window's drop handler does: the question is asked after the drop's event.
        Platform.runLater(() -> view.filesDropped(List.of(file)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#openDroppedDialog").tryQuery()
                .map(pane -> pane.getScene() != null && pane.getScene().getWindow() != null
                        && pane.getScene().getWindow().isShowing()).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Path nodeDump() {
        return GuiFixtures.exampleFiles(Examples.Platform.NODE).get(0);
    }

    private static void openJavaExample(FxRobot robot) throws Exception {
        robot.clickOn("#openExampleButton");
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> robot.lookup("#suspectCard-1").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
    }
}
