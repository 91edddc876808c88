package dev.heapdelta.app.gui.controls;

import dev.heapdelta.app.gui.format.ObjectNames;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TreeTableCell;
import javafx.scene.layout.HBox;

/**
 * Cells that write an object as {@code Session @ 0x…  dev.heapdelta.samples.service}: the simple name in
 * the text colour, the package and the label in grey. Each cell keeps its labels and only changes their text.
 */
public final class ObjectNameCells {
    private ObjectNameCells() {
    }

    public static <S> TableCell<S, ObjectNames> table() {
        return new TableCell<>() {
            private final Parts parts = new Parts();

            @Override
            protected void updateItem(ObjectNames item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                setGraphic(empty || item == null ? null : parts.show(item));
            }
        };
    }

    public static <S> TreeTableCell<S, ObjectNames> tree() {
        return new TreeTableCell<>() {
            private final Parts parts = new Parts();

            @Override
            protected void updateItem(ObjectNames item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                setGraphic(empty || item == null ? null : parts.show(item));
            }
        };
    }

    /** The labels of one cell. */
    private static final class Parts {
        private final Label name = Labels.styled("", "object-name");
        private final Label at = new Label();
        private final Label packageName = Labels.styled("", "text-muted");
        private final Label label = Labels.styled("", "text-muted");
        private final HBox box = new HBox(0, name, at, packageName, label);

        Parts() {
            name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        }

        HBox show(ObjectNames names) {
            name.setText(names.name());
            at.setText(names.at());
            packageName.setText(names.packageName().isEmpty() ? "" : "  " + names.packageName());
            label.setText(names.label().isEmpty() ? "" : "  " + names.label());
            return box;
        }
    }
}
