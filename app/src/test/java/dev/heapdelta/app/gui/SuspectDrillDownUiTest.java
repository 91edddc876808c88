package dev.heapdelta.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.dominators.DominatorTree;
import dev.heapdelta.analyzer.leaks.Evidence;
import dev.heapdelta.analyzer.leaks.Suspect;
import dev.heapdelta.analyzer.format.ObjectIds;
import dev.heapdelta.app.gui.classes.ClassDiffItem;
import dev.heapdelta.app.gui.session.Comparison;
import dev.heapdelta.app.gui.session.ObjectRef;
import dev.heapdelta.app.gui.session.ObjectSummary;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * From the first suspect of the bundled Java example (the HashMap at {@code static SessionStore.CACHE}) to
 * its objects in one click each: its entries, its evidence restricted to what it holds, its samples, its
 * path; and "Go to object", the class without instances that holds the static, Back and Forward.
 */
@ExtendWith(ApplicationExtension.class)
class SuspectDrillDownUiTest {
    private static final long LOAD_TIMEOUT_SECONDS = 180;
    private MainViewModel model;

    @Start
    void start(Stage stage) {
        model = GuiFixtures.showMainWindow(stage, GuiFixtures.rememberingLoader());
    }

    @Test
    void entriesButtonListsTheSessionsTheCacheHoldsAndNoOthers(FxRobot robot) throws Exception {
        openExample(robot);
        Suspect suspect = firstSuspect();
        Evidence sessions = suspect.evidence().get(0);
        assertTrue(sessions.name().endsWith(".Session"), sessions.name());
        robot.clickOn("#entriesButton-1");
        TableView<ObjectSummary> table = instancesTable(robot);
        waitForRows(robot, table);

        ObjectRef holder = comparison().objectOf(suspect).orElseThrow();
        long held = sessions.count()[sessions.count().length - 1];
        assertEquals(Math.min(held, 5_000), table.getItems().size());
        String summary = robot.lookup("#instancesSummary").queryAs(Label.class).getText();
        assertTrue(summary.startsWith(String.format(java.util.Locale.US, "%,d instances held by HashMap @ ", held)),
                summary);
        assertDominatedBy(comparison().snapshot(holder.snapshot()), holder.object(), table);
    }

    @Test
    void instancesOfTheContainerClassOpenWithTheSuspectsMapSelected(FxRobot robot) throws Exception {
        openExample(robot);
        ObjectRef holder = comparison().objectOf(firstSuspect()).orElseThrow();
        robot.clickOn("#instancesButton-1");
        TableView<ObjectSummary> table = instancesTable(robot);
        waitForRows(robot, table);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table.getSelectionModel().getSelectedItem() != null);
        assertEquals(holder, table.getSelectionModel().getSelectedItem().ref());
        assertTrue(table.getItems().size() > 1, "every HashMap is listed, the suspect's among them");
        assertFalse(robot.lookup("#inspectInstanceButton").queryAs(Button.class).isDisabled());
    }

    @Test
    void evidenceLinkListsOnlyTheInstancesTheSuspectHolds(FxRobot robot) throws Exception {
        openExample(robot);
        Suspect suspect = firstSuspect();
        robot.clickOn("#evidenceLink-1-0");
        TableView<ObjectSummary> table = instancesTable(robot);
        waitForRows(robot, table);
        ObjectRef holder = comparison().objectOf(suspect).orElseThrow();
        assertDominatedBy(comparison().snapshot(holder.snapshot()), holder.object(), table);
        for (ObjectSummary row : table.getItems()) {
            assertEquals(suspect.evidence().get(0).name(), row.className());
        }
    }

    @Test
    void sampleLinkOpensTheInspectorOnTheSampledObject(FxRobot robot) throws Exception {
        openExample(robot);
        String sample = firstSuspect().samples().get(0);
        Labeled link = robot.lookup("#sampleLink-1-0").queryAs(Labeled.class);
        assertEquals(sample, link.getText());
        robot.clickOn(link);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#inspectorView").tryQuery().isPresent());
        String title = robot.lookup("#inspectorTitle").queryAs(Labeled.class).getText();
        String id = sample.split(" ")[1].replace(",", "");
        assertTrue(id.startsWith("0x"), sample);
        assertTrue(title.contains(id), title + " names " + id);
    }

    @Test
    void pathKeyOpensThePathToGcRoots(FxRobot robot) throws Exception {
        openExample(robot);
        robot.clickOn("#suspectPathKey-1");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#pathKeyLabel").tryQuery().isPresent()
                && !robot.lookup("#pathKeyLabel").queryAs(TextField.class).getText().isEmpty());
        assertEquals("static SessionStore.CACHE", robot.lookup("#pathKeyLabel").queryAs(TextField.class).getText());
    }

    @Test
    void goToObjectOpensTheObjectOfAWrittenIdAndRefusesAnUnknownOne(FxRobot robot) throws Exception {
        openExample(robot);
        Comparison comparison = comparison();
        ObjectRef holder = comparison.objectOf(firstSuspect()).orElseThrow();
        String id = ObjectIds.format(comparison.snapshot(holder.snapshot()).graph(), holder.object());

        robot.press(KeyCode.CONTROL, KeyCode.G).release(KeyCode.G, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#goToObjectField").tryQuery().isPresent());
        robot.clickOn("#goToObjectField").write("0x1").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#goToObjectProblem").queryAs(Label.class).getText().startsWith("No object 0x1"));
        robot.interact(() -> robot.lookup("#goToObjectField").queryAs(TextField.class).setText(id));
        robot.clickOn("#goToObjectField").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#inspectorView").tryQuery().isPresent());
        String title = robot.lookup("#inspectorTitle").queryAs(Labeled.class).getText();
        assertTrue(title.startsWith("HashMap @ " + id), title);
    }

    @Test
    void classFilterFindsTheClassWithoutInstancesWhoseStaticHoldsTheLeak(FxRobot robot) throws Exception {
        openExample(robot);
        robot.clickOn("#classesToggle");
        @SuppressWarnings("unchecked")
        TableView<ClassDiffItem> table = robot.lookup("#classTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !table.getItems().isEmpty());
        robot.clickOn("#classFilter").write("SessionStore");
        WaitForAsyncUtils.waitForFxEvents();
        ClassDiffItem store = table.getItems().stream().filter(item -> item.name().endsWith(".SessionStore"))
                .findFirst().orElseThrow(() -> new AssertionError("SessionStore is listed: " + table.getItems()));
        assertTrue(store.hasNoInstances());
        for (int s = 0; s < comparison().size(); s++) {
            assertEquals(0, store.count(s));
        }
        // Its class object is where the static lives: opening the row inspects it.
        robot.interact(() -> table.getSelectionModel().select(store));
        robot.clickOn("#classFilter").type(KeyCode.DOWN).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#inspectorView").tryQuery().isPresent());
        String title = robot.lookup("#inspectorTitle").queryAs(Labeled.class).getText();
        assertTrue(title.startsWith("class SessionStore @ 0x"), title);
    }

    @Test
    void backAndForwardKeepTheSelectionTheSortAndTheColumnWidths(FxRobot robot) throws Exception {
        openExample(robot);
        robot.clickOn("#instancesButton-1");
        TableView<ObjectSummary> table = instancesTable(robot);
        waitForRows(robot, table);
        TableColumn<ObjectSummary, ?> retained = table.getColumns().stream()
                .filter(column -> "instanceRetainedColumn".equals(column.getId())).findFirst().orElseThrow();
        robot.interact(() -> {
            table.getSelectionModel().clearAndSelect(2);
            retained.setPrefWidth(217);
            retained.setSortType(TableColumn.SortType.ASCENDING);
            table.getSortOrder().setAll(retained);
        });
        ObjectSummary chosen = table.getSelectionModel().getSelectedItem();
        robot.clickOn("#inspectInstanceButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#inspectorView").tryQuery().isPresent());

        robot.clickOn("#backButton");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<ObjectSummary> again = instancesTable(robot);
        assertEquals(chosen, again.getSelectionModel().getSelectedItem());
        assertEquals(217, retained.getWidth(), 0.5);
        assertEquals(java.util.List.of(retained), again.getSortOrder());
        assertFalse(robot.lookup("#inspectInstanceButton").queryAs(Button.class).isDisabled(),
                "Inspect stays enabled: the selection is there");

        robot.clickOn("#forwardButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#inspectorTitle").queryAs(Labeled.class).getText().contains(chosen.id()));
    }

    private static void assertDominatedBy(Snapshot snapshot, int holder, TableView<ObjectSummary> table) {
        DominatorTree tree = snapshot.dominatorTree();
        for (ObjectSummary row : table.getItems()) {
            int object = row.ref().object();
            while (object >= 0 && object != holder && object != tree.virtualRoot()) {
                object = tree.immediateDominatorOf(object);
            }
            assertEquals(holder, object, row.title() + " is held by the suspect's container");
        }
    }

    private Comparison comparison() {
        Comparison comparison = model.comparisonProperty().get();
        assertNotNull(comparison);
        return comparison;
    }

    private Suspect firstSuspect() {
        return comparison().report().suspects().get(0);
    }

    @SuppressWarnings("unchecked")
    private static TableView<ObjectSummary> instancesTable(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#instancesTable").tryQuery().isPresent());
        return robot.lookup("#instancesTable").queryAs(TableView.class);
    }

    private static void waitForRows(FxRobot robot, TableView<ObjectSummary> table) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !table.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void openExample(FxRobot robot) throws Exception {
        robot.clickOn("#openExampleButton");
        WaitForAsyncUtils.waitFor(LOAD_TIMEOUT_SECONDS, TimeUnit.SECONDS,
                () -> robot.lookup("#suspectCard-1").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
    }
}
