package dev.heapdelta.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.app.capture.JvmProcess;
import dev.heapdelta.app.capture.testing.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** File › Acquire heap dump… opens the dialog; a running series is cancelled, the dialog closes, the app goes on. */
@ExtendWith(ApplicationExtension.class)
class AcquireDialogUiTest {
    private static ChildJvm child;

    @TempDir
    static Path directory;

    @BeforeAll
    static void startMarkerJvm() throws Exception {
        child = ChildJvm.start();
    }

    @AfterAll
    static void stopMarkerJvm() throws Exception {
        child.close();
    }

    @Start
    void start(Stage stage) {
        GuiFixtures.showMainWindow(stage, GuiFixtures.rememberingLoader());
    }

    @Test
    @SuppressWarnings("unchecked")
    void dialogOpensFromTheMenuCancelsARunningSeriesAndCloses(FxRobot robot) throws Exception {
        robot.clickOn("File");
        robot.clickOn("#acquireMenuItem");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#acquireDialog").tryQuery().isPresent());

        ListView<JvmProcess> jvms = robot.lookup("#jvmList").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> jvms.getItems().stream().anyMatch(jvm -> jvm.pid() == child.pid()));
        WaitForAsyncUtils.waitForFxEvents();
        assertNotEquals("No JVM of this user was found.", robot.lookup("#captureStatus").queryAs(Label.class).getText(),
                "a JVM is listed");
        Path output = directory.resolve("ui.hprof");
        robot.interact(() -> {
            jvms.getSelectionModel().select(jvms.getItems().stream().filter(jvm -> jvm.pid() == child.pid())
                    .findFirst().orElseThrow());
            robot.lookup("#outputField").queryAs(TextField.class).setText(output.toString());
            robot.lookup("#seriesCountSpinner").queryAs(Spinner.class).getValueFactory().setValue(2);
        });
        robot.clickOn("#startButton");
        TextArea log = robot.lookup("#captureLog").queryAs(TextArea.class);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> log.getText().contains("next dump"));
        assertTrue(log.getText().contains("$ "), log.getText());
        assertTrue(log.getText().contains(" " + child.pid() + " GC.heap_dump -all "), log.getText());
        Button cancel = robot.lookup("#cancelButton").queryAs(Button.class);
        assertEquals("Cancel", cancel.getText());

        robot.clickOn(cancel);
        Label status = robot.lookup("#captureStatus").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> "Cancelled.".equals(status.getText()));
        assertTrue(Files.isRegularFile(directory.resolve("ui-1.hprof")));
        assertFalse(Files.exists(directory.resolve("ui-2.hprof")));
        assertEquals("Close", cancel.getText());
        for (String id : List.of("#openCapturedButton", "#startButton", "#cancelButton")) {
            Button button = robot.lookup(id).queryAs(Button.class);
            // Waited for: "Cancel" turned "Close" a moment ago, and is drawn at the next layout.
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ShownText.whole(button));
        }
        assertTrue(robot.lookup("#openCapturedButton").queryAs(Button.class).isDisabled(), "nothing to open");

        robot.clickOn(cancel);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#acquireDialog").tryQuery().isEmpty());
        robot.clickOn("#homeButton");
        assertTrue(robot.lookup("#welcomeView").tryQuery().isPresent(), "the main window still answers");
        robot.clickOn("File");
        assertTrue(robot.lookup("#acquireMenuItem").tryQuery().isPresent(), "the menu opens again");
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
    }
}
