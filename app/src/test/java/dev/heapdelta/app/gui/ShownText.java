package dev.heapdelta.app.gui;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

/** What a label really shows: JavaFX cuts a text that does not fit to "Op…" in the label's text node. */
final class ShownText {
    private ShownText() {
    }

    /** The text drawn on screen, or null before the label is laid out. */
    static String of(Labeled labeled) {
        Node text = labeled.lookup(".text");
        return text instanceof Text drawn ? drawn.getText() : null;
    }

    /** Whether the label draws its whole text, wrapped or on one line, and not an ellipsis of it. */
    static boolean whole(Labeled labeled) {
        String shown = of(labeled);
        return shown != null && shown.replace("\n", " ").strip().equals(labeled.getText().replace("\n", " ").strip());
    }
}
