package dev.heapdelta.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.app.testing.DumpingProgram;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
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
 * A Guava and a Caffeine cache filling to 95% of their maximum beside a leaking map (the test program
 * {@code NearlyFullCaches}, run in a child JVM): the overview lists the caches apart, each card saying
 * that a cache close below its maximum is no leak.
 */
@ExtendWith(ApplicationExtension.class)
class BoundedCacheCardUiTest {
    @TempDir
    static Path dumps;

    private MainViewModel model;

    @BeforeAll
    static void fillTheCachesInAChildJvm() throws Exception {
        DumpingProgram.run("dev.heapdelta.app.leaks.library.NearlyFullCaches", "64m", 120, dumps,
                dumps.resolve("caches.log"));
    }

    @Start
    void start(Stage stage) {
        model = GuiFixtures.showMainWindow(stage, GuiFixtures.rememberingLoader());
    }

    @Test
    void cachesCloseToTheirMaximumAreCardsApartThatSayWhyTheyAreNoLeak(FxRobot robot) throws Exception {
        List<Path> files = List.of(dumps.resolve("caches-t0.hprof"), dumps.resolve("caches-t1.hprof"),
                dumps.resolve("caches-t2.hprof"));
        Platform.runLater(() -> model.open(files));
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS,
                () -> robot.lookup("#boundedCacheHeading").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, model.overview().suspects().size(), "the leaking map is the one suspect");
        Set<Node> notes = robot.lookup(node -> node.getId() != null && node.getId().startsWith("cacheNote-")).queryAll();
        assertEquals(2, notes.size(), "one note per cache");
        for (Node note : notes) {
            String text = ((Label) note).getText();
            assertTrue(text.startsWith("A cache with a configured maximum of 1,000, at 950 (95%): close to it."), text);
            int rank = Integer.parseInt(note.getId().substring("cacheNote-".length()));
            assertTrue(rank > 1, "below the suspect, not among the suspects");
        }
    }
}
