package dev.heapdelta.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.app.gui.classes.ClassDiffItem;
import dev.heapdelta.app.gui.paths.PathNode;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The app on the bundled example series (t0, t1, t2 of a leaking Java service), driven as a user would. */
@ExtendWith(ApplicationExtension.class)
class ExampleSeriesUiTest {
    private static final long LOAD_TIMEOUT_SECONDS = 180;


    @Start
    void start(Stage stage) {
        GuiFixtures.showMainWindow(stage, GuiFixtures.rememberingLoader());
    }

    @Test
    void openExampleShowsTheSessionCacheAsTheFirstSuspect(FxRobot robot) throws Exception {
        openExample(robot);
        javafx.scene.control.Labeled key = robot.lookup("#suspectPathKey-1").queryAs(javafx.scene.control.Labeled.class);
        assertEquals("static SessionStore.CACHE", key.getText());
        Label title = robot.lookup("#suspectTitle-1").queryAs(Label.class);
        assertTrue(title.getText().contains("SessionStore.CACHE"), title.getText());
        // The charts join the cards a pulse later, in the space kept for them.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#growthChart").tryQuery().isPresent());
        assertTrue(robot.lookup("#trendChart").tryQuery().isPresent(), "three snapshots give a trend chart");
        assertEquals(2, robot.lookup("#overviewCharts").queryParent().getChildrenUnmodifiable().size(),
                "the two charts took the places kept for them");
        assertEquals(3, robot.lookup("#snapshotTotals").queryParent().getChildrenUnmodifiable().size());
    }

    @Test
    void nodeExampleShowsItsLeaksByModuleVariable(FxRobot robot) throws Exception {
        robot.clickOn("#openNodeExampleButton");
        WaitForAsyncUtils.waitFor(LOAD_TIMEOUT_SECONDS, TimeUnit.SECONDS,
                () -> robot.lookup("#suspectCard-6").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        for (int rank = 1; rank <= 6; rank++) {
            String key = robot.lookup("#suspectPathKey-" + rank).queryAs(javafx.scene.control.Labeled.class).getText();
            assertTrue(key.startsWith("Module("), "suspect " + rank + " lives in a module variable: " + key);
        }
    }

    @Test
    void suspectLeadsToItsPathToGcRoots(FxRobot robot) throws Exception {
        openExample(robot);
        robot.clickOn("#pathButton-1");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !pathRows(robot).isEmpty()
                && !robot.lookup("#pathKeyLabel").queryAs(TextField.class).getText().isEmpty());
        assertEquals("static SessionStore.CACHE", robot.lookup("#pathKeyLabel").queryAs(TextField.class).getText());
        List<PathNode> rows = pathRows(robot);
        assertTrue(rows.get(0).rootKinds().length() > 0, "the first row is a GC root: " + rows.get(0));
        PathNode last = rows.get(rows.size() - 1);
        assertEquals("java.util.HashMap", last.object().className());
        assertEquals("CACHE", last.edge());

        robot.clickOn("#backButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#suspectCard-1").tryQuery().isPresent(), "Back returns to the overview");
        robot.clickOn("#forwardButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#pathTree").tryQuery().isPresent(), "Forward returns to the path");
    }

    @Test
    void diffTableSortsAndFilters(FxRobot robot) throws Exception {
        openExample(robot);
        robot.clickOn("#classesToggle");
        @SuppressWarnings("unchecked")
        TableView<ClassDiffItem> table = robot.lookup("#classTable").queryAs(TableView.class);
        // The rows join the table a pulse after the view is shown.
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> !table.getItems().isEmpty());
        int all = table.getItems().size();
        assertTrue(all > 100, "the example has hundreds of classes: " + all);
        ClassDiffItem top = table.getItems().get(0);
        for (ClassDiffItem item : table.getItems()) {
            assertTrue(item.retainedDelta() <= top.retainedDelta(), "sorted by retained growth, largest first");
        }

        robot.clickOn("#classFilter").write("session");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(table.getItems().isEmpty());
        assertTrue(table.getItems().size() < all);
        table.getItems().forEach(item -> assertTrue(item.name().toLowerCase(Locale.ROOT).contains("session"),
                item.name()));

        clickHeader(robot, "countColumn-2");
        assertSorted(table, true);
        clickHeader(robot, "countColumn-2");
        assertSorted(table, false);

        robot.lookup("#classFilter").queryAs(TextField.class);
        robot.interact(() -> robot.lookup("#classFilter").queryAs(TextField.class).clear());
        robot.clickOn("#filterMode").clickOn("Regex");
        robot.clickOn("#classFilter").write("^java\\.util\\.Hash");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(table.getItems().isEmpty());
        table.getItems().forEach(item -> assertTrue(item.name().startsWith("java.util.Hash"), item.name()));
        robot.write("([");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#filterError").queryAs(Label.class).getText().isEmpty(),
                "an invalid regex is reported");

        robot.interact(() -> robot.lookup("#classFilter").queryAs(TextField.class).clear());
        robot.clickOn("#filterMode").clickOn("Package");
        robot.clickOn("#classFilter").write("dev.heapdelta.samples");
        robot.clickOn("#onlyGrowing");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#filterError").queryAs(Label.class).getText().isEmpty());
        assertFalse(table.getItems().isEmpty());
        table.getItems().forEach(item -> {
            assertTrue(item.packageName().startsWith("dev.heapdelta.samples"), item.name());
            assertTrue(item.grows(), item.name() + " grows");
        });
        assertTrue(table.getItems().stream().anyMatch(item -> item.name().endsWith(".Session")));
    }

    private static void openExample(FxRobot robot) throws Exception {
        robot.clickOn("#openExampleButton");
        WaitForAsyncUtils.waitFor(LOAD_TIMEOUT_SECONDS, TimeUnit.SECONDS,
                () -> robot.lookup("#suspectCard-1").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void clickHeader(FxRobot robot, String columnId) {
        Node header = robot.lookup(".column-header").match(node -> node instanceof TableColumnHeader column
                && column.getTableColumn() != null && columnId.equals(column.getTableColumn().getId())).query();
        robot.clickOn(header);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void assertSorted(TableView<ClassDiffItem> table, boolean ascending) {
        List<ClassDiffItem> rows = table.getItems();
        for (int i = 1; i < rows.size(); i++) {
            long previous = rows.get(i - 1).count(2);
            long current = rows.get(i).count(2);
            assertTrue(ascending ? previous <= current : previous >= current,
                    "rows " + (i - 1) + " and " + i + " out of order: " + previous + ", " + current);
        }
    }

    private static List<PathNode> pathRows(FxRobot robot) {
        @SuppressWarnings("unchecked")
        TreeTableView<PathNode> tree = robot.lookup("#pathTree").queryAs(TreeTableView.class);
        List<PathNode> rows = new java.util.ArrayList<>();
        TreeItem<PathNode> item = tree.getRoot();
        while (item != null && !item.getChildren().isEmpty()) {
            item = item.getChildren().get(0);
            rows.add(item.getValue());
        }
        return rows;
    }
}
