package dev.heapdelta.app.gui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A file that is not a dump gives an error dialog naming it, and the app goes on working. */
@ExtendWith(ApplicationExtension.class)
class CorruptFileUiTest {
    @TempDir
    static Path directory;

    private MainViewModel model;


    @Start
    void start(Stage stage) {
        model = GuiFixtures.showMainWindow(stage, GuiFixtures.rememberingLoader());
    }

    @Test
    void corruptFileGivesAnErrorDialogAndTheAppStaysUsable(FxRobot robot) throws Exception {
        Path corrupt = directory.resolve("corrupt.hprof");
        Files.writeString(corrupt, "this is not a heap dump at all, only text that ends here", StandardCharsets.UTF_8);
        Path brokenGzip = directory.resolve("broken.hprof.gz");
        Files.write(brokenGzip, new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3});
        robot.interact(() -> model.welcome().choose(java.util.List.of(corrupt)));
        robot.clickOn("#compareButton");

        DialogPane dialog = waitForErrorDialog(robot);
        assertTrue(dialog.getHeaderText().contains("corrupt.hprof"), dialog.getHeaderText());
        assertTrue(dialog.getContentText().contains("not a heap dump"), dialog.getContentText());
        closeDialog(robot, dialog);

        assertTrue(robot.lookup("#welcomeView").tryQuery().isPresent(), "back on the start page");
        assertFalse(model.welcome().chosenFiles().contains(corrupt), "the bad file left the list");

        robot.interact(() -> model.welcome().choose(java.util.List.of(brokenGzip)));
        robot.clickOn("#compareButton");
        DialogPane second = waitForErrorDialog(robot);
        assertTrue(second.getHeaderText().contains("broken.hprof.gz"), second.getHeaderText());
        closeDialog(robot, second);

        robot.clickOn("#openExampleButton");
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> robot.lookup("#suspectCard-1").tryQuery().isPresent());
    }

    private static DialogPane waitForErrorDialog(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#loadErrorDialog").tryQuery().isPresent());
        return robot.lookup("#loadErrorDialog").queryAs(DialogPane.class);
    }

    private static void closeDialog(FxRobot robot, DialogPane dialog) {
        Node ok = dialog.lookupButton(dialog.getButtonTypes().get(0));
        robot.clickOn((Button) ok);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#loadErrorDialog").tryQuery().isPresent(), "the dialog closed");
    }
}
