package dev.heapdelta.app.gui.welcome;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class WelcomeViewModelTest {
    @Test
    void baselineAndTargetTakeTheFirstTwoPlacesAndLaterSnapshotsFollow() {
        WelcomeViewModel model = new WelcomeViewModel(RecentFiles.inMemory());
        model.chooseTarget(Path.of("b.hprof"));
        model.chooseBaseline(Path.of("a.hprof"));
        model.addSnapshot(Path.of("c.hprof"));
        model.chooseTarget(Path.of("b2.hprof"));
        assertEquals(List.of(Path.of("a.hprof"), Path.of("b2.hprof"), Path.of("c.hprof")), model.chosenFiles());
        assertEquals("Baseline", WelcomeViewModel.roleOf(0));
        assertEquals("Target", WelcomeViewModel.roleOf(1));
        assertEquals("Snapshot 3", WelcomeViewModel.roleOf(2));
    }

    @Test
    void droppedFilesJoinInNameOrder() {
        WelcomeViewModel model = new WelcomeViewModel(RecentFiles.inMemory());
        model.addDropped(List.of(Path.of("dump-2.hprof"), Path.of("dump-1.hprof")));
        assertEquals(List.of(Path.of("dump-1.hprof"), Path.of("dump-2.hprof")), model.chosenFiles());
    }

    @Test
    void openedFilesAreRememberedMostRecentFirstAndSurviveARestart() {
        RecentFiles store = RecentFiles.inMemory();
        WelcomeViewModel first = new WelcomeViewModel(store);
        first.rememberOpened(List.of(Path.of("/d/a.hprof"), Path.of("/d/b.hprof")));
        first.rememberOpened(List.of(Path.of("/d/c.hprof")));
        WelcomeViewModel restarted = new WelcomeViewModel(store);
        assertEquals(List.of(Path.of("/d/c.hprof"), Path.of("/d/b.hprof"), Path.of("/d/a.hprof")),
                restarted.recentFiles());
        restarted.forget(Path.of("/d/b.hprof"));
        assertEquals(List.of(Path.of("/d/c.hprof"), Path.of("/d/a.hprof")), new WelcomeViewModel(store).recentFiles());
    }

    @Test
    void preferencesStoreKeepsTheListBetweenInstances() throws Exception {
        java.util.prefs.Preferences node = java.util.prefs.Preferences.userRoot()
                .node("dev/heapdelta/test/recent-" + System.nanoTime());
        try {
            new PreferencesRecentFiles(node).save(List.of(Path.of("/x/one.hprof"), Path.of("/x/two.hprof")));
            assertEquals(List.of(Path.of("/x/one.hprof"), Path.of("/x/two.hprof")),
                    new PreferencesRecentFiles(node).load());
        } finally {
            node.removeNode();
        }
    }
}
