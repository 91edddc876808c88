package dev.heapdelta.app.gui;

import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.util.Duration;

/**
 * The status bar's text: a resting line (what is open), and passing messages ("Copied the report…") that
 * give way to it after a few seconds or at the user's next move, whichever comes first. Used on the FX thread.
 */
final class StatusLine {
    static final Duration MESSAGE_SHOWN_FOR = Duration.seconds(6);

    private final ReadOnlyStringWrapper text;
    /** Made at the first message: an animation needs the FX toolkit, which a view-model test may not start. */
    private PauseTransition timer;
    private String resting;
    private boolean passing;

    StatusLine(String resting) {
        this.resting = resting;
        this.text = new ReadOnlyStringWrapper(resting);
    }

    ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** The line shown between messages; shown now. */
    void rest(String line) {
        resting = line;
        passing = false;
        stopTimer();
        text.set(line);
    }

    /** A message that passes: it stands for {@link #MESSAGE_SHOWN_FOR} or until {@link #endMessage}. */
    void tell(String message) {
        passing = true;
        text.set(message);
        if (timer == null) {
            timer = new PauseTransition(MESSAGE_SHOWN_FOR);
            timer.setOnFinished(event -> endMessage());
        }
        timer.playFromStart();
    }

    /** Work under way ("Writing the leak report…"): it stands until the next message says how it ended. */
    void working(String message) {
        passing = false;
        stopTimer();
        text.set(message);
    }

    /** Back to the resting line, if a passing message is shown: the user moved on. */
    void endMessage() {
        if (passing) {
            passing = false;
            stopTimer();
            text.set(resting);
        }
    }

    private void stopTimer() {
        if (timer != null) {
            timer.stop();
        }
    }
}
