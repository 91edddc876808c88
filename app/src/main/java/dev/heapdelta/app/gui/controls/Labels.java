package dev.heapdelta.app.gui.controls;

import javafx.scene.control.Label;

/** Labels with the app's text styles. */
public final class Labels {
    private Labels() {
    }

    public static Label styled(String text, String... styleClasses) {
        Label label = new Label(text);
        label.getStyleClass().addAll(styleClasses);
        return label;
    }

    /** A label whose text can be copied from its context menu: cheaper than a text field in long lists. */
    public static Label copyable(String text, String... styleClasses) {
        Label label = styled(text, styleClasses);
        javafx.scene.control.MenuItem copy = new javafx.scene.control.MenuItem("Copy");
        copy.setOnAction(event -> {
            javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
            content.putString(label.getText());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        });
        label.setContextMenu(new javafx.scene.control.ContextMenu(copy));
        return label;
    }

    /** A label the user can select and copy from: ids, path keys. */
    public static javafx.scene.control.TextField selectable(String text, String... styleClasses) {
        javafx.scene.control.TextField field = new javafx.scene.control.TextField(text);
        field.setEditable(false);
        field.getStyleClass().addAll("selectable-label");
        field.getStyleClass().addAll(styleClasses);
        return field;
    }
}
