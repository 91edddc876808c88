package dev.heapdelta.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.analysis.IndexCacheUse;
import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.app.gui.session.Comparison;
import dev.heapdelta.app.gui.session.SnapshotSource;
import dev.heapdelta.app.gui.welcome.RecentFiles;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A dump the app opened once is reopened from its index-cache entry, its arrays mapped rather than copied, and
 * shows what its fresh opening showed: the same overview, word for word, the same suspects and the same JSON.
 * A damaged entry is read afresh, shows the same again, and the status line says why, also when the damage is
 * found after its overview was shown (the app checks the mapped images behind it).
 */
@ExtendWith(ApplicationExtension.class)
class IndexCacheReopeningUiTest {
    @TempDir
    Path cache;
    @TempDir
    Path dumps;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    /**
     * What one opening showed once its suspects were found, the snapshot it showed, and how each comparison it
     * showed on the way was loaded (its first snapshot's use of the index cache).
     */
    private record Shown(List<String> overview, String json, Snapshot snapshot, List<String> statusLines,
            List<IndexCacheUse.Status> comparisonsShown) {
    }

    @Test
    void aDumpReopenedFromItsEntryShowsTheOverviewSuspectsAndJsonOfItsFreshOpening(FxRobot robot) throws Exception {
        Path dump = exampleDump();
        Shown fresh = open(robot, dump);
        assertEquals(IndexCacheUse.Status.SAVED, fresh.snapshot().indexCache().status(),
                String.valueOf(fresh.snapshot().indexCache()));

        Shown reopened = open(robot, dump);
        assertEquals(IndexCacheUse.Status.REUSED, reopened.snapshot().indexCache().status(),
                String.valueOf(reopened.snapshot().indexCache()));
        assertFalse(reopened.snapshot().graph().store().isMapped(), "not out of core: the entry is only mapped");
        assertTrue(fresh.overview().stream().anyMatch(text -> text.startsWith("suspectTitle-1=")),
                "the example's service holds a cache: " + fresh.overview());
        assertEquals(fresh.overview(), reopened.overview());
        assertEquals(fresh.json(), reopened.json());
    }

    @Test
    void aDamagedEntryIsReadAfreshShowsTheSameAndTheStatusLineSaysSo(FxRobot robot) throws Exception {
        Path dump = exampleDump();
        Shown fresh = open(robot, dump);
        Path entry = fresh.snapshot().indexCache().entry();
        try (RandomAccessFile graph = new RandomAccessFile(entry.resolve("graph.bin").toFile(), "rw")) {
            long at = graph.length() * 3 / 4;
            graph.seek(at);
            int b = graph.read();
            graph.seek(at);
            graph.write(b ^ 0x04);
        }

        Shown again = open(robot, dump);
        // The entry's mapped images are checked once the overview shows them: the damage is found after, by the
        // search for the suspects, which never runs on the damaged graph; the dump is then read afresh.
        // (A fresh analysis is shown before its entry is written.)
        assertEquals(List.of(IndexCacheUse.Status.REUSED, IndexCacheUse.Status.NOT_USED), again.comparisonsShown());
        assertEquals(IndexCacheUse.Status.SAVED, again.snapshot().indexCache().status(),
                String.valueOf(again.snapshot().indexCache()));
        assertEquals(fresh.overview(), again.overview());
        assertEquals(fresh.json(), again.json());
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> again.statusLines().stream()
                    .anyMatch(line -> line.contains("index cache: ignored a damaged entry")));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the status line never told of the damaged entry: " + again.statusLines(), e);
        }
        String status = again.statusLines().stream().filter(line -> line.contains("index cache")).findFirst()
                .orElseThrow();
        assertTrue(status.startsWith(dump.getFileName() + ": index cache: ignored a damaged entry ("), status);
        assertTrue(status.contains("checksum mismatch"), status);
        assertTrue(status.endsWith("deleted it and analysed the dump afresh"), status);
    }

    /** The example's last dump, copied: its entry is this test's own. */
    private Path exampleDump() throws IOException {
        List<Path> example = GuiFixtures.exampleFiles();
        return Files.copy(example.get(example.size() - 1), dumps.resolve("service.hprof"));
    }

    /** Opens {@code dump} in a new window of the app, its cache this test's, and waits for its suspects and entry. */
    private Shown open(FxRobot robot, Path dump) throws Exception {
        SnapshotSource source = (file, name, options, cancel, progress) -> SnapshotSource.ANALYZER.load(file, name,
                options.withCacheDirectory(cache), cancel, progress);
        MainViewModel model = new MainViewModel(new GuiContext(GuiFixtures.WORKERS, source, RecentFiles.inMemory(),
                GuiFixtures::exampleFiles));
        List<String> statusLines = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<IndexCacheUse.Status> comparisonsShown = new java.util.concurrent.CopyOnWriteArrayList<>();
        robot.interact(() -> {
            model.statusProperty().addListener((o, old, line) -> statusLines.add(line));
            model.comparisonProperty().addListener((o, old, loaded) -> {
                // The comparison with its suspects replaces the one without; it is the same load.
                if (loaded != null && (old == null || old.snapshot(0) != loaded.snapshot(0))) {
                    comparisonsShown.add(loaded.snapshot(0).indexCache().status());
                }
            });
            GuiLauncher.createWindow(stage, model);
            stage.show();
            model.open(List.of(dump));
        });
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> model.comparisonProperty().get() != null
                && !model.loading().runningProperty().get() && !model.suspectsPendingProperty().get());
        model.loading().awaitIndexCacheSaves();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#suspectCard-1").tryQuery().isPresent()
                || robot.lookup("#noSuspects").tryQuery().isPresent());
        // The cards after the first come a few per pulse.
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        Comparison shown = model.comparisonProperty().get();
        List<String> overview = WaitForAsyncUtils.asyncFx(() -> textsUnder(robot.lookup("#overviewView").query()))
                .get(10, TimeUnit.SECONDS);
        return new Shown(overview, model.reportJson(), shown.snapshot(0), statusLines, comparisonsShown);
    }

    /** Every label's id and text under {@code node}, in the scene graph's order. */
    private static List<String> textsUnder(Node node) {
        List<String> texts = new ArrayList<>();
        collect(node, texts);
        return texts;
    }

    private static void collect(Node node, List<String> texts) {
        if (node instanceof Labeled labeled && node.isVisible()) {
            texts.add(node.getId() + "=" + labeled.getText());
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, texts);
            }
        }
    }
}
