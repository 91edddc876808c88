package dev.heapdelta.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.heapdelta.app.gui.session.Comparison;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import javafx.stage.Stage;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A zip of a whole series, opened in the app, is the comparison of its dumps in the archive's order. */
@ExtendWith(ApplicationExtension.class)
class ArchiveOfDumpsUiTest {
    @TempDir
    static Path directory;

    private MainViewModel model;

    @Start
    void start(Stage stage) {
        model = GuiFixtures.showMainWindow(stage, GuiFixtures.rememberingLoader());
    }

    @Test
    void aZipOfThreeDumpsOpensAsAComparisonOfThree(FxRobot robot) throws Exception {
        Path zip = directory.resolve("ticket-4711.zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
            for (Path gz : GuiFixtures.exampleFiles()) {
                out.putArchiveEntry(new ZipArchiveEntry(gz.getFileName().toString().replace(".gz", "")));
                try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
                    in.transferTo(out);
                }
                out.closeArchiveEntry();
            }
        }
        robot.interact(() -> model.welcome().choose(List.of(zip)));
        robot.clickOn("#compareButton");
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> robot.lookup("#suspectCard-1").tryQuery().isPresent());

        Comparison comparison = model.comparisonProperty().get();
        assertEquals(List.of(Path.of(zip + "!leaks-t0.hprof"), Path.of(zip + "!leaks-t1.hprof"),
                Path.of(zip + "!leaks-t2.hprof")), comparison.files());
        assertEquals(3, comparison.size());
    }
}
