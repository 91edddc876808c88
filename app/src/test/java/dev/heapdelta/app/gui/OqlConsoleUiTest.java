package dev.heapdelta.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.app.gui.oql.OqlRow;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The OQL console on the bundled example: a query's objects drill down, errors point at their position. */
@ExtendWith(ApplicationExtension.class)
class OqlConsoleUiTest {
    @Start
    void start(Stage stage) {
        GuiFixtures.showMainWindow(stage, GuiFixtures.rememberingLoader());
    }

    @Test
    void aQuerysObjectsAreListedAndOpenInTheInspector(FxRobot robot) throws Exception {
        openConsole(robot);
        run(robot, "SELECT * FROM java.util.HashMap m WHERE m.size > 100");
        TableView<OqlRow> table = results(robot);
        assertTrue(!table.getItems().isEmpty(), "the example's session cache is a large HashMap");
        assertEquals("Object", table.getColumns().get(0).getText());
        assertTrue(table.getItems().get(0).cells().get(0).startsWith("java.util.HashMap @ 0x"));
        String status = robot.lookup("#oqlStatus").queryAs(Label.class).getText();
        assertTrue(status.matches("[0-9,]+ objects? in .*"), status);
        assertEquals(1, robot.lookup("#oqlHistory").queryAs(ComboBox.class).getItems().size());

        robot.clickOn("#oqlRetainedButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#oqlRetained").queryAs(Label.class)
                .getText().startsWith("Retained together"));

        robot.interact(() -> table.getSelectionModel().select(0));
        robot.clickOn("#oqlInspectButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Inspector", robot.lookup("#placeTitle").queryAs(Label.class).getText());
        robot.clickOn("#backButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("SELECT * FROM java.util.HashMap m WHERE m.size > 100",
                robot.lookup("#oqlQuery").queryAs(TextArea.class).getText(), "the query survives navigation");
    }

    @Test
    void aSelectListGivesItsColumnsAndASyntaxErrorItsPosition(FxRobot robot) throws Exception {
        openConsole(robot);
        run(robot, "SELECT toString(s), s.@retainedHeapSize AS retained FROM java.lang.String s "
                + "WHERE toString(s) LIKE \"session.*\"");
        TableView<OqlRow> table = results(robot);
        assertEquals("toString(s)", table.getColumns().get(0).getText());
        assertEquals("retained", table.getColumns().get(1).getText());

        robot.interact(() -> robot.lookup("#oqlQuery").queryAs(TextArea.class).setText("SELECT * FROM"));
        robot.clickOn("#oqlRunButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !robot.lookup("#oqlError").queryAs(Label.class)
                .getText().isEmpty());
        String error = robot.lookup("#oqlError").queryAs(Label.class).getText();
        assertTrue(error.startsWith("OQL error at position 14:"), error);
        assertEquals(13, robot.lookup("#oqlQuery").queryAs(TextArea.class).getAnchor(),
                "the caret is put where the error is");
    }

    private static void openConsole(FxRobot robot) throws Exception {
        robot.clickOn("#openExampleButton");
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> robot.lookup("#suspectCard-1").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#oqlToggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("OQL console", robot.lookup("#placeTitle").queryAs(Label.class).getText());
    }

    private static void run(FxRobot robot, String query) throws Exception {
        robot.interact(() -> robot.lookup("#oqlQuery").queryAs(TextArea.class).setText(query));
        robot.clickOn("#oqlRunButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            String status = robot.lookup("#oqlStatus").queryAs(Label.class).getText();
            return !status.startsWith("Running") && !status.startsWith("Write");
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", robot.lookup("#oqlError").queryAs(Label.class).getText());
    }

    @SuppressWarnings("unchecked")
    private static TableView<OqlRow> results(FxRobot robot) {
        return robot.lookup("#oqlResults").queryAs(TableView.class);
    }
}
