package dev.heapdelta.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.app.gui.classes.ClassDiffItem;
import dev.heapdelta.app.gui.format.ObjectNames;
import dev.heapdelta.app.gui.paths.PathNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.control.skin.NestedTableColumnHeader;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The app's small slips, on the bundled example: a frozen Class column, headers and explanations read
 * whole, status messages that pass, and merged paths that open one branch rather than every map bucket.
 */
@ExtendWith(ApplicationExtension.class)
class CalmerAppUiTest {
    private MainViewModel model;

    @Start
    void start(Stage stage) {
        model = GuiFixtures.showMainWindow(stage, GuiFixtures.rememberingLoader());
    }

    @BeforeEach
    void openExample(FxRobot robot) throws Exception {
        robot.clickOn("#openExampleButton");
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> robot.lookup("#suspectCard-1").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    @SuppressWarnings("unchecked")
    void classColumnStaysInPlaceWhenTheTableScrollsRightAndNamesTheSimpleClassFirst(FxRobot robot) throws Exception {
        robot.clickOn("#classesToggle");
        TableView<ClassDiffItem> table = robot.lookup("#classTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !table.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        ScrollBar bar = horizontalBar(table);
        assertTrue(bar.getMax() > 100, "three snapshots' columns are wider than the window: " + bar.getMax());
        double tableLeft = table.localToScene(table.getLayoutBounds()).getMinX();
        double trendBefore = sceneX(header(table, "trendColumn"));

        robot.interact(() -> bar.setValue(bar.getMax()));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(bar.getMax(), trendBefore - sceneX(header(table, "trendColumn")), 1.0,
                "the other columns scrolled by the whole scroll range");
        assertEquals(tableLeft, sceneX(header(table, "classNameColumn")), 2.0, "the Class header stayed at the left");
        TableCell<ClassDiffItem, ?> cell = firstClassCell(table);
        assertEquals(tableLeft, sceneX(cell), 2.0, "and so did its cells");
        assertEquals(-1, cell.getViewOrder(), "drawn over the columns passing beneath it");

        ClassDiffItem item = cell.getTableRow().getItem();
        List<Label> parts = new ArrayList<>();
        ((HBox) cell.getGraphic()).getChildren().forEach(part -> parts.add((Label) part));
        assertEquals(ObjectNames.simpleName(item.name()), parts.get(0).getText(), item.name());
        assertEquals(item.packageName(), parts.get(2).getText().strip(), "the package follows, in grey");
        if (!item.packageName().isEmpty()) {
            assertTrue(parts.get(2).getStyleClass().contains("text-muted"));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void headersOfTheClassTableTheInstancesAndTheDominatorTreeAreReadWhole(FxRobot robot) throws Exception {
        robot.clickOn("#classesToggle");
        TableView<ClassDiffItem> table = robot.lookup("#classTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !table.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertHeadersWhole(table);

        robot.clickOn("#overviewToggle");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#entriesButton-1").tryQuery().isPresent());
        robot.clickOn("#entriesButton-1");
        TableView<?> instances = robot.lookup("#instancesTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !instances.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertHeadersWhole(instances);
        Label pickerName = robot.lookup("#instancesSnapshotLabel").queryAs(Label.class);
        assertTrue(ShownText.whole(pickerName), "the snapshot picker's name: " + ShownText.of(pickerName));

        robot.clickOn("#dominatorTreeToggle");
        TreeTableView<?> tree = robot.lookup("#dominatorTree").queryAs(TreeTableView.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> tree.getRoot() != null
                && !tree.getRoot().getChildren().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertHeadersWhole(tree);
    }

    @Test
    void aStatusMessagePassesAtTheNextMoveOrAfterAFewSeconds(FxRobot robot) throws Exception {
        String resting = model.statusProperty().get();
        assertTrue(resting.startsWith("3 snapshots · HPROF"), resting);

        robot.interact(model::copyReportJson);
        assertTrue(model.statusProperty().get().startsWith("Copied the report as JSON"));
        robot.clickOn("#classesToggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(resting, model.statusProperty().get(), "moving on clears the message");

        robot.interact(model::copyReportJson);
        assertTrue(model.statusProperty().get().startsWith("Copied the report as JSON"));
        long shownFor = (long) StatusLine.MESSAGE_SHOWN_FOR.toMillis();
        Thread.sleep(shownFor / 2);
        assertTrue(model.statusProperty().get().startsWith("Copied"), "it stands a few seconds");
        WaitForAsyncUtils.waitFor(shownFor * 3, TimeUnit.MILLISECONDS,
                () -> resting.equals(model.statusProperty().get()));
    }

    @Test
    void exportDialogShowsItsWholeExplanation(FxRobot robot) throws Exception {
        robot.clickOn("File");
        robot.clickOn("#exportMenuItem");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#exportExplanation").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        Label explanation = robot.lookup("#exportExplanation").queryAs(Label.class);
        boolean whole = ShownText.whole(explanation);
        String shown = ShownText.of(explanation);
        DialogPane pane = robot.lookup("#exportDialog").queryAs(DialogPane.class);
        robot.interact(() -> ((Button) pane.lookupButton(ButtonType.CANCEL)).fire());
        assertTrue(whole, "shown: " + shown);
    }

    @Test
    @SuppressWarnings("unchecked")
    void mergedPathsOfTheSessionsOpenOnlyTheirHeaviestBranch(FxRobot robot) throws Exception {
        robot.clickOn("#entriesButton-1");
        TableView<?> instances = robot.lookup("#instancesTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !instances.getItems().isEmpty());
        robot.clickOn("#mergedPathsButton");
        TreeTableView<PathNode> tree = robot.lookup("#pathTree").queryAs(TreeTableView.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> tree.getRoot() != null
                && !tree.getRoot().getChildren().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        int open = 0;
        int depth = 0;
        List<TreeItem<PathNode>> level = tree.getRoot().getChildren();
        while (!level.isEmpty()) {
            List<TreeItem<PathNode>> expanded = level.stream().filter(TreeItem::isExpanded)
                    .filter(item -> !item.getChildren().isEmpty()).toList();
            assertTrue(expanded.size() <= 1, "at depth " + depth + ", " + expanded.size() + " rows are open");
            if (expanded.isEmpty()) {
                break;
            }
            assertEquals(level.get(0), expanded.get(0), "the open one is the first, reaching most instances");
            open++;
            depth++;
            level = expanded.get(0).getChildren();
        }
        assertTrue(open >= 3, "the heaviest branch is open down to the map: " + open + " levels");
        int openAnywhere = tree.getRoot().getChildren().stream().mapToInt(CalmerAppUiTest::openRows).sum();
        assertEquals(open, openAnywhere, "no row off that branch is open");
    }

    private static int openRows(TreeItem<PathNode> item) {
        int open = item.isExpanded() && !item.getChildren().isEmpty() ? 1 : 0;
        for (TreeItem<PathNode> child : item.getChildren()) {
            open += openRows(child);
        }
        return open;
    }

    private static void assertHeadersWhole(Node table) {
        int headers = 0;
        for (Node node : table.lookupAll(".column-header")) {
            // A group's header (Retained size, over its snapshots' columns) is no leaf, and sized by them.
            if (node instanceof TableColumnHeader header && !(header instanceof NestedTableColumnHeader)
                    && header.lookup(".label") instanceof Label label && !label.getText().isEmpty()) {
                headers++;
                assertTrue(ShownText.whole(label), "header " + label.getText() + " reads " + ShownText.of(label));
            }
        }
        assertTrue(headers >= 4, "headers checked: " + headers);
    }

    private static TableColumnHeader header(TableView<?> table, String columnId) {
        for (Node node : table.lookupAll(".column-header")) {
            if (node instanceof TableColumnHeader header && header.getTableColumn() != null
                    && columnId.equals(header.getTableColumn().getId())) {
                return header;
            }
        }
        throw new AssertionError("no header for " + columnId);
    }

    @SuppressWarnings("unchecked")
    private static TableCell<ClassDiffItem, ?> firstClassCell(TableView<ClassDiffItem> table) {
        TableCell<ClassDiffItem, ?> first = null;
        for (Node node : table.lookupAll(".table-cell")) {
            if (node instanceof TableCell<?, ?> cell && cell.getTableColumn() != null
                    && "classNameColumn".equals(cell.getTableColumn().getId()) && !cell.isEmpty()
                    && cell.getTableRow() != null && cell.getTableRow().getItem() != null
                    && (first == null || cell.getIndex() < first.getIndex())) {
                first = (TableCell<ClassDiffItem, ?>) cell;
            }
        }
        assertTrue(first != null, "a Class cell is shown");
        return first;
    }

    private static double sceneX(Node node) {
        Bounds bounds = node.localToScene(node.getLayoutBounds());
        return bounds.getMinX();
    }

    private static ScrollBar horizontalBar(TableView<?> table) {
        for (Node node : table.lookupAll(".scroll-bar")) {
            if (node instanceof ScrollBar bar && bar.getOrientation() == Orientation.HORIZONTAL) {
                return bar;
            }
        }
        throw new AssertionError("the table has no horizontal scroll bar");
    }
}
