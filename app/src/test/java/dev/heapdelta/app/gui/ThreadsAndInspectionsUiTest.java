package dev.heapdelta.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.inspections.InspectionsProgram;
import dev.heapdelta.app.gui.inspections.InspectionsViewModel;
import dev.heapdelta.app.gui.navigation.Place;
import dev.heapdelta.app.gui.threads.ThreadLine;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
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
 * The Threads and Inspections views on two JVM dumps with planted waste: reached from their section
 * buttons, filled off the FX thread, and drilling into the inspector.
 */
@ExtendWith(ApplicationExtension.class)
class ThreadsAndInspectionsUiTest {
    @TempDir
    static Path directory;
    static List<Path> dumps;
    private MainViewModel model;
    private Stage stage;

    @BeforeAll
    static void dumpTwoMoments() throws Exception {
        Path few = directory.resolve("few.hprof");
        Path many = directory.resolve("many.hprof");
        InspectionsProgram.dumpTo(few, 1500);
        InspectionsProgram.dumpTo(many, 4000);
        dumps = List.of(few, many);
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        model = GuiFixtures.showMainWindow(stage, GuiFixtures.rememberingLoader());
    }

    private void openDumps(FxRobot robot) throws Exception {
        Platform.runLater(() -> model.open(dumps));
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> model.comparisonProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theThreadsViewListsTheMainThreadAndOpensItInTheInspector(FxRobot robot) throws Exception {
        openDumps(robot);
        robot.clickOn("#threadsToggle");
        @SuppressWarnings("unchecked")
        TreeTableView<ThreadLine> tree = robot.lookup("#threadsTree").queryAs(TreeTableView.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> tree.getRoot() != null
                && !tree.getRoot().getChildren().isEmpty());
        TreeItem<ThreadLine> main = tree.getRoot().getChildren().stream()
                .filter(item -> item.getValue().text().equals("\"main\"")).findFirst().orElseThrow();
        assertEquals("RUNNABLE", main.getValue().state());
        assertTrue(main.getChildren().stream().anyMatch(f -> f.getValue().text().startsWith("at "
                + InspectionsProgram.class.getName() + ".main(InspectionsProgram.java:")));
        Platform.runLater(() -> model.navigator().goTo(new Place.Threads(0)));
        WaitForAsyncUtils.waitForFxEvents();
        Platform.runLater(() -> model.back());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(model.navigator().current() instanceof Place.Threads threads && threads.snapshot() == 1);
    }

    @Test
    void theStringInspectionShowsThePlantedCopiesGrowing(FxRobot robot) throws Exception {
        openDumps(robot);
        robot.clickOn("#inspectionsToggle");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> robot.lookup("#stringsTable").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        TableView<InspectionsViewModel.Row> table = robot.lookup("#stringsTable").queryAs(TableView.class);
        InspectionsViewModel.Row planted = table.getItems().stream()
                .filter(row -> row.key().equals(InspectionsProgram.DUPLICATE_VALUE)).findFirst().orElseThrow();
        assertEquals("1,501 → 4,001", table.getColumns().get(1).getCellObservableValue(
                table.getItems().indexOf(planted)).getValue());
        // The figures' titles for a reader, not the JSON's field names (count, wastedBytes).
        assertEquals(List.of("Finding", "Count", "Wasted bytes"),
                table.getColumns().stream().map(javafx.scene.control.TableColumn::getText).toList());
        Platform.runLater(() -> {
            table.getSelectionModel().select(planted);
            table.requestFocus();
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.navigator().current() instanceof Place.Inspector);
        assertEquals(1, ((Place.Inspector) model.navigator().current()).object().snapshot(), "the last dump's copy");
    }

    @Test
    void inA1024By700WindowTheInspectionFiguresOfThreeDumpsShowWholeAndTheFindingTakesTheRest(FxRobot robot) throws Exception {
        double width = stage.getWidth();
        double height = stage.getHeight();
        robot.interact(() -> {
            stage.setWidth(1024);
            stage.setHeight(700);
        });
        try {
            figuresShowWholeAt1024By700(robot);
        } finally {
            // TestFX hands the next tests this stage: they expect the window's own size.
            robot.interact(() -> {
                stage.setWidth(width);
                stage.setHeight(height);
            });
        }
    }

    private void figuresShowWholeAt1024By700(FxRobot robot) throws Exception {
        // The example's three dumps: "960 B → 960 B → 960 B" is wider than the figures' columns used to be.
        Platform.runLater(() -> model.open(GuiFixtures.exampleFiles()));
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> model.comparisonProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#inspectionsToggle");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> robot.lookup("#stringsTable").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        TableView<InspectionsViewModel.Row> table = robot.lookup("#stringsTable").queryAs(TableView.class);
        int figures = 0;
        for (javafx.scene.Node node : table.lookupAll(".table-cell")) {
            if (node instanceof javafx.scene.control.TableCell<?, ?> cell && !cell.isEmpty() && cell.getText() != null
                    && cell.getTableColumn() != table.getColumns().get(0)) {
                javafx.scene.text.Text shown = (javafx.scene.text.Text) cell.lookup(".text");
                assertEquals(cell.getText(), shown.getText(), "a figure cut in column " + cell.getTableColumn().getText());
                figures++;
            }
        }
        assertTrue(figures >= 10, "visible figure cells: " + figures);
        double columns = table.getColumns().stream().mapToDouble(javafx.scene.control.TableColumn::getWidth).sum();
        assertTrue(columns <= table.getWidth(), "no horizontal scrolling: " + columns + " of " + table.getWidth());
        assertTrue(table.getColumns().get(0).getWidth() >= 320, "the finding keeps room");
    }
}
