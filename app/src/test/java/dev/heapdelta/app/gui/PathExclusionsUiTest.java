package dev.heapdelta.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.diff.ClassDiffs;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.query.PathExclusionsProgram;
import dev.heapdelta.analyzer.query.ReferenceKind;
import dev.heapdelta.analyzer.testing.TestEnvironment;
import dev.heapdelta.app.gui.navigation.Place;
import dev.heapdelta.app.gui.paths.PathNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckBox;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The paths view's exclusions on a dump of {@link PathExclusionsProgram} (a child JVM): unchecking "weak"
 * shows the path through the WeakReference, an excluded field routes around it again, an excluded root
 * kind leaves a frame's local without a path, and a malformed field says why.
 */
@ExtendWith(ApplicationExtension.class)
class PathExclusionsUiTest {
    private static final String PROGRAM = PathExclusionsProgram.class.getName();
    private static Path dump;
    private MainViewModel model;

    @BeforeAll
    static void dumpProgram() throws Exception {
        dump = TestEnvironment.temporaryDirectory("heapdelta-exclusions-ui").resolve("exclusions.hprof");
        PathExclusionsProgram.dumpTo(dump);
    }

    @Start
    void start(Stage stage) {
        model = GuiFixtures.showMainWindow(stage, GuiFixtures.rememberingLoader());
    }

    @Test
    void uncheckingWeakShowsThePathThroughTheWeakReferenceAndAnExcludedFieldGoesAroundIt(FxRobot robot)
            throws Exception {
        openPaths(robot, "WeakTarget");
        assertTrue(titles(robot).stream().noneMatch(t -> t.startsWith("WeakReference @")), titles(robot).toString());
        assertTrue(titles(robot).stream().anyMatch(t -> t.startsWith("PathExclusionsProgram$Link @")), titles(robot).toString());

        robot.clickOn("#exclude-weak");
        waitForPaths(robot);
        List<String> throughWeak = titles(robot);
        assertTrue(throughWeak.stream().anyMatch(t -> t.startsWith("WeakReference @")), throughWeak.toString());
        assertTrue(throughWeak.stream().noneMatch(t -> t.startsWith("PathExclusionsProgram$Link @")), throughWeak.toString());
        assertEquals("weak", edges(robot).get(edges(robot).size() - 1), "the static holding the WeakReference");

        robot.clickOn("#excludedFields").write("java.lang.ref.Reference:referent").type(KeyCode.ENTER);
        waitForPaths(robot);
        List<String> around = titles(robot);
        assertEquals(PathExclusionsProgram.CHAIN, around.stream().filter(t -> t.startsWith("PathExclusionsProgram$Link @")).count(),
                around.toString());
        assertTrue(around.stream().noneMatch(t -> t.startsWith("WeakReference @")), around.toString());
    }

    @Test
    void theExclusionsArePartOfTheHistoryEntrySoBackAndForwardReturnToThePathsWithAndWithoutThem(FxRobot robot)
            throws Exception {
        openPaths(robot, "WeakTarget");
        List<String> strong = titles(robot);
        robot.clickOn("#exclude-weak");
        waitForPaths(robot);
        List<String> throughWeak = titles(robot);
        assertTrue(throughWeak.stream().anyMatch(t -> t.startsWith("WeakReference @")), throughWeak.toString());
        Place.ClassPaths withoutWeak = (Place.ClassPaths) model.navigator().current();
        assertFalse(withoutWeak.exclusions().references().contains(ReferenceKind.WEAK), withoutWeak.toString());

        PathNode first = rows(robot).get(0);
        robot.interact(() -> model.navigator().goTo(new Place.Inspector(first.object().ref())));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#pathTree").tryQuery().isEmpty(), "the inspector is shown");

        robot.interact(() -> model.navigator().back());
        waitForPaths(robot);
        assertEquals(withoutWeak, model.navigator().current());
        assertFalse(robot.lookup("#exclude-weak").queryAs(CheckBox.class).isSelected());
        assertEquals(throughWeak, titles(robot), "back from the object: the paths through the WeakReference");

        robot.interact(() -> model.navigator().back());
        waitForPaths(robot);
        assertTrue(((Place.ClassPaths) model.navigator().current()).exclusions().isDefault());
        assertTrue(robot.lookup("#exclude-weak").queryAs(CheckBox.class).isSelected());
        assertEquals(strong, titles(robot), "back again: the strong paths, as before weak was unchecked");

        robot.interact(() -> model.navigator().forward());
        waitForPaths(robot);
        assertEquals(withoutWeak, model.navigator().current());
        assertEquals(throughWeak, titles(robot), "forward: without weak again");

    }

    @Test
    void anExcludedRootKindLeavesTheFrameLocalWithoutAPath(FxRobot robot) throws Exception {
        openPaths(robot, "LocalTarget");
        assertEquals(1, titles(robot).size(), "the thread whose frame holds it: " + titles(robot));
        assertTrue(titles(robot).get(0).startsWith("Thread @"), titles(robot).toString());
        MenuButton roots = robot.lookup("#excludedRootKinds").queryAs(MenuButton.class);
        assertEquals("All root kinds", roots.getText());
        CheckMenuItem javaLocal = (CheckMenuItem) roots.getItems().stream()
                .filter(item -> "excludeRoot-JAVA_FRAME".equals(item.getId())).findFirst().orElseThrow();
        robot.interact(() -> {
            javaLocal.setSelected(true);
            javaLocal.fire();
        });
        waitForPaths(robot);
        String summary = robot.lookup("#pathsSummary").queryAs(Label.class).getText();
        assertTrue(summary.contains("1 only through excluded references"), summary);
        assertEquals("Roots without Java Local", robot.lookup("#excludedRootKinds").queryAs(MenuButton.class).getText());
    }

    @Test
    void aMalformedFieldIsRefusedWithItsReason(FxRobot robot) throws Exception {
        openPaths(robot, "FieldTarget");
        List<String> before = edges(robot);
        assertEquals("shortcut", before.get(before.size() - 1), "the static holding the Shortcut");
        robot.clickOn("#excludedFields").write("java.lang.Thread:").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        Label problem = robot.lookup("#exclusionsProblem").queryAs(Label.class);
        assertTrue(problem.isVisible());
        assertEquals("exclusion 'java.lang.Thread:' names no field after ':'", problem.getText());
        assertEquals(before, edges(robot), "the paths are those of before");
    }

    private void openPaths(FxRobot robot, String simpleName) throws Exception {
        robot.interact(() -> model.open(List.of(dump)));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> model.comparisonProperty().get() != null
                && robot.lookup("#suspectCard-1").tryQuery().isPresent());
        HeapGraph graph = model.comparisonProperty().get().snapshot(0).graph();
        String name = PROGRAM + "$" + simpleName;
        String key = null;
        for (int c = 0; c < graph.classCount(); c++) {
            if (graph.className(c).equals(name)) {
                key = ClassDiffs.keyOf(graph, graph.heapClass(c));
            }
        }
        Place place = new Place.ClassPaths(key, name, 0);
        robot.interact(() -> model.navigator().goTo(place));
        waitForPaths(robot);
    }

    private static void waitForPaths(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#pathsSummary").tryQuery()
                .map(label -> !((Label) label).getText().startsWith("Finding")).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static List<PathNode> rows(FxRobot robot) {
        @SuppressWarnings("unchecked")
        TreeTableView<PathNode> tree = robot.lookup("#pathTree").queryAs(TreeTableView.class);
        List<PathNode> rows = new ArrayList<>();
        TreeItem<PathNode> item = tree.getRoot();
        while (item != null && !item.getChildren().isEmpty()) {
            item = item.getChildren().get(0);
            rows.add(item.getValue());
        }
        return rows;
    }

    private static List<String> titles(FxRobot robot) {
        return rows(robot).stream().filter(row -> !row.isMore()).map(row -> row.object().title()).toList();
    }

    private static List<String> edges(FxRobot robot) {
        return rows(robot).stream().map(PathNode::edge).toList();
    }
}
