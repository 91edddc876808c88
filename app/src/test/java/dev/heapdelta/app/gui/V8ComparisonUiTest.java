package dev.heapdelta.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.app.gui.classes.ClassDiffItem;
import dev.heapdelta.app.testing.DevToolsComparison;
import dev.heapdelta.samples.Examples;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The class table of the bundled Node example, first and last snapshot: its Comparison columns show
 * DevTools' # New, # Deleted, # Delta, Alloc. Size, Freed Size and Size Delta, computed here from the
 * snapshot files.
 */
@ExtendWith(ApplicationExtension.class)
class V8ComparisonUiTest {
    private MainViewModel model;

    @Start
    void start(Stage stage) {
        model = GuiFixtures.showMainWindow(stage, GuiFixtures.rememberingLoader());
    }

    @Test
    void comparisonColumnsShowDevToolsFiguresByNodeId(FxRobot robot) throws Exception {
        List<Path> files = GuiFixtures.exampleFiles(Examples.Platform.NODE);
        Path first = files.get(0);
        Path last = files.get(files.size() - 1);
        robot.interact(() -> model.open(List.of(first, last)));
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> model.comparisonProperty().get() != null);
        robot.clickOn("#classesToggle");
        @SuppressWarnings("unchecked")
        TableView<ClassDiffItem> table = robot.lookup("#classTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !table.getItems().isEmpty());

        DevToolsComparison devTools = DevToolsComparison.of(first, last);
        // The classes of the example's leak patterns (sample-dumps/node/patterns), strings and heap numbers.
        assertTrue(devTools.of("UserProfile").newObjects() > 100, "the map cache's profiles are new");
        for (String name : List.of("UserProfile", "JobPayload", "IncomingRequest", "LargeObject", "(string)",
                "(number)")) {
            ClassDiffItem row = table.getItems().stream().filter(item -> item.name().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError(name + " has a row"));
            DevToolsComparison.Changes expected = devTools.of(name);
            assertEquals(expected.newObjects(), cell(table, "newObjectsColumn", row), name + " # New");
            assertEquals(expected.deletedObjects(), cell(table, "deletedObjectsColumn", row), name + " # Deleted");
            assertEquals(expected.newObjects() - expected.deletedObjects(), cell(table, "objectsDeltaByIdColumn", row),
                    name + " # Delta");
            assertEquals(expected.newBytes(), cell(table, "newBytesColumn", row), name + " Alloc. Size");
            assertEquals(expected.freedBytes(), cell(table, "freedBytesColumn", row), name + " Freed Size");
            assertEquals(expected.newBytes() - expected.freedBytes(), cell(table, "sizeDeltaByIdColumn", row),
                    name + " Size Delta");
        }
    }

    @SuppressWarnings("unchecked")
    private static long cell(TableView<ClassDiffItem> table, String columnId, ClassDiffItem row) {
        TableColumn<ClassDiffItem, Number> column = (TableColumn<ClassDiffItem, Number>) table.getVisibleLeafColumns()
                .stream().filter(c -> columnId.equals(c.getId())).findFirst()
                .orElseThrow(() -> new AssertionError("no column " + columnId));
        return column.getCellObservableValue(row).getValue().longValue();
    }
}
