package dev.heapdelta.app.gui.welcome;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The start screen: the dumps chosen so far, oldest (the baseline) first, and the recently opened
 * ones. "Open" hands the chosen list to whoever loads it.
 */
public final class WelcomeViewModel {
    private final RecentFiles recentFiles;
    private final ObservableList<Path> chosen = FXCollections.observableArrayList();
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    private final ObservableList<Path> chosenView = FXCollections.unmodifiableObservableList(chosen);
    private final ObservableList<Path> recentView = FXCollections.unmodifiableObservableList(recent);
    private final BooleanBinding canOpen = Bindings.isNotEmpty(chosen);
    /** True while the only file chosen came from "Open target…": a baseline chosen next goes before it. */
    private boolean targetWithoutBaseline;

    public WelcomeViewModel(RecentFiles recentFiles) {
        this.recentFiles = recentFiles;
        recent.setAll(recentFiles.load());
    }

    /** The dumps to open, in snapshot order: baseline, target, then any later ones. */
    public ObservableList<Path> chosenFiles() {
        return chosenView;
    }

    public ObservableList<Path> recentFiles() {
        return recentView;
    }

    public BooleanBinding canOpenProperty() {
        return canOpen;
    }

    /** Sets the first snapshot, replacing any baseline chosen before (a target chosen first stays second). */
    public void chooseBaseline(Path file) {
        if (chosen.isEmpty() || targetWithoutBaseline) {
            chosen.add(0, file);
        } else {
            chosen.set(0, file);
        }
        targetWithoutBaseline = false;
    }

    /** Sets the second snapshot, replacing any target chosen before. */
    public void chooseTarget(Path file) {
        if (chosen.isEmpty()) {
            chosen.add(file);
            targetWithoutBaseline = true;
        } else if (chosen.size() == 1 && targetWithoutBaseline) {
            chosen.set(0, file);
        } else if (chosen.size() < 2) {
            chosen.add(file);
        } else {
            chosen.set(1, file);
        }
    }

    /** Appends a later snapshot to the series. */
    public void addSnapshot(Path file) {
        chosen.add(file);
        targetWithoutBaseline = false;
    }

    /** Adds dropped files in name order, which for {@code dump-1, dump-2, …} is the order they were taken. */
    public void addDropped(List<Path> files) {
        List<Path> sorted = new ArrayList<>(files);
        sorted.removeIf(Files::isDirectory);
        sorted.sort(null);
        chosen.addAll(sorted);
    }

    public void remove(Path file) {
        chosen.remove(file);
    }

    public void moveUp(int index) {
        if (index > 0 && index < chosen.size()) {
            Path file = chosen.remove(index);
            chosen.add(index - 1, file);
        }
    }

    public void moveDown(int index) {
        if (index >= 0 && index < chosen.size() - 1) {
            Path file = chosen.remove(index);
            chosen.add(index + 1, file);
        }
    }

    public void clear() {
        chosen.clear();
        targetWithoutBaseline = false;
    }

    /** Replaces the chosen list, as {@code heapdelta gui A B} and "Open example" do. */
    public void choose(List<Path> files) {
        chosen.setAll(files);
        targetWithoutBaseline = false;
    }

    /** Remembers files that opened, most recent first, and drops a file that no longer does. */
    public void rememberOpened(List<Path> files) {
        List<Path> updated = new ArrayList<>();
        for (int i = files.size() - 1; i >= 0; i--) {
            Path file = files.get(i).toAbsolutePath().normalize();
            if (!updated.contains(file)) {
                updated.add(file);
            }
        }
        for (Path file : recent) {
            if (!updated.contains(file) && updated.size() < RecentFiles.LIMIT) {
                updated.add(file);
            }
        }
        recent.setAll(updated);
        recentFiles.save(updated);
    }

    public void forget(Path file) {
        if (recent.remove(file)) {
            recentFiles.save(List.copyOf(recent));
        }
    }

    /** What to call the file at {@code index} in the chosen list. */
    public static String roleOf(int index) {
        return switch (index) {
            case 0 -> "Baseline";
            case 1 -> "Target";
            default -> "Snapshot " + (index + 1);
        };
    }
}
