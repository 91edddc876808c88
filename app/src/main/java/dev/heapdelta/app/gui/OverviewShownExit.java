package dev.heapdelta.app.gui;

import dev.heapdelta.app.gui.navigation.Place;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.scene.Scene;

/**
 * For timing the app as a user opens dumps in it ({@code bench --commands}): once the overview of the files
 * it opened has been laid out and drawn, says so with the JVM's uptime on {@code out} and ends the app; a
 * load that fails says why and ends it with exit code 2 instead of showing a dialog that nobody closes.
 */
final class OverviewShownExit {
    /** The app's exit code for a load that failed. */
    static final int LOAD_FAILED = 2;

    private final PrintWriter out;
    private volatile int exitCode;

    OverviewShownExit(PrintWriter out) {
        this.out = out;
    }

    int exitCode() {
        return exitCode;
    }

    /** Watches the window's model; call after the window is built, so that its own listeners run first. */
    void watch(Scene scene, MainViewModel model) {
        model.setFailureHandler(failure -> {
            out.println("could not open: " + failure.file() + ": " + failure.problem());
            out.flush();
            exitCode = LOAD_FAILED;
            Platform.exit();
        });
        ChangeListener<Place> shown = new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Place> o, Place old, Place place) {
                if (place instanceof Place.Overview) {
                    model.navigator().currentProperty().removeListener(this);
                    afterNextPulse(scene);
                }
            }
        };
        model.navigator().currentProperty().addListener(shown);
    }

    /** The main view swapped the overview in; the next pulse lays it out and draws it. */
    private void afterNextPulse(Scene scene) {
        Runnable drawn = new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                // The rendering of this pulse follows its layout: the report waits for the pulse to end.
                Platform.runLater(() -> {
                    out.printf(Locale.ROOT, "overview shown after %,d ms%n",
                            ManagementFactory.getRuntimeMXBean().getUptime());
                    out.flush();
                    Platform.exit();
                });
            }
        };
        scene.addPostLayoutPulseListener(drawn);
        Platform.requestNextPulse();
    }
}
