package dev.heapdelta.app.gui.controls;

import java.util.ArrayDeque;
import java.util.Deque;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;

/**
 * Applies changes to a view one pulse at a time: each queued change runs after the layout pass of
 * the pulse before it, so that a view built in parts never costs the FX thread one long pulse. Changes
 * wait while the view is out of the scene. Used on the FX thread only.
 */
public final class PulseQueue {
    private final Node view;
    private final Deque<Runnable> changes = new ArrayDeque<>();
    private final Runnable afterLayout = this::afterLayout;
    private boolean scheduled;

    public PulseQueue(Node view) {
        this.view = view;
        view.sceneProperty().addListener((o, old, now) -> {
            if (old != null) {
                old.removePostLayoutPulseListener(afterLayout);
            }
            if (now != null && !changes.isEmpty()) {
                now.addPostLayoutPulseListener(afterLayout);
            }
        });
    }

    /** Queues {@code change} to run in a pulse of its own, after the changes queued before it. */
    public void add(Runnable change) {
        boolean idle = changes.isEmpty();
        changes.add(change);
        Scene scene = view.getScene();
        if (idle && scene != null) {
            scene.addPostLayoutPulseListener(afterLayout);
            // A view that is already shown and unchanged has no pulse coming to start the queue.
            Platform.requestNextPulse();
        }
    }

    private void afterLayout() {
        if (!scheduled) {
            scheduled = true;
            Platform.runLater(this::applyNext);
        }
    }

    private void applyNext() {
        scheduled = false;
        Runnable change = changes.poll();
        if (change != null) {
            change.run();
        }
        Scene scene = view.getScene();
        if (changes.isEmpty() && scene != null) {
            scene.removePostLayoutPulseListener(afterLayout);
        }
    }
}
