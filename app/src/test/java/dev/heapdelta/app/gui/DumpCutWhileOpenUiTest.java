package dev.heapdelta.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.graph.ObjectKind;
import dev.heapdelta.analyzer.testing.TestEnvironment;
import dev.heapdelta.app.gui.navigation.Place;
import dev.heapdelta.app.gui.session.ObjectRef;
import dev.heapdelta.app.gui.session.SnapshotSource;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A dump that another process cuts while the app has it open: inspecting an object whose record was cut
 * off says so in one line where the fields would be, and the app goes on.
 */
@ExtendWith(ApplicationExtension.class)
class DumpCutWhileOpenUiTest {
    @TempDir
    Path work;
    private MainViewModel model;

    @Start
    void start(Stage stage) {
        // A fresh analysis each time: the dump is this test's own copy, cut by it.
        model = GuiFixtures.showMainWindow(stage, SnapshotSource.ANALYZER);
    }

    @Test
    void inspectingAnObjectPastTheCutSaysTheFileWasCutAndTheOverviewStillShows(FxRobot robot) throws Exception {
        Path dump = work.resolve("leaks-t0.hprof");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(
                TestEnvironment.repositoryRoot().resolve("sample-dumps/java/leaks-t0.hprof.gz")))) {
            Files.copy(in, dump);
        }
        long size = Files.size(dump);
        robot.interact(() -> model.open(List.of(dump)));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> model.comparisonProperty().get() != null
                && robot.lookup("#suspectCard-1").tryQuery().isPresent());
        HeapGraph graph = model.comparisonProperty().get().snapshot(0).graph();
        long cut = size / 2;
        int late = -1;
        for (int o = graph.objectCount() - 1; o >= 0 && late < 0; o--) {
            if (graph.kindOf(o) == ObjectKind.INSTANCE && graph.recordOffsetOf(o) > cut + 8192) {
                late = o;
            }
        }
        assertTrue(late >= 0, "an instance past the cut");
        try (FileChannel other = FileChannel.open(dump, StandardOpenOption.WRITE)) {
            other.truncate(cut);
        }
        // The reads look at the dump's size every 10 ms; a click comes later than that after a cut.
        Thread.sleep(20);

        ObjectRef ref = new ObjectRef(0, late);
        robot.interact(() -> model.navigator().goTo(new Place.Inspector(ref)));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#loadErrorDialog").tryQuery().isPresent()
                || robot.lookup("#pageText").tryQuery()
                        .map(label -> ((Label) label).getText().startsWith("Could not read")).orElse(false));
        // The inspector names its object as it opens: the cut shows there, in the error dialog, or in its fields.
        String shown = robot.lookup("#loadErrorDialog").tryQuery()
                .map(dialog -> ((javafx.scene.control.DialogPane) dialog).getContentText())
                .orElseGet(() -> robot.lookup("#pageText").queryAs(Label.class).getText()
                        .substring("Could not read the fields: ".length()));
        assertTrue(shown.startsWith("file " + dump + ": cut while open (" + size + " bytes when opened, now " + cut
                + ")"), shown);
        assertTrue(shown.endsWith("another process truncated or rewrote it; open it again"), shown);
        assertEquals(-1, shown.indexOf('\n'), shown);
        System.out.println((robot.lookup("#loadErrorDialog").tryQuery().isPresent() ? "dialog: " : "fields: ") + shown);

        robot.lookup("#loadErrorDialog").tryQuery().ifPresent(dialog -> robot.interact(
                () -> ((javafx.scene.control.DialogPane) dialog).getScene().getWindow().hide()));
        robot.interact(() -> model.navigator().goTo(new Place.Overview()));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#suspectCard-1").tryQuery().isPresent(), "the overview still shows");
    }
}
