package dev.heapdelta.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.app.gui.overview.SuspectCard;
import dev.heapdelta.app.testing.DumpingProgram;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
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
 * A flat price list retaining a fifth of each heap beside a growing session cache (the test program
 * {@code FlatCatalogBesideALeak}, run in a child JVM): the overview lists the leak and a growing class
 * as its suspects, and the price list under its own heading below them, never among them.
 */
@ExtendWith(ApplicationExtension.class)
class LargeRetainerApartUiTest {
    private static final String PROGRAM = "FlatCatalogBesideALeak";

    @TempDir
    static Path dumps;

    private MainViewModel model;

    @BeforeAll
    static void runTheServiceInAChildJvm() throws Exception {
        DumpingProgram.run("dev.heapdelta.app.leaks." + PROGRAM, "64m", 120, dumps, dumps.resolve("service.log"));
    }

    @Start
    void start(Stage stage) {
        model = GuiFixtures.showMainWindow(stage, GuiFixtures.rememberingLoader());
    }

    @Test
    void theFlatPriceListIsACardUnderItsOwnHeadingBelowTheSuspects(FxRobot robot) throws Exception {
        Platform.runLater(() -> model.open(DumpingProgram.series(dumps, "flat-catalog", 3)));
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS,
                () -> robot.lookup("#largeRetainerHeading").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("static " + PROGRAM + ".SESSIONS", "static " + PROGRAM + ".ARCHIVE › [] › followUp"),
                model.overview().suspects().stream().map(SuspectCard::pathKey).toList());
        List<SuspectCard> apart = model.overview().largeRetainers();
        assertEquals(List.of("static " + PROGRAM + ".CATALOG"), apart.stream().map(SuspectCard::pathKey).toList());
        int rank = apart.get(0).rank();
        assertEquals(3, rank, "numbered after the two suspects");
        Node heading = robot.lookup("#largeRetainerHeading").query();
        Node card = robot.lookup("#suspectPathKey-" + rank).query();
        assertEquals("static " + PROGRAM + ".CATALOG", ((Hyperlink) card).getText());
        Node lastSuspect = robot.lookup("#suspectPathKey-2").query();
        double headingY = heading.localToScene(0, 0).getY();
        assertTrue(lastSuspect.localToScene(0, 0).getY() < headingY, "the suspects above the heading");
        assertTrue(card.localToScene(0, 0).getY() > headingY, "the price list below it");
    }
}
