package dev.heapdelta.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.analysis.AnalysisOptions;
import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.query.RetainedSet;
import dev.heapdelta.analyzer.source.CancelSignal;
import dev.heapdelta.analyzer.source.ProgressListener;
import dev.heapdelta.app.gui.classes.ClassDiffItem;
import dev.heapdelta.app.gui.format.HumanSizes;
import dev.heapdelta.app.gui.oql.OqlHistory;
import dev.heapdelta.app.gui.oql.OqlQueryStore;
import dev.heapdelta.app.gui.session.SnapshotSource;
import dev.heapdelta.app.gui.welcome.RecentFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The OQL history outlives the app in the user's preferences, private to them; and the class table's
 * selection gives the precise retained size of its classes' instances, as RetainedSet computes it directly.
 */
@ExtendWith(ApplicationExtension.class)
class OqlHistoryAndSelectionRetainedSetUiTest {
    /** A node of its own, so that the test never touches the user's own history. */
    static final Preferences NODE = Preferences.userRoot().node("dev/heapdelta/test/oql-" + UUID.randomUUID());

    @Start
    void start(Stage stage) {
        GuiContext context = new GuiContext(GuiFixtures.WORKERS, GuiFixtures.rememberingLoader(),
                RecentFiles.inMemory(), GuiFixtures::exampleFiles, OqlQueryStore.inPreferences(NODE));
        GuiLauncher.createWindow(stage, new MainViewModel(context));
        stage.show();
    }

    @AfterAll
    static void removeNode() throws Exception {
        NODE.removeNode();
        NODE.flush();
    }

    private static void openExample(FxRobot robot) throws Exception {
        robot.clickOn("#openExampleButton");
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> robot.lookup("#suspectCard-1").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aQueryRunInTheConsoleIsInTheNextRunsHistoryAndInAFileOnlyItsUserReads(FxRobot robot) throws Exception {
        openExample(robot);
        robot.clickOn("#oqlToggle");
        WaitForAsyncUtils.waitForFxEvents();
        String query = "SELECT * FROM java.util.HashMap m WHERE m.size > 99";
        robot.interact(() -> robot.lookup("#oqlQuery").queryAs(TextArea.class).setText(query));
        robot.clickOn("#oqlRunButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#oqlStatus").queryAs(Label.class)
                .getText().matches("[0-9,]+ objects? in .*"));

        // The next run of the app reads the store afresh, as MainViewModel does when it starts.
        OqlHistory nextRun = new OqlHistory(OqlQueryStore.inPreferences(
                Preferences.userRoot().node(NODE.absolutePath().substring(1))));
        assertEquals(List.of(query), nextRun.queries());

        // The JDK keeps a user's preferences below a directory only its owner may enter.
        Path root = Path.of(System.getProperty("java.util.prefs.userRoot", System.getProperty("user.home")),
                ".java", ".userPrefs");
        assertTrue(Files.exists(root.resolve(NODE.absolutePath().substring(1)).resolve("prefs.xml")));
        assertEquals(Set.copyOf(PosixFilePermissions.fromString("rwx------")), Files.getPosixFilePermissions(root),
                root.toString());
    }

    @Test
    void theSelectedClassesRetainTogetherWhatRetainedSetComputesForTheirInstances(FxRobot robot) throws Exception {
        openExample(robot);
        robot.clickOn("#classesToggle");
        @SuppressWarnings("unchecked")
        TableView<ClassDiffItem> table = robot.lookup("#classTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !table.getItems().isEmpty());
        robot.interact(() -> {
            table.getSelectionModel().clearSelection();
            table.getSelectionModel().select(0);
            table.getSelectionModel().select(1);
        });
        List<String> names = new ArrayList<>();
        table.getSelectionModel().getSelectedItems().forEach(item -> names.add(item.name()));
        assertEquals(2, names.size());
        robot.interact(() -> table.getContextMenu().getItems().stream()
                .filter(item -> "selectionRetainedSetMenuItem".equals(item.getId())).findFirst().orElseThrow().fire());
        Label label = robot.lookup("#selectionRetainedSet").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> label.getText().startsWith("Retained set of 2 classes"));

        List<Path> files = GuiFixtures.exampleFiles();
        Path last = files.get(files.size() - 1);
        try (Snapshot snapshot = SnapshotSource.ANALYZER.load(last, last.getFileName().toString(),
                AnalysisOptions.defaults().withIndexCache(false), CancelSignal.NEVER, ProgressListener.NONE)) {
            RetainedSet.Result expected = RetainedSet.of(snapshot.dominatorTree(), instancesOf(snapshot, names),
                    CancelSignal.NEVER);
            assertTrue(expected.count() > 0);
            String figures = String.format(Locale.ROOT, ": %s objects, %,d bytes (", HumanSizes.count(expected.count()),
                    expected.retainedBytes());
            assertTrue(label.getText().contains(figures), label.getText() + " lacks " + figures);
        }
    }

    private static int[] instancesOf(Snapshot snapshot, List<String> classNames) {
        HeapGraph graph = snapshot.graph();
        List<Integer> found = new ArrayList<>();
        for (int o = 0; o < graph.objectCount(); o++) {
            int c = graph.classOf(o);
            if (c >= 0 && snapshot.dominatorTree().isReachable(o) && classNames.contains(graph.className(c))) {
                found.add(o);
            }
        }
        return found.stream().mapToInt(Integer::intValue).toArray();
    }
}
