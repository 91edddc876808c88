package dev.heapdelta.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.leaks.Suspect;
import dev.heapdelta.analyzer.report.DiffReport;
import dev.heapdelta.analyzer.report.DiffReports;
import dev.heapdelta.analyzer.source.AnalysisCancelledException;
import dev.heapdelta.app.cli.DiffJson;
import dev.heapdelta.app.gui.session.Comparison;
import dev.heapdelta.app.gui.welcome.RecentFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import javafx.concurrent.Task;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The overview is shown before the leak detectors have run: the totals, the growth chart and the class table
 * at once, "Finding suspects…" where the cards go (never the "no suspects" note), the report's export and JSON
 * waiting; then the cards, the same as {@link DiffReports#of} gives for the same snapshots. The search can be
 * cancelled, stops at its next step, and can be started again. The search is held back here until the test
 * lets it go, so that the pending state is seen on any machine.
 */
@ExtendWith(ApplicationExtension.class)
class SuspectSearchUiTest {
    private final HeldSearches searches = new HeldSearches();
    private MainViewModel model;

    @Start
    void start(Stage stage) {
        GuiContext context = new GuiContext(searches, GuiFixtures.rememberingLoader(), RecentFiles.inMemory(),
                GuiFixtures::exampleFiles);
        model = new MainViewModel(context);
        GuiLauncher.createWindow(stage, model);
        stage.show();
    }

    @Test
    void aSeriesOverviewShowsFindingSuspectsUntilTheSearchEndsThenTheRankedLeaksOfDiffReports(FxRobot robot)
            throws Exception {
        List<Path> example = GuiFixtures.exampleFiles();
        robot.interact(() -> model.open(example));
        waitForPending(robot);
        assertTrue(robot.lookup("#growthChart").tryQuery().isPresent() || waitForGrowthChart(robot),
                "the growth chart needs no suspects");
        assertTrue(robot.lookup("#trendChart").tryQuery().isEmpty(), "the trend chart draws the suspects");
        String headline = robot.lookup("#overviewHeadline").queryAs(Label.class).getText();
        assertTrue(headline.endsWith("over 3 snapshots; looking for leak suspects."), headline);
        assertPendingState(robot);

        searches.release();
        waitForCards(robot);
        DiffReport expected = DiffReports.of(snapshots(), false);
        assertFalse(expected.suspects().isEmpty(), "the example leaks");
        assertEquals(titlesOf(expected), shownTitles(robot));
        assertEquals(DiffJson.toJson(expected), model.reportJson(), "the report the app exports");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#trendChart").tryQuery().isPresent());
        headline = robot.lookup("#overviewHeadline").queryAs(Label.class).getText();
        assertTrue(headline.endsWith(expected.suspects().size() + " leak suspects."), headline);
        assertFalse(menuItem(robot, "exportMenuItem").isDisable(), "the export waits no more");
    }

    @Test
    void oneDumpsOverviewIsShownWhileItsSuspectsArePendingThenShowsWhatDiffReportsFinds(FxRobot robot)
            throws Exception {
        List<Path> example = GuiFixtures.exampleFiles();
        Path last = example.get(example.size() - 1);
        robot.interact(() -> model.open(List.of(last)));
        waitForPending(robot);
        String headline = robot.lookup("#overviewHeadline").queryAs(Label.class).getText();
        assertTrue(headline.contains("objects; looking for what holds it."), headline);
        assertPendingState(robot);
        robot.clickOn("#classesToggle");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#classTable .table-row-cell")
                .tryQuery().isPresent());

        searches.release();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !model.suspectsPendingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#classTable").tryQuery().isPresent(), "the user stays where they went");
        robot.clickOn("#overviewToggle");
        waitForCards(robot);
        DiffReport expected = DiffReports.of(snapshots(), false);
        assertFalse(expected.suspects().isEmpty(), "the service's cache holds the dump");
        assertEquals(titlesOf(expected), shownTitles(robot));
        assertEquals(DiffJson.toJson(expected), model.reportJson());
    }

    @Test
    void cancellingTheSearchStopsItSaysSoAndFindSuspectsStartsItAgain(FxRobot robot) throws Exception {
        List<Path> example = GuiFixtures.exampleFiles();
        robot.interact(() -> model.open(example));
        waitForPending(robot);
        robot.clickOn("#cancelSuspectSearchButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Suspects not searched", robot.lookup("#suspectSearchState").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#findSuspectsButton").tryQuery().isPresent());
        assertTrue(robot.lookup("#noSuspects").tryQuery().isEmpty(), "cancelled is not 'no suspects'");
        assertTrue(model.suspectsPendingProperty().get());

        // The cancelled search, let go now, stops at its first step; its result would be dropped anyway.
        searches.release();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> searches.ended.size() == 1);
        assertInstanceOf(AnalysisCancelledException.class,
                WaitForAsyncUtils.asyncFx(() -> searches.ended.get(0).getException()).get());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#suspectCard-1").tryQuery().isEmpty());
        assertEquals("Suspects not searched", robot.lookup("#suspectSearchState").queryAs(Label.class).getText());

        robot.clickOn("#findSuspectsButton");
        waitForCards(robot);
        assertEquals(titlesOf(DiffReports.of(snapshots(), false)), shownTitles(robot));
        assertTrue(robot.lookup("#suspectSearch").tryQuery().isEmpty());
    }

    /** "Finding suspects…" where the cards go, and what needs them disabled. */
    private void assertPendingState(FxRobot robot) {
        assertEquals("Finding suspects…", robot.lookup("#suspectSearchState").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#suspectSearchProgress").tryQuery().isPresent());
        assertTrue(robot.lookup("#cancelSuspectSearchButton").tryQuery().isPresent());
        assertTrue(robot.lookup("#noSuspects").tryQuery().isEmpty(), "pending is not 'no suspects'");
        assertTrue(robot.lookup("#suspectCard-1").tryQuery().isEmpty());
        assertTrue(menuItem(robot, "exportMenuItem").isDisable(), "the export needs the suspects");
        assertTrue(menuItem(robot, "copyJsonMenuItem").isDisable(), "the JSON needs the suspects");
        assertFalse(menuItem(robot, "goToObjectMenuItem").isDisable(), "the object views need none");
    }

    private void waitForPending(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> robot.lookup("#suspectSearchState").tryQuery()
                .isPresent() && !model.loading().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static boolean waitForGrowthChart(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#growthChart").tryQuery().isPresent());
        return true;
    }

    private static void waitForCards(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> robot.lookup("#suspectCard-1").tryQuery().isPresent()
                || robot.lookup("#findSuspectsButton").tryQuery().isPresent());
        assertTrue(robot.lookup("#findSuspectsButton").tryQuery().isEmpty(), () -> "the search ended without cards: "
                + robot.lookup("#suspectSearchState").queryAs(Label.class).getText() + ": "
                + robot.lookup("#suspectSearchDetail").queryAs(Label.class).getText());
        // The cards after the first come a few per pulse.
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<Snapshot> snapshots() {
        Comparison shown = model.comparisonProperty().get();
        assertFalse(shown.suspectsPending());
        return shown.snapshots();
    }

    private static List<String> titlesOf(DiffReport report) {
        List<String> titles = new ArrayList<>();
        for (List<Suspect> group : List.of(report.suspects(), report.largeRetainers(), report.boundedCaches())) {
            group.forEach(suspect -> titles.add(suspect.title()));
        }
        return titles;
    }

    private static List<String> shownTitles(FxRobot robot) {
        List<String> titles = new ArrayList<>();
        for (int rank = 1; robot.lookup("#suspectTitle-" + rank).tryQuery().isPresent(); rank++) {
            titles.add(robot.lookup("#suspectTitle-" + rank).queryAs(Label.class).getText());
        }
        return titles;
    }

    private static MenuItem menuItem(FxRobot robot, String id) {
        return robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus().stream()
                .flatMap(menu -> menu.getItems().stream()).filter(item -> id.equals(item.getId())).findFirst()
                .orElseThrow(() -> new AssertionError("no menu item " + id));
    }

    /**
     * The test workers, with each search for suspects on a thread of its own that waits until {@link #release};
     * the searches that ended, in order.
     */
    private static final class HeldSearches implements Executor {
        private final CountDownLatch released = new CountDownLatch(1);
        final List<Task<?>> ended = new CopyOnWriteArrayList<>();

        void release() {
            released.countDown();
        }

        @Override
        public void execute(Runnable task) {
            if (!task.toString().equals("find the suspects")) {
                GuiFixtures.WORKERS.execute(task);
                return;
            }
            Thread held = new Thread(() -> {
                try {
                    released.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                task.run();
                ended.add((Task<?>) task);
            }, "held-suspect-search");
            held.setDaemon(true);
            held.start();
        }
    }
}
